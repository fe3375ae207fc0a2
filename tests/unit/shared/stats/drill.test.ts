// The KPI answer without case ids and the drill-down that pages them (issue #9 item 7), over the
// hand-built caseload of scenario.ts: the summary keeps every number and counts exactly the ids it drops;
// paging a number's cases gives back exactly its ids, in order; bad keys, groups and pages are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import {
  BREAKDOWN_KEYS,
  computeStats,
  drillCases,
  KPI_KEYS,
  summarizeReport,
  type StatsReport,
} from '#shared/stats/index';
import { buildScenario } from './scenario';

let report: StatsReport;

beforeAll(async () => {
  const cal = bundledHolidayCalendar();
  if (!cal.ok) throw new Error('calendar');
  const r = computeStats((await buildScenario()).desk.states(), {
    period: { from: '2026-01-01', to: '2026-12-31' },
    today: '2026-12-31',
    calendar: cal.value,
    groupBy: 'kind',
  });
  if (!r.ok) throw new Error(r.error.en);
  report = r.value;
});

/** Every id behind one number, fetched two at a time. */
function pageAll(q: { key: string; group?: string; side?: 'numerator' | 'denominator' }): string[] {
  const out: string[] = [];
  for (let offset = 0; ; offset += 2) {
    const p = drillCases(report, { ...q, offset, limit: 2 });
    if (!p.ok) throw new Error(p.error.en);
    out.push(...p.value.caseIds);
    if (offset + 2 >= p.value.total) return out;
  }
}

describe('summarizeReport and drillCases', () => {
  it('the summary keeps every value and counts the ids it leaves out', () => {
    const s = summarizeReport(report);
    expect(JSON.stringify(s)).not.toContain('caseIds');
    for (const key of KPI_KEYS) {
      const k = report.totals.kpis[key];
      expect(s.totals.kpis[key]).toMatchObject({
        key,
        value: k.value,
        unit: k.unit,
        cases: k.caseIds.length,
      });
      expect(s.totals.kpis[key].denominatorCases).toBe(k.denominatorCaseIds?.length);
    }
    for (const key of BREAKDOWN_KEYS)
      expect(s.totals.breakdowns[key].map((b) => [b.key, b.kpi.value, b.kpi.cases])).toEqual(
        report.totals.breakdowns[key].map((b) => [b.key, b.kpi.value, b.kpi.caseIds.length]),
      );
    expect(s.groups.map((g) => [g.key, g.cases])).toEqual(
      report.groups.map((g) => [g.key, g.caseIds.length]),
    );
    expect(s.overdue).toEqual(report.overdue);
  });

  it('paging a number gives back exactly its case ids, for totals, breakdowns, groups and denominators', () => {
    const t = report.totals;
    expect(t.kpis.accepted.caseIds.length).toBeGreaterThan(2);
    expect(pageAll({ key: 'accepted' })).toEqual(t.kpis.accepted.caseIds);
    expect(pageAll({ key: 'closureRate', side: 'denominator' })).toEqual(
      t.kpis.closureRate.denominatorCaseIds,
    );
    const b = t.breakdowns.closedByType[0];
    if (!b) throw new Error('no breakdown');
    expect(pageAll({ key: b.kpi.key })).toEqual(b.kpi.caseIds);
    const g = report.groups[0];
    if (!g) throw new Error('no group');
    expect(pageAll({ key: 'cases', group: g.key })).toEqual(g.caseIds);
    expect(pageAll({ key: 'closed', group: g.key })).toEqual(g.set.kpis.closed.caseIds);
    const beyond = drillCases(report, { key: 'accepted', offset: 10_000, limit: 5 });
    expect(beyond.ok && beyond.value).toMatchObject({ total: t.kpis.accepted.caseIds.length, caseIds: [] });
  });

  it('refuses an unknown key or group, a denominator of a count and a bad page, naming the field', () => {
    const bad = (q: Parameters<typeof drillCases>[1]) => {
      const r = drillCases(report, q);
      return r.ok ? null : r.error.field;
    };
    expect(bad({ key: 'nope', offset: 0, limit: 10 })).toBe('key');
    expect(bad({ key: 'closedByType.nope', offset: 0, limit: 10 })).toBe('key');
    expect(bad({ key: 'accepted', group: 'nobody', offset: 0, limit: 10 })).toBe('group');
    expect(bad({ key: 'cases', offset: 0, limit: 10 })).toBe('group');
    expect(bad({ key: 'accepted', side: 'denominator', offset: 0, limit: 10 })).toBe('side');
    expect(bad({ key: 'accepted', offset: -1, limit: 10 })).toBe('offset');
    expect(bad({ key: 'accepted', offset: 0, limit: 0 })).toBe('limit');
    expect(bad({ key: 'accepted', offset: 0, limit: 1001 })).toBe('limit');
  });
});
