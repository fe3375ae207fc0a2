/*
 * Deadline triggers as data: which rule of shared/law/deadline-rules.ts starts when, restarts
 * (Rules Art. 46: parties or claims added after acceptance restart the award clock), pauses while
 * suspended, and approved extensions. shared/law/deadlines.ts turns these into dates.
 */
import type { CaseEvent } from '#shared/events/envelope';
import type { DeadlineRuleId } from '#shared/law/deadline-rules';
import type { DeadlineTrigger } from './state';
import type { Work } from './work';

export function addTrigger(w: Work, e: CaseEvent, ruleId: DeadlineRuleId, trigger: string): void {
  const earlier = w.s.deadlines.triggers.filter((t) => t.ruleId === ruleId).at(-1);
  w.s.deadlines.triggers.push({ ruleId, trigger, eventId: e.id, restarts: earlier?.eventId ?? null });
}

/** The period of `ruleId` now running has done its job (agreement reached, application made). */
export function meetDeadline(w: Work, e: CaseEvent, ruleId: DeadlineRuleId): void {
  const running = w.s.deadlines.triggers.filter((t) => t.ruleId === ruleId).at(-1);
  if (running === undefined || w.s.deadlines.met.some((m) => m.trigger === running.eventId)) return;
  w.s.deadlines.met.push({ ruleId, trigger: running.eventId, eventId: e.id });
}

/** The trigger in force per rule (the last one). */
export function activeTriggers(triggers: readonly DeadlineTrigger[]): DeadlineTrigger[] {
  const last = new Map<DeadlineRuleId, DeadlineTrigger>();
  for (const t of triggers) last.set(t.ruleId, t);
  return [...last.values()];
}

/** Rules Art. 46: adding a party or claim to an accepted arbitration case restarts the award clock. */
export function restartAwardClock(w: Work, e: CaseEvent, date: string): void {
  if (w.s.kind !== 'arbitration') return;
  if (w.s.deadlines.triggers.some((t) => t.ruleId === 'awardTimeLimit'))
    addTrigger(w, e, 'awardTimeLimit', date);
}
