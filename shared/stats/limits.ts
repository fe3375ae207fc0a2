/*
 * Legal time limits for statistics: whether a closed case was closed in time (按期结案) and which open
 * cases are past their limit on a given day (超审限). Uses the same deadline engine as the case screens
 * (shared/law/deadlines.ts), with suspensions as pauses and approved extensions added.
 */
import type { HolidayCalendar } from '#shared/law/calendar';
import { daysBetween } from '#shared/law/civil-date';
import { DEADLINE_RULES, type DeadlineRuleId } from '#shared/law/deadline-rules';
import { computeDeadline } from '#shared/law/deadlines';
import type { CaseFacts } from './facts';
import type { StatsOptions } from './types';

export type LimitCheck =
  | { kind: 'none' }
  | { kind: 'unknown'; ruleId: DeadlineRuleId; problem: string }
  | { kind: 'due'; ruleId: DeadlineRuleId; due: string };

/** The limit in force for a case, judged on `day` (an open suspension counts up to that day). */
export function limitOf(f: CaseFacts, day: string, calendar: HolidayCalendar, o: StatsOptions): LimitCheck {
  if (f.kind === null) return { kind: 'none' };
  const ruleId = o.limitRules[f.kind];
  if (ruleId === null) return { kind: 'none' };
  const trigger = f.triggers.find((t) => t.ruleId === ruleId);
  if (trigger === undefined) return { kind: 'none' };
  const pauses = f.pauses
    .filter((p) => p.from <= day)
    .map((p) => ({
      from: p.from,
      to: p.to === null || p.to > day ? day : p.to,
      kind: 'suspension' as const,
    }));
  const extensions = f.extensions.filter((x) => x.ruleId === ruleId).map((x) => ({ days: x.days }));
  const r = computeDeadline(DEADLINE_RULES[ruleId], trigger.trigger, calendar, pauses, extensions);
  if (!r.ok) return { kind: 'unknown', ruleId, problem: r.error.zh };
  return { kind: 'due', ruleId, due: r.value.due };
}

/** Days of suspension that fall within [from, to] (inclusive), open pauses running to `to`. */
export function suspendedDays(f: CaseFacts, from: string, to: string): number {
  let total = 0;
  for (const p of f.pauses) {
    const a = p.from > from ? p.from : from;
    const end = p.to ?? to;
    const b = end < to ? end : to;
    if (a <= b) total += daysBetween(a, b) + 1;
  }
  return total;
}
