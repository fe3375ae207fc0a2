/*
 * The statistics' view of one case: only public, structural facts (dates, kinds, closure types, amounts,
 * counts) pulled out of a reduced CaseState. Nothing here reads notes, evidence, session summaries or
 * party contact data, so no KPI, drill-down or export built on CaseFacts can leak internal or caucus content.
 */
import type { CaseKind, Channel, DisputeCategory } from '#shared/domain/case-kinds';
import type { ClosureType } from '#shared/domain/closure-types';
import type { ReferralTarget } from '#shared/domain/organisation';
import type { CaseState, CaseStatus, DeadlineTrigger } from '#shared/case/index';
import { activeTriggers } from '#shared/case/index';
import type { DeadlineRuleId } from '#shared/law/deadline-rules';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time civil date (YYYY-MM-DD) of an RFC 3339 instant; null for a missing or bad instant. */
export function chinaDay(instant: string | null | undefined): string | null {
  if (instant === null || instant === undefined) return null;
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A referral as statistics see it. */
export type ReferralFact = {
  target: ReferralTarget;
  /** China day the referral was made (from the audit timeline), null if unknown. */
  day: string | null;
  status: CaseState['referrals'][number]['status'];
  /** China day of the last answer, null while pending. */
  answeredDay: string | null;
};

/** One case, reduced to what statistics may read. */
export type CaseFacts = {
  caseId: string;
  number: string | null;
  kind: CaseKind | null;
  channel: Channel | null;
  categories: DisputeCategory[];
  status: CaseStatus | null;
  assigneeId: string | null;
  collective: boolean;
  /** Workers on the applicant side: the opening's workerCount, else the worker applicants entered. */
  workers: number;
  /** Stable keys of the worker parties (caseId:partyId), for "distinct workers". */
  workerKeys: string[];
  acceptedDay: string | null;
  closedDay: string | null;
  closureType: ClosureType | null;
  amountClaimedFen: number;
  /** Agreed total: the closure's amount, else the signed agreement's draft total, else 0. */
  amountAgreedFen: number;
  amountAwardedFen: number;
  hasSignedAgreement: boolean;
  agreementDay: string | null;
  payments: { day: string; amountFen: number; withProof: boolean; workerKeys: string[] }[];
  sessions: { day: string | null; mobile: boolean }[];
  referrals: ReferralFact[];
  /** Suspension periods (to = null while suspended). */
  pauses: { from: string; to: string | null }[];
  extensions: { ruleId: DeadlineRuleId; days: number }[];
  triggers: DeadlineTrigger[];
  /** Court-side confirmation cases: the mediation case they came from. */
  originCaseId: string | null;
  /** The organisation that opened (owns) the case: the "unit" a supervisor filters by. */
  ownerOrgId: string | null;
  inConflict: boolean;
};

function workerKeysOf(s: CaseState, caseId: string): string[] {
  return s.parties
    .filter((p) => p.current.kind === 'worker' && p.current.role === 'applicant')
    .map((p) => `${caseId}:${p.partyId}`);
}

function paymentWorkers(
  s: CaseState,
  caseId: string,
  toPartyId: string | undefined,
  all: string[],
): string[] {
  if (
    toPartyId !== undefined &&
    s.parties.some((p) => p.partyId === toPartyId && p.current.kind === 'worker')
  )
    return [`${caseId}:${toPartyId}`];
  if (all.length > 0) return all;
  // No worker entered (a quick collective intake): count the opening's workers as anonymous keys.
  const n = s.opening?.workerCount ?? 1;
  return Array.from({ length: n }, (_, i) => `${caseId}:#${String(i + 1)}`);
}

function agreedFen(s: CaseState): number {
  if (s.closure?.amountAgreedFen !== undefined) return s.closure.amountAgreedFen;
  const signed = s.agreement.signed;
  if (signed === null) return 0;
  return s.agreement.drafts.filter((d) => d.agreementId === signed.agreementId).at(-1)?.totalFen ?? 0;
}

/** Extracts the statistical facts of a reduced case; null for a state without a case.opened. */
export function caseFacts(s: CaseState): CaseFacts | null {
  const caseId = s.caseId;
  if (caseId === null || s.opening === null) return null;
  const wallOf = new Map(s.audit.map((a) => [a.eventId, a.wall]));
  const workerKeys = workerKeysOf(s, caseId);
  const acceptedDay = chinaDay(s.acceptedAt);
  const closedAt = chinaDay(s.closure?.closedAt);
  // A closing date before the acceptance date (a typo on a device) counts as closed on acceptance day,
  // so every closed case is one that was pending or accepted, and the period balance adds up.
  const closedDay =
    closedAt !== null && acceptedDay !== null && closedAt < acceptedDay ? acceptedDay : closedAt;
  return {
    caseId,
    number: s.numbers.official?.number ?? s.numbers.temporary,
    kind: s.kind,
    channel: s.channel,
    categories: [...s.disputeCategories],
    status: s.status,
    assigneeId: s.assignee?.assigneeId ?? null,
    collective: s.collective,
    workers: s.opening.workerCount ?? Math.max(workerKeys.length, 1),
    workerKeys,
    acceptedDay,
    closedDay,
    closureType: s.closure?.closureType ?? null,
    amountClaimedFen: s.amountClaimedFen,
    amountAgreedFen: agreedFen(s),
    amountAwardedFen: s.closure?.amountAwardedFen ?? 0,
    hasSignedAgreement: s.agreement.signed !== null,
    agreementDay: chinaDay(s.agreement.signed?.signedAt),
    payments: s.payments.map((p) => ({
      day: p.paidOn,
      amountFen: p.amountFen,
      // Since #6 a payment cites its proof as evidence ids; older events only as proofSha256.
      withProof: p.evidenceIds.length > 0 || p.proofSha256 !== undefined,
      workerKeys: paymentWorkers(s, caseId, p.toPartyId, workerKeys),
    })),
    sessions: s.sessions.map((x) => ({ day: chinaDay(x.start), mobile: x.mobile })),
    referrals: s.referrals.map((r) => ({
      target: r.target,
      day: chinaDay(wallOf.get(r.eventId)),
      status: r.status,
      answeredDay: chinaDay(r.answers.at(-1)?.answeredAt),
    })),
    pauses: s.deadlines.pauses.map((p) => ({ from: p.from, to: p.to })),
    extensions: s.deadlines.extensions.map((x) => ({ ruleId: x.ruleId, days: x.days })),
    triggers: activeTriggers(s.deadlines.triggers),
    originCaseId: s.opening.originCaseId ?? null,
    ownerOrgId: s.audit.find((a) => a.eventId === s.openedBy)?.actor.orgId ?? null,
    inConflict: s.inConflict,
  };
}
