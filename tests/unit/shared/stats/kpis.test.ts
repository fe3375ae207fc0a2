// Every KPI of domain.md §8.2 over the hand-built caseload of scenario.ts, checked exactly (March 2026).
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '#shared/case/index';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import type { HolidayCalendar } from '#shared/law/calendar';
import {
  computeStats,
  computeStatsFromFacts,
  factsOf,
  KPI_KEYS,
  type StatsInput,
  type StatsReport,
} from '#shared/stats/index';
import { buildScenario, type Scenario } from './scenario';

let sc: Scenario;
let states: CaseState[];
let calendar: HolidayCalendar;
let report: StatsReport;

const march = (over: Partial<StatsInput> = {}): StatsInput => ({
  period: { from: '2026-03-01', to: '2026-03-31' },
  today: '2026-04-10',
  calendar,
  ...over,
});

function run(over: Partial<StatsInput> = {}): StatsReport {
  const r = computeStats(states, march(over));
  if (!r.ok) throw new Error(r.error.zh);
  return r.value;
}

const idsOf = (...keys: (keyof Scenario['ids'])[]): string[] => keys.map((k) => sc.ids[k]).sort();
const kpi = (key: (typeof KPI_KEYS)[number]) => report.totals.kpis[key];

beforeAll(async () => {
  const cal = bundledHolidayCalendar();
  if (!cal.ok) throw new Error('calendar');
  calendar = cal.value;
  sc = await buildScenario();
  states = sc.desk.states();
  for (const s of states) expect(s.problems).toEqual([]);
  report = run();
});

describe('caseload balance', () => {
  it('accepted, pending at start, closed, pending at end', () => {
    expect(kpi('accepted')).toMatchObject({ value: 3, caseIds: idsOf('C', 'D', 'E') });
    expect(kpi('pendingAtStart')).toMatchObject({ value: 4, caseIds: idsOf('A', 'B', 'H', 'I') });
    expect(kpi('closed')).toMatchObject({ value: 6, caseIds: idsOf('A', 'C', 'D', 'E', 'H', 'I') });
    expect(kpi('closedWithoutAcceptance')).toMatchObject({ value: 1, caseIds: idsOf('F') });
    expect(kpi('pendingAtEnd')).toMatchObject({ value: 1, caseIds: idsOf('B') });
  });

  it('closed by closure type', () => {
    const by = Object.fromEntries(report.totals.breakdowns.closedByType.map((b) => [b.key, b.kpi.caseIds]));
    expect(by).toEqual({
      award_final: idsOf('A'),
      award_non_final: idsOf('H'),
      arbitral_mediation: idsOf('C'),
      mediated_performed: idsOf('D'),
      failed: idsOf('E'),
      withdrawn: idsOf('I'),
    });
    expect(report.totals.breakdowns.closedByType[0]?.label).toBe('调解成功并履行');
  });

  it('accepted by kind, channel and category', () => {
    const b = report.totals.breakdowns;
    expect(b.acceptedByKind.map((x) => [x.key, x.kpi.value])).toEqual([
      ['mediation', 2],
      ['arbitration', 1],
    ]);
    expect(b.acceptedByChannel.map((x) => [x.key, x.kpi.value])).toEqual([
      ['walk_in', 1],
      ['mobile', 2],
    ]);
    expect(b.acceptedByCategory.map((x) => [x.key, x.kpi.caseIds])).toEqual([
      ['wage_arrears', idsOf('C', 'D')],
      ['work_injury', idsOf('E')],
    ]);
  });
});

describe('rates', () => {
  it('closure rate in each configured formula', () => {
    expect(kpi('closureRate').value).toBeCloseTo(6 / 7);
    expect(kpi('closureRate').denominatorCaseIds).toEqual(idsOf('A', 'B', 'C', 'D', 'E', 'H', 'I'));
    expect(kpi('closureRate').definition.zh).toContain('上期未结');
    const accepted = run({ options: { closureRateFormula: 'accepted' } }).totals.kpis.closureRate;
    expect(accepted.value).toBe(2);
    const cohort = run({ options: { closureRateFormula: 'cohort' } }).totals.kpis.closureRate;
    expect(cohort).toMatchObject({ value: 1, caseIds: idsOf('C', 'D', 'E') });
  });

  it('on-time closure (extension counted) and the overdue list', () => {
    expect(kpi('onTimeClosureRate')).toMatchObject({
      value: 3 / 4,
      caseIds: idsOf('A', 'C', 'H'),
      denominatorCaseIds: idsOf('A', 'C', 'H', 'I'),
    });
    expect(kpi('closedLate').caseIds).toEqual(idsOf('I'));
    expect(kpi('overdueOpen').caseIds).toEqual(idsOf('B'));
    expect(report.asOf).toBe('2026-03-31');
    expect(report.overdue).toEqual([
      {
        caseId: sc.ids.B,
        number: expect.any(String) as string,
        assigneeId: 'user-li',
        ruleId: 'awardTimeLimit',
        due: '2026-02-24',
        daysOverdue: 35,
        closedDay: null,
      },
    ]);
  });

  it('mediation success, arbitral mediation (settled withdrawals configurable), final awards', () => {
    expect(kpi('mediationSuccessRate')).toMatchObject({ value: 1 / 2, caseIds: idsOf('D') });
    expect(kpi('arbitralMediationRate')).toMatchObject({ value: 1 / 4, caseIds: idsOf('C') });
    const withSettled = run({ options: { settledWithdrawalsAsMediation: true } }).totals.kpis;
    expect(withSettled.arbitralMediationRate).toMatchObject({ value: 2 / 4, caseIds: idsOf('C', 'I') });
    expect(kpi('finalAwardRate')).toMatchObject({ value: 1 / 2, caseIds: idsOf('A') });
  });
});

describe('amounts and workers', () => {
  it('claimed, agreed, awarded, recovered in fen', () => {
    expect(kpi('amountClaimedFen')).toMatchObject({ value: 6_500_000, caseIds: idsOf('C', 'D', 'E') });
    expect(kpi('amountAgreedFen')).toMatchObject({ value: 5_350_000, caseIds: idsOf('C', 'D', 'I') });
    expect(kpi('amountAwardedFen')).toMatchObject({ value: 1_800_000, caseIds: idsOf('A', 'H') });
    expect(kpi('amountRecoveredFen')).toMatchObject({ value: 3_200_000, caseIds: idsOf('C', 'D') });
    const proofOnly = run({ options: { recoveredRequiresProof: true } }).totals.kpis.amountRecoveredFen;
    expect(proofOnly).toMatchObject({ value: 3_000_000, caseIds: idsOf('D') });
  });

  it('workers involved and benefited', () => {
    expect(kpi('workersInvolved')).toMatchObject({ value: 14, caseIds: idsOf('C', 'D', 'E') });
    expect(kpi('workersBenefited')).toMatchObject({ value: 3, caseIds: idsOf('C', 'D') });
  });

  it('collective cases', () => {
    expect(kpi('collectiveCases')).toMatchObject({ value: 1, caseIds: idsOf('D') });
    expect(kpi('collectiveWorkers').value).toBe(12);
    expect(kpi('collectiveAmountClaimedFen').value).toBe(6_000_000);
  });
});

describe('mobile tribunal, days to close, judicial confirmation, referrals', () => {
  it('mobile sessions and cases settled on site', () => {
    expect(kpi('mobileSessions')).toMatchObject({ value: 2, caseIds: idsOf('C', 'D') });
    expect(kpi('mobileCasesHeard').value).toBe(2);
    expect(kpi('casesSettledOnSite')).toMatchObject({ value: 2, caseIds: idsOf('C', 'D') });
    expect(kpi('amountSettledOnSiteFen').value).toBe(5_300_000);
  });

  it('mean, median and P90 days to close, with and without suspension', () => {
    expect(kpi('daysToCloseMean').value).toBeCloseTo(184 / 6);
    expect(kpi('daysToCloseMedian').value).toBe(22.5);
    expect(kpi('daysToCloseP90').value).toBe(59);
    expect(kpi('netDaysToCloseMean').value).toBeCloseTo(181 / 6);
    expect(kpi('netDaysToCloseMedian').value).toBe(22.5);
    expect(kpi('daysToCloseMean').caseIds).toEqual(kpi('closed').caseIds);
  });

  it('judicial confirmations and referrals by destination', () => {
    expect(kpi('jcApplied')).toMatchObject({ value: 1, caseIds: idsOf('D') });
    expect(kpi('jcConfirmed')).toMatchObject({ value: 1, caseIds: idsOf('D') });
    expect(kpi('jcRejected')).toMatchObject({ value: 0, caseIds: [] });
    expect(kpi('jcMeanDays').value).toBe(6);
    expect(kpi('referrals').value).toBe(1);
    expect(report.totals.breakdowns.referralsByTarget.map((b) => [b.key, b.label, b.kpi.value])).toEqual([
      ['court_confirmation', '法院司法确认', 1],
    ]);
    expect(report.totals.breakdowns.referralsByOutcome.map((b) => b.key)).toEqual(['confirmed']);
  });
});

describe('report shape', () => {
  it('every KPI has a bilingual definition', () => {
    for (const key of KPI_KEYS) {
      expect(kpi(key).key).toBe(key);
      expect(kpi(key).definition.zh.length).toBeGreaterThan(2);
      expect(kpi(key).definition.en.length).toBeGreaterThan(2);
    }
  });

  it('groups by assignee, category, kind', () => {
    const byAssignee = run({ groupBy: 'assignee' });
    expect(byAssignee.groups.map((g) => [g.key, g.label, g.caseIds.length])).toEqual([
      ['unassigned', '未指派', 8],
      ['user-li', 'user-li', 1],
    ]);
    const byKind = run({ groupBy: 'kind' });
    const arb = byKind.groups.find((g) => g.key === 'arbitration');
    expect(arb?.set.kpis.closed.caseIds).toEqual(idsOf('A', 'C', 'H', 'I'));
    expect(arb?.label).toBe('仲裁');
  });

  it('refuses a period that ends before it begins, and bad dates', () => {
    const r = computeStats(states, march({ period: { from: '2026-03-31', to: '2026-03-01' } }));
    expect(r).toEqual({
      ok: false,
      error: { field: 'to', zh: '统计期间的结束日期早于开始日期', en: 'The period ends before it begins' },
    });
    const bad = computeStats(states, march({ period: { from: '2026-02-30', to: '2026-03-01' } }));
    expect(bad.ok ? null : bad.error.field).toBe('from');
    const today = computeStats(states, march({ today: 'yesterday' }));
    expect(today.ok ? null : today.error.field).toBe('today');
  });

  it('an open limit the calendar cannot compute is listed, not guessed', () => {
    // B accepted in 2027: the bundled calendar has no 2027, so its limit is unknown rather than wrong.
    const facts = factsOf(states).map((f) =>
      f.caseId === sc.ids.B
        ? {
            ...f,
            acceptedDay: '2027-06-01',
            triggers: f.triggers.map((t) => ({ ...t, trigger: '2027-06-01' })),
          }
        : f,
    );
    const r = computeStatsFromFacts(
      facts,
      march({ period: { from: '2027-07-01', to: '2027-12-31' }, today: '2028-01-01' }),
    );
    expect(r.ok && r.value.limitUnknown).toEqual([sc.ids.B]);
    expect(r.ok && r.value.totals.kpis.overdueOpen.caseIds).toEqual([sc.ids.G]);
  });
});
