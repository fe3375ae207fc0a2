/*
 * What kind of case this is and how it came in (domain.md §4.1). Each kind follows its own state machine
 * (shared/case/status.ts); `joint` (联办) cases follow the mediation machine until they are referred on.
 */

/** 案件类型: mediation (调解), arbitration (仲裁), joint handling (联办), court-side judicial confirmation (司法确认). */
export const CASE_KINDS = ['mediation', 'arbitration', 'joint', 'judicial_confirmation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** 来源渠道: how the dispute reached the organisation (statistics group by it). */
export const CHANNELS = [
  'walk_in', // 来访
  'mobile', // 背包/流动服务
  'online', // 线上平台
  'court_referral', // 法院委派
  'union_referral', // 工会转介
  'grid_report', // 网格员上报
  'hotline', // 12333 / 12345
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** 纠纷类别 (domain.md §4.2 A–F); a case may carry several. */
export const DISPUTE_CATEGORIES = [
  'wage_arrears', // 欠薪
  'work_injury', // 工伤待遇
  'termination', // 解除/终止劳动合同
  'social_insurance', // 社会保险
  'platform_gig', // 新就业形态 / 平台用工
  'labour_relation', // 确认劳动关系
  'overtime', // 加班费
  'annual_leave', // 年休假
  'three_periods', // 三期
  'non_compete_training', // 竞业限制 / 培训费
  'dispatch', // 劳务派遣
  'dismissal', // 除名/辞退
  'other',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

/** 程序: ordinary or simple procedure (简易处理, Rules 56–61). */
export const PROCEDURES = ['ordinary', 'simple'] as const;
export type Procedure = (typeof PROCEDURES)[number];
