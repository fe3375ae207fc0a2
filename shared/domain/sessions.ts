/*
 * Sessions, venues, confidentiality and the structured-note stages of domain.md §4.1 and §5.
 */

/** 活动类型: joint mediation (面对面), caucus (背靠背), on-site investigation (调查), (mobile) hearing (开庭). */
export const SESSION_KINDS = ['mediation_joint', 'mediation_caucus', 'investigation', 'hearing'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** 地点类型 (domain.md §5.1 stage 1): where a backpack session took place. */
export const VENUES = [
  'factory',
  'community_square',
  'workers_home',
  'site', // 工地
  'office',
  'court',
  'hospital',
  'online',
  'other',
] as const;
export type Venue = (typeof VENUES)[number];

/** Note methods of §5: 五心 (five stages) and 四情四步 (four steps). */
export const NOTE_METHODS = ['five_heart', 'four_step'] as const;
export type NoteMethod = (typeof NOTE_METHODS)[number];

/** 五心 stages 1–5 (耐心倾听, 公心说理, 交心沟通, 诚心化解, 同心和解). */
export const FIVE_HEART_STAGES = ['listen', 'reason', 'heart_to_heart', 'resolve', 'reconcile'] as const;
export type FiveHeartStage = (typeof FIVE_HEART_STAGES)[number];

/** 四情四步 steps (察人情, 讲案情, 融温情, 化心结). */
export const FOUR_STEP_STAGES = ['people', 'case', 'warmth', 'knots'] as const;
export type FourStepStage = (typeof FOUR_STEP_STAGES)[number];

/** Fields of §4.5 whose unmasking is audited (audit.revealed). */
export const MASKED_FIELDS = ['idNumber', 'phone', 'address', 'bankAccount', 'health', 'hardship'] as const;
export type MaskedField = (typeof MASKED_FIELDS)[number];

/** Evidence types (1.8): 书证, 物证, 视听资料, 电子数据, 证人证言, 当事人陈述, 鉴定意见, 勘验笔录. */
export const EVIDENCE_KINDS = [
  'documentary',
  'physical',
  'audio_visual',
  'electronic',
  'witness',
  'party_statement',
  'appraisal',
  'inspection_record',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
