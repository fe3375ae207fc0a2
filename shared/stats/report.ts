/*
 * computeStats: the one entry point the dashboard, the hub's report endpoint and the exports call, so
 * all three give the same numbers over the same reduced cases. Bad input answers an error, never throws.
 */
import type { CaseState } from '#shared/case/index';
import type { HolidayCalendar } from '#shared/law/calendar';
import { isIsoDate } from '#shared/law/civil-date';
import { err, ok, type Result } from '#shared/util/result';
import { computeKpiSet, newComputeCache } from './compute';
import { caseFacts, type CaseFacts } from './facts';
import { CATEGORY_ZH, CHANNEL_ZH, KIND_ZH, labelOf } from './labels';
import {
  CLOSURE_RATE_FORMULAS,
  DEFAULT_STATS_OPTIONS,
  GROUP_BYS,
  type GroupBy,
  type Period,
  type StatsError,
  type StatsOptions,
  type StatsReport,
} from './types';

export type StatsInput = {
  period: Period;
  /** Today, China time (YYYY-MM-DD); open and overdue cases are judged on min(today, period.to). */
  today: string;
  calendar: HolidayCalendar;
  groupBy?: GroupBy | null;
  options?: Partial<StatsOptions>;
};

const fail = (field: string, zh: string, en: string): Result<never, StatsError> => err({ field, zh, en });

/** Checks a period (and today); the error says which field and why, Chinese first. */
export function validatePeriod(period: Period, today?: string): Result<Period, StatsError> {
  if (!isIsoDate(period.from))
    return fail('from', `开始日期无效：${period.from}`, `Invalid start date: ${period.from}`);
  if (!isIsoDate(period.to))
    return fail('to', `结束日期无效：${period.to}`, `Invalid end date: ${period.to}`);
  if (period.to < period.from)
    return fail('to', '统计期间的结束日期早于开始日期', 'The period ends before it begins');
  if (today !== undefined && !isIsoDate(today))
    return fail('today', `当前日期无效：${today}`, `Invalid today: ${today}`);
  return ok(period);
}

function groupKeys(f: CaseFacts, by: GroupBy): string[] {
  switch (by) {
    case 'assignee':
      return [f.assigneeId ?? 'unassigned'];
    case 'category':
      return f.categories.length > 0 ? f.categories : ['other'];
    case 'channel':
      return [f.channel ?? 'unknown'];
    case 'status':
      return [f.status ?? 'unknown'];
    case 'kind':
      return [f.kind ?? 'unknown'];
  }
}

function groupLabel(by: GroupBy, key: string): string {
  if (by === 'category') return labelOf(CATEGORY_ZH, key);
  if (by === 'channel') return labelOf(CHANNEL_ZH, key);
  if (by === 'kind') return labelOf(KIND_ZH, key);
  return key === 'unassigned' ? '未指派' : key;
}

/** The facts of many states (states without a case.opened are skipped). */
export const factsOf = (cases: readonly CaseState[]): CaseFacts[] =>
  cases.flatMap((c) => {
    const f = caseFacts(c);
    return f === null ? [] : [f];
  });

/** KPIs over already extracted facts (callers that cache facts per case use this). */
export function computeStatsFromFacts(
  facts: readonly CaseFacts[],
  input: StatsInput,
): Result<StatsReport, StatsError> {
  const p = validatePeriod(input.period, input.today);
  if (!p.ok) return p;
  const options: StatsOptions = { ...DEFAULT_STATS_OPTIONS, ...input.options };
  if (!CLOSURE_RATE_FORMULAS.includes(options.closureRateFormula))
    return fail('closureRateFormula', '结案率公式无效', 'Unknown closure-rate formula');
  const by = input.groupBy ?? null;
  if (by !== null && !GROUP_BYS.includes(by)) return fail('groupBy', '分组方式无效', 'Unknown grouping');
  // In case-id order once, so every KPI's id list comes out sorted without sorting again.
  facts = [...facts].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const asOf = input.today < input.period.to ? input.today : input.period.to;
  const ctx = { period: input.period, asOf, calendar: input.calendar, options, cache: newComputeCache() };
  const totals = computeKpiSet(facts, ctx);
  const groups: StatsReport['groups'] = [];
  if (by !== null) {
    const byKey = new Map<string, CaseFacts[]>();
    for (const f of facts)
      for (const k of groupKeys(f, by)) {
        const list = byKey.get(k);
        if (list) list.push(f);
        else byKey.set(k, [f]);
      }
    for (const [key, group] of [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)))
      groups.push({
        key,
        label: groupLabel(by, key),
        caseIds: group.map((f) => f.caseId).sort(),
        set: computeKpiSet(group, ctx).set,
      });
  }
  return ok({
    period: input.period,
    asOf,
    options,
    caseCount: facts.length,
    totals: totals.set,
    groupBy: by,
    groups,
    overdue: totals.overdue,
    limitUnknown: totals.limitUnknown,
  });
}

/** KPIs of domain.md §8.2 over reduced cases for a period, optionally grouped. */
export function computeStats(
  cases: readonly CaseState[],
  input: StatsInput,
): Result<StatsReport, StatsError> {
  return computeStatsFromFacts(factsOf(cases), input);
}
