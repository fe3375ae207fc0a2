/*
 * Proceedings: sessions, transcripts, agreements, payments and documents. Two different signed
 * agreements are a conflict; a second signing of the same text adds its signatures.
 */
import type { CaseEventOf } from '#shared/events/envelope';
import { raiseConflict } from './conflicts';
import { addTrigger } from './deadline-triggers';
import { softMove } from './moves';
import type { SignedAgreement } from './state';
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

export function applyTranscript(w: Work, e: CaseEventOf<'transcript.signed'>): void {
  if (!w.s.sessions.some((x) => x.sessionId === e.payload.sessionId))
    problem(w, e, 'unknown_session', '笔录对应的活动尚未记录');
  w.s.transcripts.push({ ...e.payload, eventId: e.id });
}

export function applyDrafted(w: Work, e: CaseEventOf<'agreement.drafted'>): void {
  w.s.agreement.drafts.push({ ...e.payload, eventId: e.id });
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
    if (isMediation(w)) {
      const on = chinaDate(e.payload.signedAt);
      addTrigger(w, e, 'judicialConfirmationApplication', on);
      addTrigger(w, e, 'arbitralReviewApplication', on);
    }
    return;
  }
  if (first.agreementId === signed.agreementId && first.textSha256 === signed.textSha256) {
    first.signatures.push(...signed.signatures);
    first.eventIds.push(e.id);
    first.sealed ||= signed.sealed;
    w.s.agreement.sealed = first.sealed;
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

export function applyPayment(w: Work, e: CaseEventOf<'payment.recorded'>): void {
  if (w.s.payments.some((x) => x.paymentId === e.payload.paymentId)) {
    problem(w, e, 'duplicate_item', '这笔款项已记录');
    return;
  }
  w.s.payments.push({ ...e.payload, eventId: e.id });
  w.s.amountRecoveredFen += e.payload.amountFen;
  if (isMediation(w)) softMove(w, e, 'performing');
}

export function applyDocument(w: Work, e: CaseEventOf<'document.issued'>): void {
  w.s.documents.push({ ...e.payload, eventId: e.id });
}
