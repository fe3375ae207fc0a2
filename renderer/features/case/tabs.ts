/* The case-file tabs in screens.md order. */
export const CASE_TABS = [
  'overview',
  'parties',
  'claims',
  'evidence',
  'mediation',
  'hearing',
  'agreement',
  'documents',
  'deadlines',
  'timeline',
  'referrals',
  'review',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export const isCaseTab = (s: string | null): s is CaseTab => CASE_TABS.some((t) => t === s);
