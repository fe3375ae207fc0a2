/*
 * The state of one case as reduceCase computes it. Plain JSON-like data (no Maps, no classes) so the
 * renderer can store it in Dexie, the hub in SQL, and tests can deep-compare two reductions. Every
 * record keeps the `eventId` of the event that made it, so the UI can always show where a fact came from.
 */
import type { CaseKind, Channel, DisputeCategory, Procedure } from '#shared/domain/case-kinds';
import type { ReferralTarget, SuspensionGround } from '#shared/domain/organisation';
import type { NoteMethod } from '#shared/domain/sessions';
import type { Actor, Confidentiality, EventType, PayloadOf } from '#shared/events/envelope';
import type { DeadlineRuleId } from '#shared/law/deadline-rules';
import type { CaseStatus } from './status';

type Omit2<T, K extends PropertyKey> = Omit<T, K>;

/** One line of the audit timeline: every event, applied or not. */
export type AuditEntry = {
  eventId: string;
  type: EventType;
  hlc: string;
  wall: string;
  actor: Actor;
  conf: Confidentiality;
  /** Short Chinese summary for the timeline. */
  summary: string;
  /** The event this one corrects, retracts or resolves, if any. */
  corrects: string | null;
};

export const PROBLEM_CODES = [
  'wrong_case',
  'not_opened',
  'opened_twice',
  'invalid_transition',
  'unknown_status',
  'closure_type_mismatch',
  'unknown_party',
  'unknown_claim',
  'unknown_evidence',
  'unknown_agreement',
  'unknown_session',
  'unknown_referral',
  'unknown_request',
  'unknown_conflict',
  'wrong_target',
  'duplicate_item',
  'not_suspended',
  'already_suspended',
  'duplicate_id',
  'after_signing',
] as const;
/** Why an event could not (fully) take effect. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** An event that could not take effect as written; recorded, never thrown. */
export type Problem = { eventId: string; type: EventType; code: ProblemCode; message: string };

/** What choosing one side of a conflict does to the state. */
export type ConflictOutcome = {
  status?: CaseStatus;
  closure?: Closure | null;
  signedAgreement?: SignedAgreement | null;
};

export const CONFLICT_KINDS = ['closure', 'agreement', 'transition'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/**
 * Two (or more) legally meaningful events that cannot both hold. The case shows it until a person
 * records conflict.resolved; `id` is the id of the event that raised it.
 */
export type Conflict = {
  id: string;
  kind: ConflictKind;
  eventIds: string[];
  /** The outcome of keeping each event, and of keeping none (`none`). */
  outcomes: { eventId: string; outcome: ConflictOutcome }[];
  none: ConflictOutcome;
  open: boolean;
  /** Resolutions in HLC order; the last one is in force. */
  resolutions: { eventId: string; keep: string | null; reason: string }[];
};

type PartyAdded = PayloadOf<'party.added'>;
export type PartyFields = Omit2<PartyAdded, 'partyId'>;
export type Party = {
  partyId: string;
  eventId: string;
  current: PartyFields;
  history: { eventId: string; changes: Partial<PartyFields>; reason: string }[];
};

type ClaimAdded = PayloadOf<'claim.added'>;
export type ClaimFields = Omit2<ClaimAdded, 'claimId'> & { withdrawn: boolean };
export type Claim = {
  claimId: string;
  eventId: string;
  current: ClaimFields;
  history: { eventId: string; changes: Partial<ClaimFields>; reason: string }[];
};

export type Evidence = PayloadOf<'evidence.added'> & {
  eventId: string;
  conf: Confidentiality;
  retracted: { eventId: string; reason: string } | null;
  /** Each party's latest position (evidence.acknowledged); absent until one is recorded. */
  acknowledgements?: EvidenceAck[];
};

/** A party's position on an item, from the latest evidence.acknowledged of that party. */
export type EvidenceAck = {
  partyId: string;
  position: PayloadOf<'evidence.acknowledged'>['position'];
  note?: string;
  eventId: string;
  at: string;
};

export type Note = Omit2<PayloadOf<'note.recorded'>, 'corrects'> & {
  eventId: string;
  conf: Confidentiality;
  authorUserId: string;
  method: NoteMethod;
  /** The event this version replaces, and the event that replaced this one. */
  corrects: string | null;
  supersededBy: string | null;
};

export type Session = PayloadOf<'session.held'> & { eventId: string; conf: Confidentiality };
export type Transcript = PayloadOf<'transcript.signed'> & { eventId: string };
/** The text of a session's transcript as recorded, part by part (transcript.recorded). */
export type TranscriptText = {
  transcriptId: string;
  sessionId: string;
  conf: Confidentiality;
  /** In part order; the transcript is their texts joined by newlines. */
  parts: { part: number; eventId: string; text: string }[];
};
export type AgreementDraft = PayloadOf<'agreement.drafted'> & { eventId: string };
export type SignedAgreement = Omit2<PayloadOf<'agreement.signed'>, 'signatures'> & {
  eventId: string;
  signatures: PayloadOf<'agreement.signed'>['signatures'];
  /** Every event that added signatures to this text. */
  eventIds: string[];
};

/**
 * A payment with the evidence proving it: `evidenceIds` from the event, or for an event older than
 * #6 the evidence whose hash its `proofSha256` names; only ids of this case's evidence are kept.
 */
export type Payment = Omit2<PayloadOf<'payment.recorded'>, 'evidenceIds'> & {
  eventId: string;
  conf: Confidentiality;
  evidenceIds: string[];
};

export type Referral = {
  referralId: string;
  eventId: string;
  target: ReferralTarget;
  toOrgId: string;
  status: 'pending' | PayloadOf<'referral.answered'>['outcome'];
  theirNumber: string | null;
  rulingNumber: string | null;
  answers: (PayloadOf<'referral.answered'> & { eventId: string; orgId: string })[];
};

/** When a deadline's clock starts (the date computation is shared/law/deadlines.ts's job). */
export type DeadlineTrigger = {
  ruleId: DeadlineRuleId;
  /** YYYY-MM-DD, China time. */
  trigger: string;
  eventId: string;
  /** An earlier trigger of the same rule that this one restarts (Rules Art. 46). */
  restarts: string | null;
};

export type Deadlines = {
  triggers: DeadlineTrigger[];
  /** Suspension periods (to = null while still suspended). */
  pauses: {
    from: string;
    to: string | null;
    kind: 'suspension';
    eventId: string;
    resumedBy: string | null;
  }[];
  extensions: {
    ruleId: DeadlineRuleId;
    days: number;
    approvedBy: string;
    approvedOn: string;
    eventId: string;
  }[];
  /**
   * Periods whose purpose was fulfilled before they ran out: the 15-day mediation period once an
   * agreement is signed and sealed, an application period once the application is made. `trigger` is
   * the trigger event that period ran from (a later restart runs again).
   */
  met: { ruleId: DeadlineRuleId; trigger: string; eventId: string }[];
  extensionRequests: (PayloadOf<'deadline.extension_requested'> & {
    eventId: string;
    status: 'pending' | 'approved' | 'returned';
  })[];
};

export type Closure = PayloadOf<'case.closed'> & { eventId: string };

export type ClosureRequest = PayloadOf<'closure.requested'> & {
  eventId: string;
  status: 'pending' | 'approved' | 'returned';
  decidedBy: string | null;
};

export type Assignment = { eventId: string; assigneeId: string; team: string[]; reason: string | null };

export type CaseState = {
  caseId: string | null;
  openedBy: string | null;
  kind: CaseKind | null;
  channel: Channel | null;
  disputeCategories: DisputeCategory[];
  caseCause: string | null;
  procedure: Procedure | null;
  collective: boolean;
  /** Everything case.opened said (received time, key dates, location, origin case …). */
  opening: PayloadOf<'case.opened'> | null;
  /** When the case was accepted (受理), from the case.accepted that moved it. */
  acceptedAt: string | null;
  numbers: {
    temporary: string | null;
    /** The official number in force (the latest by HLC) and every number ever given. */
    official: { number: string; eventId: string } | null;
    history: { number: string; eventId: string }[];
  };
  status: CaseStatus | null;
  statusHistory: { from: CaseStatus | null; to: CaseStatus; eventId: string }[];
  suspended: { ground: SuspensionGround; from: string; eventId: string } | null;
  assignee: Assignment | null;
  assignments: Assignment[];
  parties: Party[];
  claims: Claim[];
  /** Sum of current claimed amounts of claims not withdrawn, in fen. */
  amountClaimedFen: number;
  evidence: Evidence[];
  notes: Note[];
  sessions: Session[];
  transcripts: Transcript[];
  transcriptTexts: TranscriptText[];
  agreement: { drafts: AgreementDraft[]; signed: SignedAgreement | null; sealed: boolean };
  payments: Payment[];
  amountRecoveredFen: number;
  referrals: Referral[];
  deadlines: Deadlines;
  reviews: (PayloadOf<'review.commented'> & { eventId: string; userId: string })[];
  closureRequests: ClosureRequest[];
  returns: (PayloadOf<'case.returned'> & { eventId: string })[];
  documents: (PayloadOf<'document.issued'> & { eventId: string })[];
  reveals: (PayloadOf<'audit.revealed'> & { eventId: string; userId: string; wall: string })[];
  closure: Closure | null;
  conflicts: Conflict[];
  /** True while any conflict is open: shown to both users and the supervisor. */
  inConflict: boolean;
  problems: Problem[];
  audit: AuditEntry[];
  /** HLC of the last applied event (for "changed since"). */
  lastHlc: string | null;
};

export function emptyCaseState(): CaseState {
  return {
    caseId: null,
    openedBy: null,
    kind: null,
    channel: null,
    disputeCategories: [],
    caseCause: null,
    procedure: null,
    collective: false,
    opening: null,
    acceptedAt: null,
    numbers: { temporary: null, official: null, history: [] },
    status: null,
    statusHistory: [],
    suspended: null,
    assignee: null,
    assignments: [],
    parties: [],
    claims: [],
    amountClaimedFen: 0,
    evidence: [],
    notes: [],
    sessions: [],
    transcripts: [],
    transcriptTexts: [],
    agreement: { drafts: [], signed: null, sealed: false },
    payments: [],
    amountRecoveredFen: 0,
    referrals: [],
    deadlines: { triggers: [], pauses: [], extensions: [], met: [], extensionRequests: [] },
    reviews: [],
    closureRequests: [],
    returns: [],
    documents: [],
    reveals: [],
    closure: null,
    conflicts: [],
    inConflict: false,
    problems: [],
    audit: [],
    lastHlc: null,
  };
}
