/** Claim calculators (劳动合同法 Arts. 47, 82, 87; LDMAL Art. 47): the one import for callers. */
export * from '#shared/law/calc-common';
export * from '#shared/law/compensation';
export * from '#shared/law/arrears';
export * from '#shared/law/final-award';
export * from '#shared/law/regional-tables';
