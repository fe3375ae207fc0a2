/*
 * The running deadlines of one case on a given day: the active trigger of each rule turned into a last
 * day by shared/law/deadlines.ts, with suspensions as pauses (an open suspension runs to `today`) and
 * approved extensions. Closed cases have no running deadlines, nor has a period that was met (an
 * agreement reached, an application made). Renderer lists, the hub's reports and
 * the supervisor's overdue list all call this one function, so they cannot disagree.
 */
import type { HolidayCalendar } from '#shared/law/calendar';
import { DEADLINE_RULES, type DeadlineRuleId } from '#shared/law/deadline-rules';
import { computeDeadline, deadlineState, type DeadlineState } from '#shared/law/deadlines';
import { activeTriggers } from './deadline-triggers';
import type { CaseState } from './state';

/** One computed deadline of a case. */
export type CaseDeadline = {
  ruleId: DeadlineRuleId;
  nameZh: string;
  basis: string;
  trigger: string;
  /** YYYY-MM-DD, or null when the calendar lacks the year (then `problem` says which). */
  due: string | null;
  state: DeadlineState | 'unknown';
  daysRemaining: number | null;
  problem: string | null;
};

const TERMINAL = new Set(['closed', 'archived']);

export function caseDeadlines(state: CaseState, calendar: HolidayCalendar, today: string): CaseDeadline[] {
  if (state.closure || (state.status !== null && TERMINAL.has(state.status))) return [];
  const pauses = state.deadlines.pauses.map((p) => ({
    from: p.from,
    to: p.to ?? today,
    kind: 'suspension' as const,
  }));
  const met = new Set(state.deadlines.met.map((m) => m.trigger));
  const running = activeTriggers(state.deadlines.triggers).filter((t) => !met.has(t.eventId));
  return running.map((t) => {
    const rule = DEADLINE_RULES[t.ruleId];
    const extensions = state.deadlines.extensions
      .filter((x) => x.ruleId === t.ruleId)
      .map((x) => ({ days: x.days }));
    const base = { ruleId: t.ruleId, nameZh: rule.nameZh, basis: rule.basis, trigger: t.trigger };
    const computed = computeDeadline(rule, t.trigger, calendar, pauses, extensions);
    if (!computed.ok)
      return {
        ...base,
        due: null,
        state: 'unknown' as const,
        daysRemaining: null,
        problem: computed.error.zh,
      };
    const st = deadlineState(computed.value.due, today);
    if (!st.ok)
      return {
        ...base,
        due: computed.value.due,
        state: 'unknown' as const,
        daysRemaining: null,
        problem: st.error.zh,
      };
    return { ...base, due: computed.value.due, ...st.value, problem: null };
  });
}

/** The deadline that falls first (unknown ones last); null when none runs. */
export function nextCaseDeadline(list: readonly CaseDeadline[]): CaseDeadline | null {
  const sorted = [...list].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  return sorted[0] ?? null;
}
