/*
 * Claim-item kinds (domain.md §4.3). `monetary` tells whether an amount in fen is expected; the
 * final-award rule itself lives in shared/law/final-award.ts.
 */

/** 请求事项 kinds, spelled as in domain.md §4.3. */
export const CLAIM_ITEMS = [
  'WAGE_ARREARS',
  'OVERTIME',
  'MIN_WAGE_SHORTFALL',
  'ANNUAL_LEAVE_PAY',
  'DOUBLE_WAGE_NO_CONTRACT',
  'ECON_COMP_N',
  'NOTICE_PAY_PLUS1',
  'UNLAWFUL_TERMINATION_2N',
  'WORK_INJURY_MEDICAL',
  'WORK_INJURY_LEAVE_WAGES', // 停工留薪
  'DISABILITY_ONE_OFF',
  'INJURY_MED_SUBSIDY',
  'DISABILITY_EMPLOYMENT_SUBSIDY',
  'FUNERAL_DEATH_BENEFITS',
  'SOCIAL_INSURANCE_LOSS',
  'CONFIRM_LABOR_RELATION',
  'REINSTATEMENT', // 继续履行
  'HIGH_TEMP_ALLOWANCE',
  'OTHER',
] as const;
export type ClaimItem = (typeof CLAIM_ITEMS)[number];

const NON_MONETARY: ReadonlySet<ClaimItem> = new Set(['CONFIRM_LABOR_RELATION', 'REINSTATEMENT']);

/** Whether a claim of this kind asks for money (an amount in fen). */
export const isMonetaryClaim = (item: ClaimItem): boolean => !NON_MONETARY.has(item);
