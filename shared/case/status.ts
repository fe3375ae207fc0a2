/*
 * The case state machines of domain.md §2.1 (mediation), §2.2 (arbitration) and §2.3 (judicial
 * confirmation, court side) as data: the statuses of each kind and which moves are allowed. The reducer
 * consults this table; an event asking for a move the table does not allow is recorded as a problem
 * (or a conflict, when it comes from a concurrent device) and never thrown.
 */
import type { CaseKind } from '#shared/domain/case-kinds';

/** Mediation statuses (调解, §2.1). `joint` (联办) cases use these too. */
export const MEDIATION_STATUSES = [
  'draft',
  'registered',
  'consent_pending',
  'respondent_refused',
  'accepted',
  'assigned',
  'investigating',
  'in_session',
  'agreement_signed',
  'performing',
  'performed',
  'jc_requested',
  'jc_confirmed',
  'jc_rejected',
  'ar_requested',
  'ar_doc_issued',
  'ar_refused',
  'defaulted',
  'payment_order',
  'referred_arbitration',
  'failed',
  'withdrawn',
  'terminated',
  'closed',
  'follow_up',
  'archived',
] as const;

/** Arbitration statuses (仲裁, §2.2); suspension, extension and overdue are flags, not statuses. */
export const ARBITRATION_STATUSES = [
  'received',
  'correction_requested',
  'accepted',
  'not_accepted',
  'redirected',
  'respondent_served',
  'answer_period',
  'tribunal_formed',
  'evidence_period',
  'hearing_scheduled',
  'postponed',
  'hearing_held',
  'deliberation',
  'mediated',
  'awarded',
  'withdrawn',
  'deemed_withdrawn',
  'cancelled',
  'served',
  'effective',
  'litigated',
  'revocation_applied',
  'closed',
  'archived',
] as const;

/** Judicial-confirmation statuses (司法确认, §2.3), court side. */
export const JC_STATUSES = [
  'prepared',
  'filed',
  'accepted',
  'not_accepted',
  'under_review',
  'confirmed',
  'rejected',
  'withdrawn',
  'closed',
  'archived',
] as const;

export type MediationStatus = (typeof MEDIATION_STATUSES)[number];
export type ArbitrationStatus = (typeof ARBITRATION_STATUSES)[number];
export type JcStatus = (typeof JC_STATUSES)[number];
/** Any case status (the spelling is shared where kinds share a meaning, e.g. `accepted`, `closed`). */
export type CaseStatus = MediationStatus | ArbitrationStatus | JcStatus;

/** Every status of every machine, for schemas. */
export const ALL_STATUSES = [
  ...new Set<CaseStatus>([...MEDIATION_STATUSES, ...ARBITRATION_STATUSES, ...JC_STATUSES]),
] as [CaseStatus, ...CaseStatus[]];

type Moves<S extends string> = Readonly<Record<S, readonly S[]>>;

const MEDIATION_MOVES: Moves<MediationStatus> = {
  draft: ['registered', 'withdrawn'],
  registered: ['consent_pending', 'accepted', 'withdrawn'],
  consent_pending: ['respondent_refused', 'accepted', 'withdrawn'],
  respondent_refused: ['referred_arbitration', 'closed'],
  accepted: ['assigned', 'withdrawn'],
  assigned: ['investigating', 'in_session', 'withdrawn', 'terminated'],
  investigating: ['in_session', 'failed', 'withdrawn', 'terminated'],
  in_session: ['investigating', 'agreement_signed', 'failed', 'withdrawn', 'terminated'],
  agreement_signed: ['performing', 'performed', 'jc_requested', 'ar_requested', 'defaulted'],
  performing: ['performed', 'defaulted'],
  performed: ['follow_up', 'closed'],
  jc_requested: ['jc_confirmed', 'jc_rejected'],
  jc_confirmed: ['performing', 'performed', 'defaulted', 'follow_up', 'closed'],
  jc_rejected: ['in_session', 'referred_arbitration', 'closed'],
  ar_requested: ['ar_doc_issued', 'ar_refused'],
  ar_doc_issued: ['performing', 'performed', 'defaulted', 'closed'],
  ar_refused: ['in_session', 'referred_arbitration', 'closed'],
  defaulted: ['payment_order', 'referred_arbitration', 'jc_requested', 'performing', 'performed'],
  payment_order: ['performed', 'closed'],
  referred_arbitration: ['closed'],
  failed: ['referred_arbitration', 'closed'],
  withdrawn: ['closed'],
  terminated: ['referred_arbitration', 'closed'],
  closed: ['follow_up', 'archived'],
  follow_up: ['closed', 'archived'],
  archived: [],
};

const ARBITRATION_MOVES: Moves<ArbitrationStatus> = {
  received: ['correction_requested', 'accepted', 'not_accepted', 'redirected', 'withdrawn'],
  correction_requested: ['received', 'withdrawn'],
  accepted: ['respondent_served', 'tribunal_formed', 'mediated', 'withdrawn', 'cancelled'],
  respondent_served: ['answer_period', 'tribunal_formed', 'mediated', 'withdrawn', 'cancelled'],
  answer_period: ['tribunal_formed', 'evidence_period', 'mediated', 'withdrawn', 'cancelled'],
  tribunal_formed: ['evidence_period', 'hearing_scheduled', 'mediated', 'withdrawn', 'cancelled'],
  evidence_period: ['hearing_scheduled', 'mediated', 'withdrawn', 'cancelled'],
  hearing_scheduled: ['postponed', 'hearing_held', 'mediated', 'withdrawn', 'deemed_withdrawn'],
  postponed: ['hearing_scheduled', 'withdrawn'],
  hearing_held: ['hearing_scheduled', 'deliberation', 'mediated', 'awarded', 'withdrawn'],
  deliberation: ['hearing_scheduled', 'mediated', 'awarded'],
  mediated: ['served', 'closed'],
  awarded: ['served'],
  withdrawn: ['closed'],
  deemed_withdrawn: ['closed'],
  cancelled: ['closed'],
  not_accepted: ['closed'],
  redirected: ['closed'],
  served: ['effective', 'litigated', 'revocation_applied', 'closed'],
  effective: ['closed'],
  litigated: ['closed'],
  revocation_applied: ['closed'],
  closed: ['archived'],
  archived: [],
};

const JC_MOVES: Moves<JcStatus> = {
  prepared: ['filed', 'withdrawn'],
  filed: ['accepted', 'not_accepted', 'withdrawn'],
  accepted: ['under_review', 'confirmed', 'rejected', 'withdrawn'],
  under_review: ['confirmed', 'rejected', 'withdrawn'],
  confirmed: ['closed'],
  rejected: ['closed'],
  not_accepted: ['closed'],
  withdrawn: ['closed'],
  closed: ['archived'],
  archived: [],
};

const MOVES: Readonly<Record<CaseKind, Readonly<Record<string, readonly string[] | undefined>>>> = {
  mediation: MEDIATION_MOVES,
  joint: MEDIATION_MOVES,
  arbitration: ARBITRATION_MOVES,
  judicial_confirmation: JC_MOVES,
};

/** The status a newly opened case of this kind starts in. */
export const INITIAL_STATUS: Readonly<Record<CaseKind, CaseStatus>> = {
  mediation: 'registered',
  joint: 'registered',
  arbitration: 'received',
  judicial_confirmation: 'prepared',
};

/** Whether `to` is a status of this kind's machine. */
export const isStatusOf = (kind: CaseKind, status: string): boolean => MOVES[kind][status] !== undefined;

/** Whether the machine of `kind` allows `from → to`. */
export const canMove = (kind: CaseKind, from: CaseStatus, to: CaseStatus): boolean =>
  MOVES[kind][from]?.includes(to) ?? false;

/** Statuses after which nothing but archiving happens; `case.closed` is refused there. */
export const isFinished = (status: CaseStatus): boolean => status === 'closed' || status === 'archived';

/** The statuses the machine of `kind` allows next from `from` (for menus and generators). */
export const nextStatuses = (kind: CaseKind, from: CaseStatus): readonly CaseStatus[] =>
  (MOVES[kind][from] ?? []) as readonly CaseStatus[];
