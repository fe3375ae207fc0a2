// Seeded fast-check properties of shared/stats: over generated facts with random dates, and over
// random reduced multi-device histories (the reducer's own generator), the numbers stay consistent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/index';
import { CASE_KINDS, CHANNELS, DISPUTE_CATEGORIES } from '#shared/domain/case-kinds';
import { CLOSURE_TYPES } from '#shared/domain/closure-types';
import { addDays } from '#shared/law/civil-date';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import {
  computeStats,
  computeStatsFromFacts,
  KPI_KEYS,
  type CaseFacts,
  type StatsInput,
  type StatsReport,
} from '#shared/stats/index';
import { computeKpiSet, newComputeCache } from '#shared/stats/compute';
import { DEFAULT_STATS_OPTIONS } from '#shared/stats/types';
import { actionArb, buildHistory } from '../case/scenario-arb';

const cal = bundledHolidayCalendar();
if (!cal.ok) throw new Error('calendar');
const calendar = cal.value;
const SEED = { seed: 20261129, numRuns: 150 };
const BASE = '2025-06-01';

const day = fc.nat({ max: 560 }).map((n) => addDays(BASE, n));
const factsArb: fc.Arbitrary<CaseFacts[]> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...CASE_KINDS),
      channel: fc.constantFrom(...CHANNELS),
      cats: fc.subarray([...DISPUTE_CATEGORIES], { minLength: 1, maxLength: 3 }),
      accepted: fc.option(day, { nil: null }),
      closeAfter: fc.option(fc.nat({ max: 120 }), { nil: null }),
      closure: fc.constantFrom(...CLOSURE_TYPES),
      claimed: fc.nat({ max: 10_000_000 }),
      agreed: fc.nat({ max: 10_000_000 }),
      payments: fc.array(fc.record({ day, amountFen: fc.nat({ max: 1_000_000 }), withProof: fc.boolean() }), {
        maxLength: 3,
      }),
      sessions: fc.array(fc.record({ day, mobile: fc.boolean() }), { maxLength: 3 }),
      collective: fc.boolean(),
      workers: fc.integer({ min: 1, max: 40 }),
      assignee: fc.constantFrom(null, 'u1', 'u2'),
      pauseLen: fc.option(fc.nat({ max: 20 }), { nil: null }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i): CaseFacts => {
      const caseId = `case-${String(i).padStart(3, '0')}`;
      const closedDay =
        r.accepted !== null && r.closeAfter !== null ? addDays(r.accepted, r.closeAfter) : null;
      return {
        caseId,
        number: null,
        kind: r.kind,
        channel: r.channel,
        categories: r.cats,
        status: closedDay === null ? 'accepted' : 'closed',
        assigneeId: r.assignee,
        collective: r.collective,
        workers: r.workers,
        workerKeys: [`${caseId}:w`],
        acceptedDay: r.accepted,
        closedDay,
        closureType: closedDay === null ? null : r.closure,
        amountClaimedFen: r.claimed,
        amountAgreedFen: r.agreed,
        amountAwardedFen: 0,
        hasSignedAgreement: r.agreed > 0,
        agreementDay: r.sessions[0]?.day ?? null,
        payments: r.payments.map((p) => ({ ...p, workerKeys: [`${caseId}:w`] })),
        sessions: r.sessions,
        referrals: [],
        pauses:
          r.accepted !== null && r.pauseLen !== null
            ? [{ from: addDays(r.accepted, 1), to: addDays(r.accepted, 1 + r.pauseLen) }]
            : [],
        extensions: [],
        triggers:
          r.accepted !== null
            ? [{ ruleId: 'awardTimeLimit', trigger: r.accepted, eventId: 'e', restarts: null }]
            : [],
        originCaseId: null,
        ownerOrgId: null,
        inConflict: false,
      };
    }),
  );

const periodArb = fc
  .tuple(fc.nat({ max: 500 }), fc.nat({ max: 120 }))
  .map(([a, len]) => ({ from: addDays(BASE, a), to: addDays(BASE, a + len) }));

const input = (period: { from: string; to: string }, extra: Partial<StatsInput> = {}): StatsInput => ({
  period,
  today: '2026-12-31',
  calendar,
  ...extra,
});

function mustReport(facts: CaseFacts[], i: StatsInput): StatsReport {
  const r = computeStatsFromFacts(facts, i);
  if (!r.ok) throw new Error(r.error.zh);
  return r.value;
}

function checkConsistent(r: StatsReport, allIds: ReadonlySet<string>): void {
  const k = r.totals.kpis;
  for (const key of KPI_KEYS) {
    const x = k[key];
    expect([...x.caseIds].sort()).toEqual([...new Set(x.caseIds)].sort());
    for (const id of x.caseIds) expect(allIds.has(id)).toBe(true);
    if (
      x.unit === 'count' &&
      !['mobileSessions', 'referrals', 'workersInvolved', 'workersBenefited', 'collectiveWorkers'].includes(
        key,
      ) &&
      !key.startsWith('jc')
    )
      expect(x.value).toBe(x.caseIds.length);
    if (x.unit === 'rate') {
      if (x.value !== null && key !== 'closureRate') expect(x.value).toBeLessThanOrEqual(1);
      if (x.value !== null) expect(x.value).toBeGreaterThanOrEqual(0);
      // closed ÷ accepted counts older cases in the numerator only: that formula is not a subset.
      if (key !== 'closureRate' || r.options.closureRateFormula !== 'accepted')
        for (const id of x.caseIds) expect(x.denominatorCaseIds).toContain(id);
      expect(x.value === null).toBe((x.denominatorCaseIds ?? []).length === 0);
    }
    if (x.unit === 'fen') expect(x.value === 0).toBe(x.caseIds.length === 0);
    if (x.unit === 'count' && x.value !== null) expect(x.value).toBeGreaterThanOrEqual(x.caseIds.length);
  }
  expect(k.closed.value ?? 0).toBeLessThanOrEqual((k.accepted.value ?? 0) + (k.pendingAtStart.value ?? 0));
  for (const id of k.closed.caseIds)
    expect(k.accepted.caseIds.includes(id) || k.pendingAtStart.caseIds.includes(id)).toBe(true);
  const med = k.daysToCloseMedian.value;
  const p90 = k.daysToCloseP90.value;
  if (med !== null && p90 !== null) expect(med).toBeLessThanOrEqual(p90);
  if (k.netDaysToCloseMean.value !== null)
    expect(k.netDaysToCloseMean.value).toBeLessThanOrEqual(k.daysToCloseMean.value ?? 0);
}

describe('stats properties over generated facts', () => {
  it('balance: pending at end = pending at start + accepted − closed; official and cohort rates in [0,1]', () => {
    fc.assert(
      fc.property(
        factsArb,
        periodArb,
        fc.constantFrom('official', 'cohort', 'accepted'),
        (facts, period, formula) => {
          const r = mustReport(facts, input(period, { options: { closureRateFormula: formula } }));
          const k = r.totals.kpis;
          expect(k.pendingAtEnd.value).toBe(
            (k.pendingAtStart.value ?? 0) + (k.accepted.value ?? 0) - (k.closed.value ?? 0),
          );
          if (formula !== 'accepted' && k.closureRate.value !== null)
            expect(k.closureRate.value).toBeLessThanOrEqual(1);
          checkConsistent(r, new Set(facts.map((f) => f.caseId)));
        },
      ),
      SEED,
    );
  });

  it('splitting a period adds up for accepted, closed, amounts recovered and mobile sessions', () => {
    fc.assert(
      fc.property(factsArb, periodArb, fc.nat({ max: 119 }), (facts, period, cut) => {
        const mid = addDays(period.from, cut);
        fc.pre(mid < period.to);
        const whole = mustReport(facts, input(period)).totals.kpis;
        const a = mustReport(facts, input({ from: period.from, to: mid })).totals.kpis;
        const b = mustReport(facts, input({ from: addDays(mid, 1), to: period.to })).totals.kpis;
        for (const key of [
          'accepted',
          'closed',
          'amountRecoveredFen',
          'mobileSessions',
          'amountClaimedFen',
        ] as const)
          expect(whole[key].value).toBe((a[key].value ?? 0) + (b[key].value ?? 0));
      }),
      SEED,
    );
  });

  it('groups by kind, channel and assignee partition the totals', () => {
    fc.assert(
      fc.property(
        factsArb,
        periodArb,
        fc.constantFrom('kind', 'channel', 'assignee', 'status'),
        (facts, period, by) => {
          const r = mustReport(facts, input(period, { groupBy: by }));
          for (const key of ['accepted', 'closed', 'pendingAtStart', 'amountRecoveredFen'] as const) {
            const sum = r.groups.reduce((s, g) => s + (g.set.kpis[key].value ?? 0), 0);
            expect(sum).toBe(r.totals.kpis[key].value);
          }
        },
      ),
      SEED,
    );
  });
});

describe('the per-computation caches (limits, day numbers) change no number (#9 item 7)', () => {
  it('computeKpiSet with the caches equals computeKpiSet without them, on the same facts and day', () => {
    fc.assert(
      fc.property(factsArb, periodArb, fc.nat({ max: 560 }), (facts, period, t) => {
        const sorted = [...facts].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
        const today = addDays(BASE, t);
        const asOf = today < period.to ? today : period.to;
        const base = { period, asOf, calendar, options: DEFAULT_STATS_OPTIONS };
        const cache = newComputeCache();
        const cached = computeKpiSet(sorted, { ...base, cache });
        // Twice through the same cache (as totals then a group do) and once without any cache.
        expect(computeKpiSet(sorted, { ...base, cache })).toEqual(cached);
        expect(computeKpiSet(sorted, base)).toEqual(cached);
      }),
      SEED,
    );
  });

  it("a group's KPIs in a grouped report equal the report of that group's cases alone", () => {
    fc.assert(
      fc.property(factsArb, periodArb, (facts, period) => {
        const r = mustReport(facts, input(period, { groupBy: 'kind' }));
        for (const g of r.groups) {
          const alone = mustReport(
            facts.filter((f) => g.caseIds.includes(f.caseId)),
            input(period),
          );
          expect(g.set).toEqual(alone.totals);
        }
      }),
      SEED,
    );
  });
});

describe('stats properties over reduced random histories', () => {
  it('never throws and stays consistent on whatever the reducer makes of random events', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 3 }), fc.array(actionArb, { maxLength: 25 })), { maxLength: 6 }),
        (histories) => {
          const states = histories.map(([kind, actions], i) => ({
            ...reduceCase(buildHistory(kind, actions)),
            caseId: `h-${String(i)}`,
          }));
          const r = computeStats(
            states,
            input({ from: '2026-11-01', to: '2026-11-30' }, { today: '2026-12-01' }),
          );
          expect(r.ok).toBe(true);
          if (r.ok) checkConsistent(r.value, new Set(states.map((s) => s.caseId)));
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });
});
