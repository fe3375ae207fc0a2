/*
 * Every KPI of domain.md §8.2 over one set of case facts for one period. Pure: the holiday calendar and
 * the as-of day are passed in. Periods are inclusive China-time days; "accepted" means a case.accepted.
 */
import { CASE_KINDS, CHANNELS, DISPUTE_CATEGORIES } from '#shared/domain/case-kinds';
import { CLOSURE_TYPES } from '#shared/domain/closure-types';
import { REFERRAL_TARGETS } from '#shared/domain/organisation';
import type { HolidayCalendar } from '#shared/law/calendar';
import { dayNumberOf, daysBetween } from '#shared/law/civil-date';
import { CLOSURE_RATE_DEFS, KPI_DEFS } from './definitions';
import type { CaseFacts } from './facts';
import { breakdown, countKpi, daysKpi, mean, median, percentile, rateKpi, sumKpi, tallyKpi } from './kpi';
import {
  CATEGORY_ZH,
  CHANNEL_ZH,
  CLOSURE_TYPE_ZH,
  KIND_ZH,
  REFERRAL_OUTCOME_ZH,
  REFERRAL_TARGET_ZH,
  labelOf,
} from './labels';
import { limitOf, suspendedDays, type LimitCheck } from './limits';
import { computeJudicial } from './judicial';
import type { KpiSet, OverdueEntry, Period, StatsOptions } from './types';

export type ComputeContext = {
  period: Period;
  asOf: string;
  calendar: HolidayCalendar;
  options: StatsOptions;
  /**
   * Optional per-computation caches (computeStatsFromFacts passes fresh ones): the totals and each group
   * judge the same case on the same day, so the limit and day numbers are computed once per case.
   */
  cache?: ComputeCache;
};

export type ComputeCache = {
  /** Per case, the last day it was judged on and the answer. */
  limits: Map<CaseFacts, { day: string; limit: LimitCheck }>;
  days: Map<string, number>;
};

export const newComputeCache = (): ComputeCache => ({ limits: new Map(), days: new Map() });

/** limitOf, remembered per case and day within one computation. */
function cachedLimit(f: CaseFacts, day: string, c: ComputeContext): LimitCheck {
  const known = c.cache?.limits.get(f);
  if (known !== undefined && known.day === day) return known.limit;
  const limit = limitOf(f, day, c.calendar, c.options);
  c.cache?.limits.set(f, { day, limit });
  return limit;
}

/** daysBetween with the day numbers remembered within one computation (parsing dominated at 100k). */
function between(from: string, to: string, c: ComputeContext): number {
  const days = c.cache?.days;
  if (!days) return daysBetween(from, to);
  return dayNumberIn(days, to) - dayNumberIn(days, from);
}

function dayNumberIn(days: Map<string, number>, d: string): number {
  const n = days.get(d);
  if (n !== undefined) return n;
  const fresh = dayNumberOf(d);
  days.set(d, fresh);
  return fresh;
}

const inPeriod = (day: string | null, p: Period): day is string =>
  day !== null && day >= p.from && day <= p.to;
const isMediationKind = (f: CaseFacts): boolean => f.kind === 'mediation' || f.kind === 'joint';

/** The cases' place in the period: the sets every other KPI starts from. */
export function periodSets(facts: readonly CaseFacts[], p: Period) {
  const accepted = facts.filter((f) => inPeriod(f.acceptedDay, p));
  const pendingAtStart = facts.filter(
    (f) =>
      f.acceptedDay !== null && f.acceptedDay < p.from && (f.closedDay === null || f.closedDay >= p.from),
  );
  const closed = facts.filter(
    (f) => f.acceptedDay !== null && f.acceptedDay <= p.to && inPeriod(f.closedDay, p),
  );
  const closedWithoutAcceptance = facts.filter(
    (f) => inPeriod(f.closedDay, p) && (f.acceptedDay === null || f.acceptedDay > p.to),
  );
  const pendingAtEnd = facts.filter(
    (f) => f.acceptedDay !== null && f.acceptedDay <= p.to && (f.closedDay === null || f.closedDay > p.to),
  );
  return { accepted, pendingAtStart, closed, closedWithoutAcceptance, pendingAtEnd };
}

function closureRate(sets: ReturnType<typeof periodSets>, c: ComputeContext) {
  const f = c.options.closureRateFormula;
  const def = CLOSURE_RATE_DEFS[f];
  switch (f) {
    case 'official':
      return rateKpi('closureRate', def, sets.closed, [...sets.pendingAtStart, ...sets.accepted]);
    case 'accepted': {
      // closed ÷ accepted: may exceed 1 when older cases close; that is the formula, not a bug.
      const k = rateKpi('closureRate', def, sets.closed, sets.accepted);
      return { ...k, value: sets.accepted.length === 0 ? null : sets.closed.length / sets.accepted.length };
    }
    case 'cohort':
      return rateKpi(
        'closureRate',
        def,
        sets.accepted.filter((x) => x.closedDay !== null && x.closedDay <= c.period.to),
        sets.accepted,
      );
  }
}

function timeliness(facts: readonly CaseFacts[], closed: readonly CaseFacts[], c: ComputeContext) {
  const onTime: CaseFacts[] = [];
  const late: CaseFacts[] = [];
  const measured: CaseFacts[] = [];
  const unknown: string[] = [];
  const overdue: OverdueEntry[] = [];
  for (const f of closed) {
    const day = f.closedDay ?? c.period.to;
    const l = cachedLimit(f, day, c);
    if (l.kind === 'unknown') unknown.push(f.caseId);
    if (l.kind !== 'due') continue;
    measured.push(f);
    if (day <= l.due) onTime.push(f);
    else late.push(f);
  }
  const open = facts.filter(
    (f) =>
      f.acceptedDay !== null && f.acceptedDay <= c.asOf && (f.closedDay === null || f.closedDay > c.asOf),
  );
  const overdueFacts: CaseFacts[] = [];
  for (const f of open) {
    const l = cachedLimit(f, c.asOf, c);
    if (l.kind === 'unknown') unknown.push(f.caseId);
    if (l.kind !== 'due' || l.due >= c.asOf) continue;
    overdueFacts.push(f);
    overdue.push({
      caseId: f.caseId,
      number: f.number,
      assigneeId: f.assigneeId,
      ruleId: l.ruleId,
      due: l.due,
      daysOverdue: between(l.due, c.asOf, c),
      closedDay: null,
    });
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.caseId.localeCompare(b.caseId));
  return { onTime, late, measured, overdueFacts, overdue, unknown: [...new Set(unknown)].sort() };
}

function dayStats(closed: readonly CaseFacts[], c: ComputeContext) {
  const gross: number[] = [];
  const net: number[] = [];
  for (const f of closed) {
    if (f.acceptedDay === null || f.closedDay === null) continue;
    const days = between(f.acceptedDay, f.closedDay, c);
    gross.push(days);
    net.push(Math.max(0, days - suspendedDays(f, f.acceptedDay, f.closedDay)));
  }
  return {
    daysToCloseMean: daysKpi('daysToCloseMean', mean(gross), closed),
    daysToCloseMedian: daysKpi('daysToCloseMedian', median(gross), closed),
    daysToCloseP90: daysKpi('daysToCloseP90', percentile(gross, 90), closed),
    netDaysToCloseMean: daysKpi('netDaysToCloseMean', mean(net), closed),
    netDaysToCloseMedian: daysKpi('netDaysToCloseMedian', median(net), closed),
    netDaysToCloseP90: daysKpi('netDaysToCloseP90', percentile(net, 90), closed),
  };
}

function money(facts: readonly CaseFacts[], sets: ReturnType<typeof periodSets>, c: ComputeContext) {
  // One pass, no per-case arrays: most cases have no payment in the period.
  const payers: CaseFacts[] = [];
  const recovered = new Map<CaseFacts, number>();
  const workers = new Set<string>();
  for (const f of facts) {
    let any = false;
    let sum = 0;
    for (const x of f.payments) {
      if (!inPeriod(x.day, c.period) || !(x.withProof || !c.options.recoveredRequiresProof)) continue;
      any = true;
      sum += x.amountFen;
      for (const k of x.workerKeys) workers.add(k);
    }
    if (!any) continue;
    payers.push(f);
    recovered.set(f, sum);
  }
  return {
    amountClaimedFen: sumKpi('amountClaimedFen', sets.accepted, (f) => f.amountClaimedFen),
    amountAgreedFen: sumKpi('amountAgreedFen', sets.closed, (f) => f.amountAgreedFen),
    amountAwardedFen: sumKpi('amountAwardedFen', sets.closed, (f) => f.amountAwardedFen),
    amountRecoveredFen: sumKpi('amountRecoveredFen', payers, (f) => recovered.get(f) ?? 0),
    workersInvolved: tallyKpi(
      'workersInvolved',
      sets.accepted.reduce((s, f) => s + f.workers, 0),
      sets.accepted,
    ),
    workersBenefited: tallyKpi('workersBenefited', workers.size, payers),
  };
}

function mobile(facts: readonly CaseFacts[], c: ComputeContext) {
  const heard: CaseFacts[] = [];
  let count = 0;
  for (const f of facts) {
    let n = 0;
    for (const s of f.sessions) if (s.mobile && inPeriod(s.day, c.period)) n++;
    if (n === 0) continue;
    heard.push(f);
    count += n;
  }
  const onSite = facts.filter(
    (f) =>
      f.hasSignedAgreement &&
      inPeriod(f.agreementDay, c.period) &&
      f.sessions.some((s) => s.mobile && s.day === f.agreementDay),
  );
  return {
    mobileSessions: tallyKpi('mobileSessions', count, heard),
    mobileCasesHeard: countKpi('mobileCasesHeard', heard),
    casesSettledOnSite: countKpi('casesSettledOnSite', onSite),
    amountSettledOnSiteFen: sumKpi('amountSettledOnSiteFen', onSite, (f) => f.amountAgreedFen),
  };
}

function referralSets(facts: readonly CaseFacts[], c: ComputeContext) {
  const madeOf = new Map<CaseFacts, CaseFacts['referrals']>();
  const referred: CaseFacts[] = [];
  let count = 0;
  for (const f of facts) {
    if (f.referrals.length === 0) continue;
    const m = f.referrals.filter((r) => inPeriod(r.day, c.period));
    if (m.length === 0) continue;
    madeOf.set(f, m);
    referred.push(f);
    count += m.length;
  }
  const made = (f: CaseFacts): CaseFacts['referrals'] => madeOf.get(f) ?? [];
  return {
    kpi: tallyKpi('referrals', count, referred),
    byTarget: breakdown(
      'referralsByTarget',
      referred,
      (f) => made(f).map((r) => r.target),
      REFERRAL_TARGETS,
      (k) => labelOf(REFERRAL_TARGET_ZH, k),
    ),
    byOutcome: breakdown(
      'referralsByOutcome',
      referred,
      (f) => made(f).map((r) => r.status),
      Object.keys(REFERRAL_OUTCOME_ZH),
      (k) => labelOf(REFERRAL_OUTCOME_ZH, k),
    ),
  };
}

/** All KPIs of one set of cases, plus the overdue list and the cases whose limit could not be computed. */
export function computeKpiSet(
  facts: readonly CaseFacts[],
  c: ComputeContext,
): { set: KpiSet; overdue: OverdueEntry[]; limitUnknown: string[] } {
  const sets = periodSets(facts, c.period);
  const t = timeliness(facts, sets.closed, c);
  const medClosed = sets.closed.filter(isMediationKind);
  const medOk = medClosed.filter(
    (f) => f.closureType === 'mediated' || f.closureType === 'mediated_performed' || f.hasSignedAgreement,
  );
  const arbClosed = sets.closed.filter((f) => f.kind === 'arbitration');
  const arbMediated = arbClosed.filter(
    (f) =>
      f.closureType === 'arbitral_mediation' ||
      (c.options.settledWithdrawalsAsMediation &&
        f.closureType === 'withdrawn' &&
        (f.hasSignedAgreement || f.amountAgreedFen > 0)),
  );
  const awards = sets.closed.filter(
    (f) => f.closureType === 'award_final' || f.closureType === 'award_non_final',
  );
  const collective = sets.accepted.filter((f) => f.collective);
  const refs = referralSets(facts, c);
  const defOf = (
    k: 'onTimeClosureRate' | 'mediationSuccessRate' | 'arbitralMediationRate' | 'finalAwardRate',
  ) => ({
    zh: KPI_DEFS[k].zh,
    en: KPI_DEFS[k].en,
  });
  const set: KpiSet = {
    kpis: {
      accepted: countKpi('accepted', sets.accepted),
      pendingAtStart: countKpi('pendingAtStart', sets.pendingAtStart),
      closed: countKpi('closed', sets.closed),
      closedWithoutAcceptance: countKpi('closedWithoutAcceptance', sets.closedWithoutAcceptance),
      pendingAtEnd: countKpi('pendingAtEnd', sets.pendingAtEnd),
      closureRate: closureRate(sets, c),
      onTimeClosureRate: rateKpi('onTimeClosureRate', defOf('onTimeClosureRate'), t.onTime, t.measured),
      closedLate: countKpi('closedLate', t.late),
      overdueOpen: countKpi('overdueOpen', t.overdueFacts),
      mediationSuccessRate: rateKpi('mediationSuccessRate', defOf('mediationSuccessRate'), medOk, medClosed),
      arbitralMediationRate: rateKpi(
        'arbitralMediationRate',
        defOf('arbitralMediationRate'),
        arbMediated,
        arbClosed,
      ),
      finalAwardRate: rateKpi(
        'finalAwardRate',
        defOf('finalAwardRate'),
        awards.filter((f) => f.closureType === 'award_final'),
        awards,
      ),
      ...money(facts, sets, c),
      ...mobile(facts, c),
      ...dayStats(sets.closed, c),
      ...computeJudicial(facts, c.period),
      referrals: refs.kpi,
      collectiveCases: countKpi('collectiveCases', collective),
      collectiveWorkers: tallyKpi(
        'collectiveWorkers',
        collective.reduce((s, f) => s + f.workers, 0),
        collective,
      ),
      collectiveAmountClaimedFen: sumKpi('collectiveAmountClaimedFen', collective, (f) => f.amountClaimedFen),
    },
    breakdowns: {
      acceptedByKind: breakdown(
        'acceptedByKind',
        sets.accepted,
        (f) => (f.kind ? [f.kind] : []),
        CASE_KINDS,
        (k) => labelOf(KIND_ZH, k),
      ),
      acceptedByChannel: breakdown(
        'acceptedByChannel',
        sets.accepted,
        (f) => (f.channel ? [f.channel] : []),
        CHANNELS,
        (k) => labelOf(CHANNEL_ZH, k),
      ),
      acceptedByCategory: breakdown(
        'acceptedByCategory',
        sets.accepted,
        (f) => f.categories,
        DISPUTE_CATEGORIES,
        (k) => labelOf(CATEGORY_ZH, k),
      ),
      closedByType: breakdown(
        'closedByType',
        sets.closed,
        (f) => (f.closureType ? [f.closureType] : []),
        CLOSURE_TYPES,
        (k) => labelOf(CLOSURE_TYPE_ZH, k),
      ),
      referralsByTarget: refs.byTarget,
      referralsByOutcome: refs.byOutcome,
    },
  };
  return { set, overdue: t.overdue, limitUnknown: t.unknown };
}
