/*
 * The contract of shared/stats: a period, options, and KPIs that each carry their definition and the
 * cases behind them, so every number on a dashboard, in the hub's report or in an export drills down.
 */
import type { CaseKind } from '#shared/domain/case-kinds';
import type { DeadlineRuleId } from '#shared/law/deadline-rules';

/** An inclusive period of China-time civil days, YYYY-MM-DD. */
export type Period = { from: string; to: string };

/** Bilingual text; Chinese is what users see first. */
export type Bilingual = { zh: string; en: string };

export type KpiUnit = 'count' | 'rate' | 'fen' | 'days';

/**
 * One number. `value` is null when it is undefined (a rate over zero cases, a mean of nothing).
 * `caseIds` are the cases behind it (for a rate: the numerator's; `denominatorCaseIds` the denominator's).
 */
export type Kpi = {
  key: string;
  value: number | null;
  unit: KpiUnit;
  definition: Bilingual;
  caseIds: string[];
  denominatorCaseIds?: string[];
};

/** A KPI split by a key (closure type, referral target, kind …); `label` is Chinese. */
export type Breakdown = { key: string; label: string; kpi: Kpi }[];

/**
 * 结案率 formulas (domain.md §8.2: "definitions vary by locality"):
 * - `official`: closed ÷ (pending at start + accepted), the usual official formula;
 * - `accepted`: closed ÷ accepted (some localities);
 * - `cohort`: cases accepted in the period and closed by its end ÷ accepted in the period.
 */
export const CLOSURE_RATE_FORMULAS = ['official', 'accepted', 'cohort'] as const;
export type ClosureRateFormula = (typeof CLOSURE_RATE_FORMULAS)[number];

export const GROUP_BYS = ['assignee', 'category', 'channel', 'status', 'kind'] as const;
/** How a report splits the caseload; a case with several categories counts in each. */
export type GroupBy = (typeof GROUP_BYS)[number];

/** Options; every one has a default (DEFAULT_STATS_OPTIONS). */
export type StatsOptions = {
  closureRateFormula: ClosureRateFormula;
  /** Count withdrawals after a settlement (signed agreement or agreed amount) as arbitral mediation. */
  settledWithdrawalsAsMediation: boolean;
  /** Count only payments recorded with a proof file as recovered. */
  recoveredRequiresProof: boolean;
  /** The legal time limit that decides on-time closure, per case kind (null: no limit counted). */
  limitRules: Record<CaseKind, DeadlineRuleId | null>;
};

export const DEFAULT_STATS_OPTIONS: StatsOptions = {
  closureRateFormula: 'official',
  settledWithdrawalsAsMediation: false,
  recoveredRequiresProof: false,
  limitRules: {
    arbitration: 'awardTimeLimit',
    judicial_confirmation: 'judicialConfirmationDecision',
    mediation: null,
    joint: null,
  },
};

/** One case past its legal time limit (超审限). */
export type OverdueEntry = {
  caseId: string;
  number: string | null;
  assigneeId: string | null;
  ruleId: DeadlineRuleId;
  due: string;
  /** Calendar days past `due` on the report's as-of day (open cases) or on the closing day. */
  daysOverdue: number;
  closedDay: string | null;
};

export const KPI_KEYS = [
  'accepted',
  'pendingAtStart',
  'closed',
  'closedWithoutAcceptance',
  'pendingAtEnd',
  'closureRate',
  'onTimeClosureRate',
  'closedLate',
  'overdueOpen',
  'mediationSuccessRate',
  'arbitralMediationRate',
  'finalAwardRate',
  'amountClaimedFen',
  'amountAgreedFen',
  'amountAwardedFen',
  'amountRecoveredFen',
  'workersInvolved',
  'workersBenefited',
  'mobileSessions',
  'mobileCasesHeard',
  'casesSettledOnSite',
  'amountSettledOnSiteFen',
  'daysToCloseMean',
  'daysToCloseMedian',
  'daysToCloseP90',
  'netDaysToCloseMean',
  'netDaysToCloseMedian',
  'netDaysToCloseP90',
  'jcApplied',
  'jcConfirmed',
  'jcRejected',
  'jcMeanDays',
  'referrals',
  'collectiveCases',
  'collectiveWorkers',
  'collectiveAmountClaimedFen',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export const BREAKDOWN_KEYS = [
  'acceptedByKind',
  'acceptedByChannel',
  'acceptedByCategory',
  'closedByType',
  'referralsByTarget',
  'referralsByOutcome',
] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

/** Every KPI and breakdown of domain.md §8.2 for one set of cases. */
export type KpiSet = { kpis: Record<KpiKey, Kpi>; breakdowns: Record<BreakdownKey, Breakdown> };

/** A whole report: totals, optional groups, the overdue list. */
export type StatsReport = {
  period: Period;
  /** The day "open" and "overdue" are judged on: min(today, period.to). */
  asOf: string;
  options: StatsOptions;
  caseCount: number;
  totals: KpiSet;
  groupBy: GroupBy | null;
  groups: { key: string; label: string; caseIds: string[]; set: KpiSet }[];
  overdue: OverdueEntry[];
  /** Cases whose legal limit could not be computed (e.g. the holiday calendar lacks a year). */
  limitUnknown: string[];
};

/** Why a report could not be made; Chinese first. */
export type StatsError = { field: string; zh: string; en: string };
