/*
 * How a case ended (结案方式), per case kind (domain.md §2.1–2.3 and the statistics codes of §2.2).
 * Statistics group by these codes, so they are closed lists; `other` needs a written reason.
 */
import type { CaseKind } from './case-kinds';

/** Every closure type; which ones fit which case kind is in CLOSURE_TYPES_BY_KIND. */
export const CLOSURE_TYPES = [
  // mediation (调解)
  'refused', // 对方拒绝调解
  'mediated_performed', // 调解成功并履行
  'mediated', // 调解成功 (performance followed elsewhere: JC, arbitral review)
  'failed', // 调解不成
  'withdrawn', // 撤回 / 撤诉
  'terminated', // 当事人要求终止
  // arbitration (仲裁), statistics codes
  'award_final', // 裁决 (终局)
  'award_non_final', // 裁决 (非终局)
  'arbitral_mediation', // 仲裁调解
  'deemed_withdrawn', // 视为撤回
  'cancelled', // 撤销案件
  'not_accepted', // 不予受理
  'transferred', // 移送
  // judicial confirmation (司法确认), court side
  'confirmed', // 裁定有效
  'rejected', // 裁定驳回
  'other',
] as const;
export type ClosureType = (typeof CLOSURE_TYPES)[number];

const MEDIATION: readonly ClosureType[] = [
  'refused',
  'mediated_performed',
  'mediated',
  'failed',
  'withdrawn',
  'terminated',
  'transferred',
  'other',
];

/** Closure types allowed per case kind. */
export const CLOSURE_TYPES_BY_KIND: Readonly<Record<CaseKind, readonly ClosureType[]>> = {
  mediation: MEDIATION,
  joint: MEDIATION,
  arbitration: [
    'award_final',
    'award_non_final',
    'arbitral_mediation',
    'withdrawn',
    'deemed_withdrawn',
    'cancelled',
    'not_accepted',
    'transferred',
    'other',
  ],
  judicial_confirmation: ['confirmed', 'rejected', 'not_accepted', 'withdrawn', 'other'],
};
