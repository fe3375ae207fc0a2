/*
 * Conflicts: legally meaningful events that cannot both hold (two closures, two different signed
 * agreements, incompatible moves from concurrent devices). Both are kept; the state shows the first
 * until a person records conflict.resolved naming the event that stands (or none). Each side's effect
 * is stored as data (ConflictOutcome) so resolving never needs to replay events.
 */
import type { CaseEvent, CaseEventOf } from '#shared/events/envelope';
import type { ConflictKind, ConflictOutcome } from './state';
import { problem, type Work } from './work';

export function raiseConflict(
  w: Work,
  e: CaseEvent,
  kind: ConflictKind,
  firstEventId: string,
  firstOutcome: ConflictOutcome,
  outcome: ConflictOutcome,
  none: ConflictOutcome,
): void {
  // A third closure or agreement joins the open conflict of its kind; transition conflicts each have
  // their own base status, so they are never merged.
  const open = kind === 'transition' ? undefined : w.s.conflicts.find((c) => c.open && c.kind === kind);
  if (open !== undefined) {
    open.eventIds.push(e.id);
    open.outcomes.push({ eventId: e.id, outcome });
  } else {
    w.s.conflicts.push({
      id: e.id,
      kind,
      eventIds: [firstEventId, e.id],
      outcomes: [
        { eventId: firstEventId, outcome: firstOutcome },
        { eventId: e.id, outcome },
      ],
      none,
      open: true,
      resolutions: [],
    });
  }
  w.s.inConflict = true;
}

function applyOutcome(w: Work, e: CaseEvent, o: ConflictOutcome): void {
  if (o.status !== undefined && o.status !== w.s.status) {
    w.s.statusHistory.push({ from: w.s.status, to: o.status, eventId: e.id });
    w.s.status = o.status;
    w.lastMove = null;
  }
  if (o.closure !== undefined) w.s.closure = o.closure;
  if (o.signedAgreement !== undefined) {
    w.s.agreement.signed = o.signedAgreement;
    w.s.agreement.sealed = o.signedAgreement?.sealed ?? false;
  }
}

/** conflict.resolved: a later resolution of the same conflict replaces an earlier one (later HLC wins). */
export function resolveConflict(w: Work, e: CaseEventOf<'conflict.resolved'>): void {
  const c = w.s.conflicts.find((x) => x.id === e.payload.conflictId);
  if (c === undefined) {
    problem(w, e, 'unknown_conflict', '没有这个冲突记录');
    return;
  }
  const keep = e.payload.keep;
  const chosen = keep === null ? c.none : c.outcomes.find((o) => o.eventId === keep)?.outcome;
  if (chosen === undefined) {
    problem(w, e, 'wrong_target', '保留的事件不属于这个冲突');
    return;
  }
  applyOutcome(w, e, chosen);
  c.open = false;
  c.resolutions.push({ eventId: e.id, keep, reason: e.payload.reason });
  w.s.inConflict = w.s.conflicts.some((x) => x.open);
}
