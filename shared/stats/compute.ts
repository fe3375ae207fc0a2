/*
 * Every KPI of domain.md §8.2 over one set of case facts for one period. Pure: the holiday calendar and
 * the as-of day are passed in. Periods are inclusive China-time days; "accepted" means a case.accepted.
 */
import { CASE_KINDS, CHANNELS, DISPUTE_CATEGORIES } from '#shared/domain/case-kinds';
import { CLOSURE_TYPES } from '#shared/domain/closure-types';
import { REFERRAL_TARGETS } from '#shared/domain/organisation';
import type { HolidayCalendar } from '#shared/law/calendar';
import { daysBetween } from '#shared/law/civil-date';
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
import { limitOf, suspendedDays } from './limits';
import { computeJudicial } from './judicial';
import type { KpiSet, OverdueEntry, Period, StatsOptions } from './types';

export type ComputeContext = {
  period: Period;
  asOf: string;
  calendar: HolidayCalendar;
  options: StatsOptions;
};

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
    const l = limitOf(f, day, c.calendar, c.options);
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
    const l = limitOf(f, c.asOf, c.calendar, c.options);
    if (l.kind === 'unknown') unknown.push(f.caseId);
    if (l.kind !== 'due' || l.due >= c.asOf) continue;
    overdueFacts.push(f);
    overdue.push({
      caseId: f.caseId,
      number: f.number,
      assigneeId: f.assigneeId,
      ruleId: l.ruleId,
      due: l.due,
      daysOverdue: daysBetween(l.due, c.asOf),
      closedDay: null,
    });
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.caseId.localeCompare(b.caseId));
  return { onTime, late, measured, overdueFacts, overdue, unknown: [...new Set(unknown)].sort() };
}

function dayStats(closed: readonly CaseFacts[]) {
  const gross: number[] = [];
  const net: number[] = [];
  for (const f of closed) {
    if (f.acceptedDay === null || f.closedDay === null) continue;
    const days = daysBetween(f.acceptedDay, f.closedDay);
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
  const paid = (f: CaseFacts) =>
    f.payments.filter((x) => inPeriod(x.day, c.period) && (x.withProof || !c.options.recoveredRequiresProof));
  const payers = facts.filter((f) => paid(f).length > 0);
  const workers = new Set(payers.flatMap((f) => paid(f).flatMap((x) => x.workerKeys)));
  return {
    amountClaimedFen: sumKpi('amountClaimedFen', sets.accepted, (f) => f.amountClaimedFen),
    amountAgreedFen: sumKpi('amountAgreedFen', sets.closed, (f) => f.amountAgreedFen),
    amountAwardedFen: sumKpi('amountAwardedFen', sets.closed, (f) => f.amountAwardedFen),
    amountRecoveredFen: sumKpi('amountRecoveredFen', payers, (f) =>
      paid(f).reduce((s, x) => s + x.amountFen, 0),
    ),
    workersInvolved: tallyKpi(
      'workersInvolved',
      sets.accepted.reduce((s, f) => s + f.workers, 0),
      sets.accepted,
    ),
    workersBenefited: tallyKpi('workersBenefited', workers.size, payers),
  };
}

function mobile(facts: readonly CaseFacts[], c: ComputeContext) {
  const sessions = (f: CaseFacts) => f.sessions.filter((s) => s.mobile && inPeriod(s.day, c.period));
  const heard = facts.filter((f) => sessions(f).length > 0);
  const count = heard.reduce((s, f) => s + sessions(f).length, 0);
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
  const made = (f: CaseFacts) => f.referrals.filter((r) => inPeriod(r.day, c.period));
  const referred = facts.filter((f) => made(f).length > 0);
  return {
    kpi: tallyKpi(
      'referrals',
      referred.reduce((s, f) => s + made(f).length, 0),
      referred,
    ),
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
      ...dayStats(sets.closed),
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
