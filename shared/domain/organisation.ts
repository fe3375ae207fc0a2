/*
 * Roles and organisation kinds. The wire contract (shared/sync/wire.ts) already fixes both lists for
 * enrollment, so they are re-exported from there: one source, never two spellings.
 */
export { ROLES, ORG_KINDS, type Role, type OrgKind } from '#shared/sync/wire';

/** Where a referral (转介/移送) goes (domain.md §4.1 Referral/Link, §3.2). */
export const REFERRAL_TARGETS = [
  'court_confirmation', // 法院司法确认
  'arbitral_review', // 仲裁审查 (调解协议仲裁审查)
  'arbitration', // 转仲裁
  'union', // 工会
  'legal_aid', // 法律援助
  'labour_inspection', // 劳动保障监察
  'work_injury_determination', // 工伤认定
  'other',
] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** Grounds for suspension (中止, Rules Art. 47, items 1–7). */
export const SUSPENSION_GROUNDS = [
  'worker_died', // 1 劳动者死亡, heirs undecided
  'worker_incapacitated', // 2 丧失民事行为能力
  'employer_terminated', // 3 用人单位终止, no successor
  'force_majeure', // 4 不可抗力
  'depends_on_other_case', // 5 以另一案审理结果为依据
  'awaiting_appraisal', // 6 等待工伤认定 / 劳动能力鉴定
  'other', // 7 其他
] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];
