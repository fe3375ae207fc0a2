/*
 * Referrals, extensions, the supervisor's review workflow and audit reveals.
 */
import type { CaseEventOf } from '#shared/events/envelope';
import { meetDeadline } from './deadline-triggers';
import { softMove } from './moves';
import { chinaDate, problem, type Work } from './work';

export function applyReferred(w: Work, e: CaseEventOf<'case.referred'>): void {
  const p = e.payload;
  if (w.s.referrals.some((r) => r.referralId === p.referralId)) {
    problem(w, e, 'duplicate_item', '转介已记录');
    return;
  }
  w.s.referrals.push({
    referralId: p.referralId,
    eventId: e.id,
    target: p.target,
    toOrgId: p.toOrgId,
    status: 'pending',
    theirNumber: null,
    rulingNumber: null,
    answers: [],
  });
  if (p.target === 'court_confirmation') {
    softMove(w, e, 'jc_requested');
    meetDeadline(w, e, 'judicialConfirmationApplication');
  } else if (p.target === 'arbitral_review') {
    softMove(w, e, 'ar_requested');
    meetDeadline(w, e, 'arbitralReviewApplication');
  } else if (p.target === 'arbitration') softMove(w, e, 'referred_arbitration');
}

export function applyAnswered(w: Work, e: CaseEventOf<'referral.answered'>): void {
  const p = e.payload;
  const r = w.s.referrals.find((x) => x.referralId === p.referralId);
  if (r === undefined) {
    problem(w, e, 'unknown_referral', '没有这次转介');
    return;
  }
  r.answers.push({ ...p, eventId: e.id, orgId: e.actor.orgId });
  r.status = p.outcome;
  if (p.theirNumber !== undefined) r.theirNumber = p.theirNumber;
  if (p.rulingNumber !== undefined) r.rulingNumber = p.rulingNumber;
  const positive = p.outcome === 'confirmed' || p.outcome === 'completed';
  const negative = p.outcome === 'rejected' || p.outcome === 'declined';
  if (r.target === 'court_confirmation' && (positive || negative))
    softMove(w, e, positive ? 'jc_confirmed' : 'jc_rejected');
  if (r.target === 'arbitral_review' && (positive || negative))
    softMove(w, e, positive ? 'ar_doc_issued' : 'ar_refused');
}

export function applyExtensionRequested(w: Work, e: CaseEventOf<'deadline.extension_requested'>): void {
  if (w.s.deadlines.extensionRequests.some((r) => r.requestId === e.payload.requestId)) {
    problem(w, e, 'duplicate_item', '延期申请已记录');
    return;
  }
  w.s.deadlines.extensionRequests.push({ ...e.payload, eventId: e.id, status: 'pending' });
}

export function applyExtended(w: Work, e: CaseEventOf<'deadline.extended'>): void {
  const p = e.payload;
  if (p.requestId !== undefined) {
    const req = w.s.deadlines.extensionRequests.find((r) => r.requestId === p.requestId);
    if (req === undefined) problem(w, e, 'unknown_request', '没有对应的延期申请');
    else req.status = 'approved';
  }
  w.s.deadlines.extensions.push({
    ruleId: p.ruleId,
    days: p.days,
    approvedBy: e.actor.userId,
    approvedOn: chinaDate(e.at.wall),
    eventId: e.id,
  });
}

export function applyReview(w: Work, e: CaseEventOf<'review.commented'>): void {
  w.s.reviews.push({ ...e.payload, eventId: e.id, userId: e.actor.userId });
}

export function applyClosureRequested(w: Work, e: CaseEventOf<'closure.requested'>): void {
  if (w.s.closureRequests.some((r) => r.requestId === e.payload.requestId)) {
    problem(w, e, 'duplicate_item', '结案申请已记录');
    return;
  }
  w.s.closureRequests.push({ ...e.payload, eventId: e.id, status: 'pending', decidedBy: null });
}

export function applyClosureApproved(w: Work, e: CaseEventOf<'closure.approved'>): void {
  const req = w.s.closureRequests.find((r) => r.requestId === e.payload.requestId);
  if (req === undefined) {
    problem(w, e, 'unknown_request', '没有对应的结案申请');
    return;
  }
  if (req.status !== 'pending') {
    problem(w, e, 'duplicate_item', '这份结案申请已经处理过');
    return;
  }
  req.status = 'approved';
  req.decidedBy = e.id;
}

export function applyReturned(w: Work, e: CaseEventOf<'case.returned'>): void {
  w.s.returns.push({ ...e.payload, eventId: e.id });
  const id = e.payload.requestId;
  if (id === undefined) return;
  const closure = w.s.closureRequests.find((r) => r.requestId === id);
  const extension = w.s.deadlines.extensionRequests.find((r) => r.requestId === id);
  if (closure !== undefined) Object.assign(closure, { status: 'returned', decidedBy: e.id });
  if (extension !== undefined) extension.status = 'returned';
  if (closure === undefined && extension === undefined) problem(w, e, 'unknown_request', '没有对应的申请');
}

export function applyRevealed(w: Work, e: CaseEventOf<'audit.revealed'>): void {
  w.s.reveals.push({ ...e.payload, eventId: e.id, userId: e.actor.userId, wall: e.at.wall });
}
