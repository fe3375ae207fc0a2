/** Identifier validation, masking and demo generation: the one import for callers (domain.md §4.4–4.5). */
export * from '#shared/law/id-resident';
export * from '#shared/law/id-credit-code';
export * from '#shared/law/id-contact';
export * from '#shared/law/id-generate';
export { acceptCheck, type AcceptedOverride, type CheckResult, type LawMessage } from '#shared/law/messages';
