/*
 * Lifecycle events: opening, acceptance and numbering, assignment, explicit moves, suspension and
 * closure. Each handler records its effect or a problem; none throws.
 */
import { CLOSURE_TYPES_BY_KIND } from '#shared/domain/closure-types';
import type { CaseEventOf } from '#shared/events/envelope';
import { raiseConflict } from './conflicts';
import { addTrigger, meetDeadline } from './deadline-triggers';
import { hardMove, setStatus, softMove } from './moves';
import { INITIAL_STATUS } from './status';
import { chinaDate, problem, type Work } from './work';

export function applyOpened(w: Work, e: CaseEventOf<'case.opened'>): void {
  const p = e.payload;
  if (w.s.kind !== null) {
    problem(w, e, 'opened_twice', '案件已经登记过');
    return;
  }
  Object.assign(w.s, {
    openedBy: e.id,
    kind: p.kind,
    channel: p.channel,
    disputeCategories: [...p.disputeCategories],
    caseCause: p.caseCause,
    procedure: p.procedure ?? null,
    collective: p.collective,
    opening: { ...p, disputeCategories: [...p.disputeCategories] },
  });
  w.s.numbers.temporary = p.tempNumber;
  setStatus(w, e, INITIAL_STATUS[p.kind]);
  const received = chinaDate(p.receivedAt);
  if (p.kind === 'arbitration') addTrigger(w, e, 'arbitrationAcceptance', received);
  else if (p.kind === 'judicial_confirmation') addTrigger(w, e, 'judicialConfirmationAcceptance', received);
  else addTrigger(w, e, 'mediationPeriod', received);
  if (p.knewOrShouldHaveKnownDate !== undefined) addTrigger(w, e, 'limitation', p.knewOrShouldHaveKnownDate);
}

function setNumber(w: Work, number: string, eventId: string): void {
  w.s.numbers.official = { number, eventId };
  w.s.numbers.history.push({ number, eventId });
}

export function applyAccepted(w: Work, e: CaseEventOf<'case.accepted'>): void {
  if (!hardMove(w, e, 'accepted')) return;
  w.s.acceptedAt = e.payload.acceptedAt;
  if (e.payload.officialNumber !== undefined) setNumber(w, e.payload.officialNumber, e.id);
  const on = chinaDate(e.payload.acceptedAt);
  if (w.s.kind === 'arbitration') {
    addTrigger(w, e, 'awardTimeLimit', on);
    addTrigger(w, e, 'serveApplicationCopy', on);
    addTrigger(w, e, 'notifyTribunal', on);
  } else if (w.s.kind === 'judicial_confirmation') addTrigger(w, e, 'judicialConfirmationDecision', on);
}

export function applyNumbered(w: Work, e: CaseEventOf<'case.numbered'>): void {
  setNumber(w, e.payload.caseNumber, e.id);
}

export function applyAssigned(
  w: Work,
  e: CaseEventOf<'case.assigned'> | CaseEventOf<'case.reassigned'>,
): void {
  const p = e.payload;
  const a = {
    eventId: e.id,
    assigneeId: p.assigneeId,
    team: [...(p.team ?? [])],
    reason: 'reason' in p ? p.reason : null,
  };
  w.s.assignments.push(a);
  w.s.assignee = a;
  if (w.s.kind === 'mediation' || w.s.kind === 'joint') softMove(w, e, 'assigned');
}

export function applyStage(w: Work, e: CaseEventOf<'stage.advanced'>): void {
  if (!hardMove(w, e, e.payload.to)) return;
  // Applying for confirmation or review (however recorded) fulfils that application period.
  if (e.payload.to === 'jc_requested') meetDeadline(w, e, 'judicialConfirmationApplication');
  if (e.payload.to === 'ar_requested') meetDeadline(w, e, 'arbitralReviewApplication');
}

export function applySuspended(w: Work, e: CaseEventOf<'case.suspended'>): void {
  if (w.s.suspended !== null) {
    problem(w, e, 'already_suspended', '案件已经中止');
    return;
  }
  w.s.suspended = { ground: e.payload.ground, from: e.payload.from, eventId: e.id };
  w.s.deadlines.pauses.push({
    from: e.payload.from,
    to: null,
    kind: 'suspension',
    eventId: e.id,
    resumedBy: null,
  });
}

export function applyResumed(w: Work, e: CaseEventOf<'case.resumed'>): void {
  const open = w.s.deadlines.pauses.find((p) => p.to === null);
  if (w.s.suspended === null || open === undefined) {
    problem(w, e, 'not_suspended', '案件没有中止，无需恢复');
    return;
  }
  // The pause covers the days up to the day before resumption (counting restarts on `on`).
  const last = new Date(Date.parse(e.payload.on) - 86_400_000).toISOString().slice(0, 10);
  open.to = last < open.from ? open.from : last;
  open.resumedBy = e.id;
  w.s.suspended = null;
}

export function applyClosed(w: Work, e: CaseEventOf<'case.closed'>): void {
  const { kind, status } = w.s;
  if (kind === null || status === null) return;
  if (!CLOSURE_TYPES_BY_KIND[kind].includes(e.payload.closureType))
    problem(w, e, 'closure_type_mismatch', `结案方式“${e.payload.closureType}”不适用于${kind}案件`);
  const closure = { ...e.payload, eventId: e.id };
  const first = w.s.closure;
  if (first !== null) {
    const before = w.s.statusHistory.find((h) => h.eventId === first.eventId)?.from ?? status;
    raiseConflict(
      w,
      e,
      'closure',
      first.eventId,
      { closure: first, status: 'closed' },
      { closure, status: 'closed' },
      {
        closure: null,
        status: before,
      },
    );
    return;
  }
  if (status === 'archived') {
    problem(w, e, 'invalid_transition', '已归档的案件不能再结案');
    return;
  }
  w.s.closure = closure;
  if (status !== 'closed') setStatus(w, e, 'closed');
}
