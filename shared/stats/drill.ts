/*
 * The KPI answer without case ids, and the drill-down that fetches them (issue #9 item 7). A report over
 * 100k cases carried every KPI's case ids (54–75 MB on the hub); the summary keeps the numbers and how
 * many cases are behind each, and drillCases answers one number's cases a page at a time — from the same
 * StatsReport, so the cases behind a number are exactly the ones it counted, locally and on the hub.
 */
import { err, ok, type Result } from '#shared/util/result';
import { BREAKDOWN_KEYS, KPI_KEYS, type Kpi, type KpiSet, type StatsError, type StatsReport } from './types';

/** A KPI without its case ids: `cases` (and `denominatorCases`) say how many there are. */
export type KpiSummary = Omit<Kpi, 'caseIds' | 'denominatorCaseIds'> & {
  cases: number;
  denominatorCases?: number;
};

export type KpiSetSummary = {
  kpis: Record<keyof KpiSet['kpis'], KpiSummary>;
  breakdowns: Record<keyof KpiSet['breakdowns'], { key: string; label: string; kpi: KpiSummary }[]>;
};

/** What GET /v1/reports/kpis answers: the report, every case-id list replaced by its length. */
export type StatsSummary = Omit<StatsReport, 'totals' | 'groups'> & {
  totals: KpiSetSummary;
  groups: { key: string; label: string; cases: number; set: KpiSetSummary }[];
};

export function summarizeKpi(k: Kpi): KpiSummary {
  const { caseIds, denominatorCaseIds, ...rest } = k;
  return {
    ...rest,
    cases: caseIds.length,
    ...(denominatorCaseIds === undefined ? {} : { denominatorCases: denominatorCaseIds.length }),
  };
}

function summarizeSet(s: KpiSet): KpiSetSummary {
  const kpis = {} as Record<keyof KpiSet['kpis'], KpiSummary>;
  for (const key of KPI_KEYS) kpis[key] = summarizeKpi(s.kpis[key]);
  const breakdowns = {} as KpiSetSummary['breakdowns'];
  for (const key of BREAKDOWN_KEYS)
    breakdowns[key] = s.breakdowns[key].map((b) => ({
      key: b.key,
      label: b.label,
      kpi: summarizeKpi(b.kpi),
    }));
  return { kpis, breakdowns };
}

/** The report without case-id lists (the overdue list and limitUnknown stay: they are lists of cases). */
export function summarizeReport(r: StatsReport): StatsSummary {
  const { totals, groups, ...rest } = r;
  return {
    ...rest,
    totals: summarizeSet(totals),
    groups: groups.map((g) => ({
      key: g.key,
      label: g.label,
      cases: g.caseIds.length,
      set: summarizeSet(g.set),
    })),
  };
}

/** Largest page a drill-down answers. */
export const DRILL_PAGE_MAX = 1000;

/**
 * One number's cases: `key` is a KPI key (`closed`), a breakdown entry's key (`closedByType.mediated`,
 * as in its Kpi.key) or `cases` (every case of the set: a group's members); `group` picks a group of a
 * grouped report (absent: the totals); `side` the rate's denominator instead of its numerator.
 */
export type DrillQuery = {
  key: string;
  group?: string | undefined;
  side?: 'numerator' | 'denominator' | undefined;
  offset: number;
  limit: number;
};

export type DrillPage = {
  key: string;
  group: string | null;
  side: 'numerator' | 'denominator';
  /** How many cases are behind the number (all pages). */
  total: number;
  offset: number;
  caseIds: string[];
};

const fail = (field: string, zh: string, en: string): Result<never, StatsError> => err({ field, zh, en });

function kpiOf(set: KpiSet, key: string): Kpi | null {
  if ((KPI_KEYS as readonly string[]).includes(key)) return set.kpis[key as keyof KpiSet['kpis']];
  const dot = key.indexOf('.');
  if (dot < 0) return null;
  const name = key.slice(0, dot);
  if (!(BREAKDOWN_KEYS as readonly string[]).includes(name)) return null;
  return set.breakdowns[name as keyof KpiSet['breakdowns']].find((b) => b.kpi.key === key)?.kpi ?? null;
}

/** The ids of one page of the cases behind a number of `r`; a bad key, group or page is an error. */
export function drillCases(r: StatsReport, q: DrillQuery): Result<DrillPage, StatsError> {
  if (!Number.isInteger(q.offset) || q.offset < 0)
    return fail('offset', `起始位置无效：${String(q.offset)}`, `Invalid offset: ${String(q.offset)}`);
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > DRILL_PAGE_MAX)
    return fail(
      'limit',
      `每页条数须在 1 到 ${String(DRILL_PAGE_MAX)} 之间`,
      `Page size must be 1 to ${String(DRILL_PAGE_MAX)}`,
    );
  let set = r.totals;
  let members: string[] | null = null;
  if (q.group !== undefined) {
    const g = r.groups.find((x) => x.key === q.group);
    if (!g) return fail('group', `没有这个分组：${q.group}`, `No such group: ${q.group}`);
    set = g.set;
    members = g.caseIds;
  }
  const side = q.side ?? 'numerator';
  let ids: readonly string[];
  if (q.key === 'cases') {
    if (members === null) return fail('group', '“cases”须指定分组', '"cases" needs a group');
    ids = members;
  } else {
    const k = kpiOf(set, q.key);
    if (!k) return fail('key', `没有这个指标：${q.key}`, `No such KPI: ${q.key}`);
    if (side === 'denominator' && k.denominatorCaseIds === undefined)
      return fail('side', `该指标没有分母：${q.key}`, `This KPI has no denominator: ${q.key}`);
    ids = side === 'denominator' ? (k.denominatorCaseIds ?? []) : k.caseIds;
  }
  return ok({
    key: q.key,
    group: q.group ?? null,
    side,
    total: ids.length,
    offset: q.offset,
    caseIds: ids.slice(q.offset, q.offset + q.limit),
  });
}
