/*
 * Status moves. A hard move (an event whose whole point is the move: stage.advanced, case.accepted)
 * that the machine forbids is a problem, or a conflict when it would have been valid before the last
 * move and that last move came from another device (two devices acting on the same state offline).
 * A soft move (implied by an event recorded for its own sake: a session, a payment) happens only
 * when the machine allows it and is silently skipped otherwise: the record itself still counts.
 */
import type { CaseEvent } from '#shared/events/envelope';
import { raiseConflict } from './conflicts';
import { canMove, isStatusOf, type CaseStatus } from './status';
import { problem, type Work } from './work';

export function setStatus(w: Work, e: CaseEvent, to: CaseStatus): void {
  const from = w.s.status;
  w.s.status = to;
  w.s.statusHistory.push({ from, to, eventId: e.id });
  w.lastMove = { eventId: e.id, deviceId: e.actor.deviceId, from };
}

export function hardMove(w: Work, e: CaseEvent, to: CaseStatus): boolean {
  const { kind, status } = w.s;
  if (kind === null || status === null) return false;
  if (!isStatusOf(kind, to)) {
    problem(w, e, 'unknown_status', `“${to}”不是${kind}案件的状态`);
    return false;
  }
  if (canMove(kind, status, to)) {
    setStatus(w, e, to);
    return true;
  }
  const last = w.lastMove;
  if (
    last !== null &&
    last.from !== null &&
    last.deviceId !== e.actor.deviceId &&
    canMove(kind, last.from, to)
  ) {
    raiseConflict(w, e, 'transition', last.eventId, { status }, { status: to }, { status: last.from });
    return false;
  }
  problem(w, e, 'invalid_transition', `不能从“${status}”转到“${to}”`);
  return false;
}

export function softMove(w: Work, e: CaseEvent, to: CaseStatus): void {
  const { kind, status } = w.s;
  if (kind !== null && status !== null && status !== to && canMove(kind, status, to)) setStatus(w, e, to);
}
