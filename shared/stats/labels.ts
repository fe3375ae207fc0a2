/*
 * Chinese labels for the keys statistics group by. Reports and exports are read in Chinese whatever the
 * UI language, so these live with the statistics rather than in the renderer's translations.
 */
import type { CaseKind, Channel, DisputeCategory } from '#shared/domain/case-kinds';
import type { ClosureType } from '#shared/domain/closure-types';
import type { ReferralTarget } from '#shared/domain/organisation';

export const KIND_ZH: Readonly<Record<CaseKind, string>> = {
  mediation: '调解',
  arbitration: '仲裁',
  joint: '联办',
  judicial_confirmation: '司法确认',
};

export const CHANNEL_ZH: Readonly<Record<Channel, string>> = {
  walk_in: '来访',
  mobile: '流动服务',
  online: '线上',
  court_referral: '法院委派',
  union_referral: '工会转介',
  grid_report: '网格员上报',
  hotline: '热线',
  other: '其他',
};

export const CATEGORY_ZH: Readonly<Record<DisputeCategory, string>> = {
  wage_arrears: '劳动报酬',
  work_injury: '工伤待遇',
  termination: '解除、终止劳动合同',
  social_insurance: '社会保险',
  platform_gig: '新就业形态',
  labour_relation: '确认劳动关系',
  overtime: '加班费',
  annual_leave: '年休假',
  three_periods: '女职工三期',
  non_compete_training: '竞业限制、培训费',
  dispatch: '劳务派遣',
  dismissal: '除名、辞退',
  other: '其他',
};

export const CLOSURE_TYPE_ZH: Readonly<Record<ClosureType, string>> = {
  refused: '对方拒绝调解',
  mediated_performed: '调解成功并履行',
  mediated: '调解成功',
  failed: '调解不成',
  withdrawn: '撤回',
  terminated: '终止调解',
  award_final: '终局裁决',
  award_non_final: '非终局裁决',
  arbitral_mediation: '仲裁调解',
  deemed_withdrawn: '视为撤回',
  cancelled: '撤销案件',
  not_accepted: '不予受理',
  transferred: '移送',
  confirmed: '裁定确认有效',
  rejected: '裁定驳回',
  other: '其他',
};

export const REFERRAL_TARGET_ZH: Readonly<Record<ReferralTarget, string>> = {
  court_confirmation: '法院司法确认',
  arbitral_review: '仲裁审查',
  arbitration: '转仲裁',
  union: '工会',
  legal_aid: '法律援助',
  labour_inspection: '劳动保障监察',
  work_injury_determination: '工伤认定',
  other: '其他',
};

export const REFERRAL_OUTCOME_ZH: Readonly<Record<string, string>> = {
  pending: '待答复',
  accepted: '已接收',
  declined: '不予接收',
  confirmed: '确认有效',
  rejected: '驳回',
  completed: '已办结',
};

/** Label of a group or breakdown key; unknown keys (user ids, statuses) pass through. */
export function labelOf(map: Readonly<Record<string, string>>, key: string): string {
  return map[key] ?? key;
}
