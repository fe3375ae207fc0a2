/*
 * Proceedings: sessions, transcripts, agreements, payments and documents. Two different signed
 * agreements are a conflict; a second signing of the same text adds its signatures.
 */
import type { CaseEventOf, PayloadOf } from '#shared/events/envelope';
import type { DeadlineRuleId } from '#shared/law/deadline-rules';
import { raiseConflict } from './conflicts';
import { addTrigger, meetDeadline } from './deadline-triggers';
import { softMove } from './moves';
import type { AgreementDraft, SignedAgreement } from './state';
import { chinaDate, problem, type Work } from './work';

const isMediation = (w: Work): boolean => w.s.kind === 'mediation' || w.s.kind === 'joint';

export function applySession(w: Work, e: CaseEventOf<'session.held'>): void {
  if (w.s.sessions.some((x) => x.sessionId === e.payload.sessionId)) {
    problem(w, e, 'duplicate_item', '这次活动已记录');
    return;
  }
  w.s.sessions.push({ ...e.payload, eventId: e.id, conf: e.conf });
  if (isMediation(w)) softMove(w, e, e.payload.kind === 'investigation' ? 'investigating' : 'in_session');
  else if (w.s.kind === 'arbitration' && e.payload.kind === 'hearing') softMove(w, e, 'hearing_held');
}

/**
 * A part of a session's transcript. Parts of one transcript keep the session and confidentiality of the
 * first; a part number given twice is a duplicate; a part after the transcript was signed is refused
 * (the signed text must stay what was signed: later corrections are addenda).
 */
export function applyTranscriptText(w: Work, e: CaseEventOf<'transcript.recorded'>): void {
  const p = e.payload;
  if (!w.s.sessions.some((x) => x.sessionId === p.sessionId)) {
    problem(w, e, 'unknown_session', '笔录对应的活动尚未记录');
    return;
  }
  if (w.s.transcripts.some((x) => x.transcriptId === p.transcriptId)) {
    problem(w, e, 'after_signing', '笔录已经签名，只能以补正的方式更正');
    return;
  }
  let t = w.s.transcriptTexts.find((x) => x.transcriptId === p.transcriptId);
  if (t === undefined) {
    t = { transcriptId: p.transcriptId, sessionId: p.sessionId, conf: e.conf, parts: [] };
    w.s.transcriptTexts.push(t);
  }
  if (t.sessionId !== p.sessionId) {
    problem(w, e, 'wrong_target', '笔录的各部分不属于同一次活动');
    return;
  }
  if (t.parts.some((x) => x.part === p.part)) {
    problem(w, e, 'duplicate_item', `笔录第${String(p.part)}部分已记录`);
    return;
  }
  t.parts.push({ part: p.part, eventId: e.id, text: p.text });
  t.parts.sort((a, b) => a.part - b.part);
}

export function applyTranscript(w: Work, e: CaseEventOf<'transcript.signed'>): void {
  if (!w.s.sessions.some((x) => x.sessionId === e.payload.sessionId))
    problem(w, e, 'unknown_session', '笔录对应的活动尚未记录');
  w.s.transcripts.push({ ...e.payload, eventId: e.id });
}

export function applyDrafted(w: Work, e: CaseEventOf<'agreement.drafted'>): void {
  w.s.agreement.drafts.push({ ...e.payload, eventId: e.id });
}

/**
 * The application period the chosen next step starts (domain.md §1.5, §1.14, §3.2): judicial
 * confirmation 30 days (人民调解法 33), arbitral review 15 days (Rules 74). Performing now or by
 * instalments starts neither; the instalments' own due dates are watched by the performance view.
 */
type NextStep = PayloadOf<'agreement.drafted'>['nextStep'];
const APPLICATION_RULE: Readonly<Record<NextStep, DeadlineRuleId | null>> = {
  judicial_confirmation: 'judicialConfirmationApplication',
  arbitral_review: 'arbitralReviewApplication',
  perform_now: null,
  instalments: null,
};

/** The draft of the signed text (same id and hash), else the latest draft of that agreement. */
const draftOf = (w: Work, a: SignedAgreement): AgreementDraft | undefined =>
  w.s.agreement.drafts.findLast((d) => d.agreementId === a.agreementId && d.textSha256 === a.textSha256) ??
  w.s.agreement.drafts.findLast((d) => d.agreementId === a.agreementId);

/**
 * LDMAL 14 / 人民调解法 29: a mediation agreement takes effect when it is signed and sealed, so the
 * chosen step's clock starts on the signing that seals it, counted from that day (China time). Only
 * a mediation organisation's agreement has these periods; mediation inside arbitration ends in a 调解书.
 */
function startApplicationClock(w: Work, e: CaseEventOf<'agreement.signed'>, a: SignedAgreement): void {
  if (!isMediation(w) || !a.sealed) return;
  // LDMAL 14: the 15 days only matter while there is no agreement.
  meetDeadline(w, e, 'mediationPeriod');
  const step = draftOf(w, a)?.nextStep;
  const rule = step === undefined ? null : APPLICATION_RULE[step];
  if (rule !== null) addTrigger(w, e, rule, chinaDate(e.payload.signedAt));
}

export function applySigned(w: Work, e: CaseEventOf<'agreement.signed'>): void {
  const signed: SignedAgreement = {
    ...e.payload,
    signatures: [...e.payload.signatures],
    eventId: e.id,
    eventIds: [e.id],
  };
  const first = w.s.agreement.signed;
  if (first === null) {
    w.s.agreement.signed = signed;
    w.s.agreement.sealed = signed.sealed;
    softMove(w, e, isMediation(w) ? 'agreement_signed' : 'mediated');
    startApplicationClock(w, e, signed);
    return;
  }
  if (first.agreementId === signed.agreementId && first.textSha256 === signed.textSha256) {
    const wasSealed = first.sealed;
    first.signatures.push(...signed.signatures);
    first.eventIds.push(e.id);
    first.sealed ||= signed.sealed;
    w.s.agreement.sealed = first.sealed;
    if (!wasSealed) startApplicationClock(w, e, first);
    return;
  }
  raiseConflict(
    w,
    e,
    'agreement',
    first.eventId,
    { signedAgreement: first },
    { signedAgreement: signed },
    {
      signedAgreement: null,
    },
  );
}

/** The evidence a payment cites; an id that is not this case's evidence is a problem and dropped. */
function paymentEvidence(w: Work, e: CaseEventOf<'payment.recorded'>): string[] {
  const { evidenceIds, proofSha256 } = e.payload;
  if (evidenceIds === undefined) {
    const byHash = w.s.evidence.find((x) => x.sha256 === proofSha256);
    return byHash === undefined ? [] : [byHash.evidenceId];
  }
  const known = [...new Set(evidenceIds)].filter((id) => w.s.evidence.some((x) => x.evidenceId === id));
  if (known.length < new Set(evidenceIds).size)
    problem(w, e, 'unknown_evidence', '付款凭证不是本案已登记的证据');
  return known;
}

export function applyPayment(w: Work, e: CaseEventOf<'payment.recorded'>): void {
  if (w.s.payments.some((x) => x.paymentId === e.payload.paymentId)) {
    problem(w, e, 'duplicate_item', '这笔款项已记录');
    return;
  }
  w.s.payments.push({ ...e.payload, eventId: e.id, conf: e.conf, evidenceIds: paymentEvidence(w, e) });
  w.s.amountRecoveredFen += e.payload.amountFen;
  if (isMediation(w)) softMove(w, e, 'performing');
}

export function applyDocument(w: Work, e: CaseEventOf<'document.issued'>): void {
  w.s.documents.push({ ...e.payload, eventId: e.id });
}
