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
  // Many cases share a trigger day and have no pauses: one computation per distinct input (a 100k-case
  // dashboard would otherwise walk the calendar 100k times).
  const key = `${ruleId}|${trigger.trigger}|${pauses.map((p) => `${p.from}~${p.to}`).join(',')}|${extensions.map((x) => x.days).join(',')}`;
  const memo = memoFor(calendar);
  const known = memo.get(key);
  if (known) return known;
  const r = computeDeadline(DEADLINE_RULES[ruleId], trigger.trigger, calendar, pauses, extensions);
  const out: LimitCheck = r.ok
    ? { kind: 'due', ruleId, due: r.value.due }
    : { kind: 'unknown', ruleId, problem: r.error.zh };
  if (memo.size > 50_000) memo.clear();
  memo.set(key, out);
  return out;
}

/** Per calendar (calendars are immutable values), the deadlines already computed. */
const memos = new WeakMap<HolidayCalendar, Map<string, LimitCheck>>();
function memoFor(calendar: HolidayCalendar): Map<string, LimitCheck> {
  const m = memos.get(calendar);
  if (m) return m;
  const fresh = new Map<string, LimitCheck>();
  memos.set(calendar, fresh);
  return fresh;
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
