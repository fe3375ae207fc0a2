/*
 * The statistics report in the yearbook layout of domain.md §8.1 ("历年劳动争议处理情况"): one row per
 * period (or per unit), columns pending from before, accepted (of which collective), workers (of which in
 * collective cases), accepted by cause, closed by way of closing, closure rate, amounts, pending at end.
 * Pure data; the UI prints it to PDF and the exports write it to CSV / XLSX. Every cell drills down.
 */
import type { DisputeCategory } from '#shared/domain/case-kinds';
import type { ClosureType } from '#shared/domain/closure-types';
import type { Result } from '#shared/util/result';
import { err, ok } from '#shared/util/result';
import type { CaseFacts } from './facts';
import { computeStatsFromFacts, type StatsInput } from './report';
import type { KpiUnit, Period, StatsError, StatsReport } from './types';

/** Yearbook causes (案件起因); a case counts once, under its first dispute category. */
export const YEARBOOK_CAUSES = [
  'remuneration',
  'social_insurance',
  'termination',
  'labour_relation',
  'other',
] as const;
export type YearbookCause = (typeof YEARBOOK_CAUSES)[number];

const CAUSE_OF: Readonly<Record<DisputeCategory, YearbookCause>> = {
  wage_arrears: 'remuneration',
  overtime: 'remuneration',
  annual_leave: 'remuneration',
  work_injury: 'social_insurance',
  social_insurance: 'social_insurance',
  termination: 'termination',
  dismissal: 'termination',
  labour_relation: 'labour_relation',
  platform_gig: 'other',
  three_periods: 'other',
  non_compete_training: 'other',
  dispatch: 'other',
  other: 'other',
};

/** Ways of closing in the yearbook: mediation (仲裁调解 and mediation agreements), award, other. */
const WAY_OF: (t: ClosureType | null) => 'mediation' | 'award' | 'other' = (t) =>
  t === 'arbitral_mediation' || t === 'mediated' || t === 'mediated_performed'
    ? 'mediation'
    : t === 'award_final' || t === 'award_non_final'
      ? 'award'
      : 'other';

export type YearbookColumn = { key: string; zh: string; en: string; unit: KpiUnit; parent?: string };
export type YearbookCell = { value: number | null; caseIds: string[] };
export type YearbookRow = { label: string; period: Period; cells: Record<string, YearbookCell> };
export type YearbookTable = { titleZh: string; columns: YearbookColumn[]; rows: YearbookRow[]; asOf: string };

const col = (key: string, zh: string, en: string, unit: KpiUnit, parent?: string): YearbookColumn =>
  parent === undefined ? { key, zh, en, unit } : { key, zh, en, unit, parent };

export const YEARBOOK_COLUMNS: readonly YearbookColumn[] = [
  col('pendingAtStart', '上期未结案件数', 'Pending from the previous period', 'count'),
  col('accepted', '本期受理案件数', 'Cases accepted', 'count'),
  col('acceptedCollective', '其中：集体劳动争议', 'of which collective', 'count', 'accepted'),
  col('workers', '劳动者当事人数', 'Workers involved', 'count'),
  col('workersCollective', '其中：集体劳动争议', 'of which in collective cases', 'count', 'workers'),
  col('cause.remuneration', '劳动报酬', 'Remuneration', 'count', 'cause'),
  col(
    'cause.social_insurance',
    '社会保险（含工伤）',
    'Social insurance (incl. work injury)',
    'count',
    'cause',
  ),
  col('cause.termination', '解除、终止劳动合同', 'Termination of contract', 'count', 'cause'),
  col('cause.labour_relation', '确认劳动关系', 'Confirming the employment relation', 'count', 'cause'),
  col('cause.other', '其他', 'Other', 'count', 'cause'),
  col('closed', '本期结案数', 'Cases closed', 'count'),
  col('closed.mediation', '调解结案', 'Closed by mediation', 'count', 'closed'),
  col('closed.award', '裁决结案', 'Closed by award', 'count', 'closed'),
  col('closed.other', '其他方式结案', 'Closed otherwise', 'count', 'closed'),
  col('closureRate', '结案率', 'Closure rate', 'rate'),
  col('mediationShare', '调解结案占比', 'Share closed by mediation', 'rate'),
  col('amountClaimedFen', '涉案金额（分）', 'Amount involved (fen)', 'fen'),
  col('amountRecoveredFen', '追回金额（分）', 'Amount recovered (fen)', 'fen'),
  col('pendingAtEnd', '期末未结案件数', 'Pending at the end of the period', 'count'),
];

const cell = (caseIds: readonly string[], value: number | null = caseIds.length): YearbookCell => ({
  value,
  caseIds: [...caseIds].sort(),
});

function row(label: string, report: StatsReport, facts: ReadonlyMap<string, CaseFacts>): YearbookRow {
  const k = report.totals.kpis;
  const pick = (ids: readonly string[]) => ids.flatMap((id) => facts.get(id) ?? []);
  const accepted = pick(k.accepted.caseIds);
  const closed = pick(k.closed.caseIds);
  const collective = accepted.filter((f) => f.collective);
  const cells: Record<string, YearbookCell> = {
    pendingAtStart: cell(k.pendingAtStart.caseIds),
    accepted: cell(k.accepted.caseIds),
    acceptedCollective: cell(collective.map((f) => f.caseId)),
    workers: cell(k.workersInvolved.caseIds, k.workersInvolved.value),
    workersCollective: cell(
      collective.map((f) => f.caseId),
      collective.reduce((s, f) => s + f.workers, 0),
    ),
    closed: cell(k.closed.caseIds),
    closureRate: { value: k.closureRate.value, caseIds: k.closureRate.caseIds },
    amountClaimedFen: cell(k.amountClaimedFen.caseIds, k.amountClaimedFen.value),
    amountRecoveredFen: cell(k.amountRecoveredFen.caseIds, k.amountRecoveredFen.value),
    pendingAtEnd: cell(k.pendingAtEnd.caseIds),
  };
  for (const cause of YEARBOOK_CAUSES)
    cells[`cause.${cause}`] = cell(
      accepted.filter((f) => CAUSE_OF[f.categories[0] ?? 'other'] === cause).map((f) => f.caseId),
    );
  for (const way of ['mediation', 'award', 'other'] as const)
    cells[`closed.${way}`] = cell(closed.filter((f) => WAY_OF(f.closureType) === way).map((f) => f.caseId));
  const mediated = cells['closed.mediation']?.caseIds ?? [];
  cells['mediationShare'] = {
    value: closed.length === 0 ? null : mediated.length / closed.length,
    caseIds: mediated,
  };
  return { label, period: report.period, cells };
}

/**
 * The yearbook table: one row per labelled period over the same facts (e.g. each year, or each quarter),
 * computed with the same options as the dashboard so the two agree.
 */
export function buildYearbook(
  facts: readonly CaseFacts[],
  rows: readonly { label: string; period: Period }[],
  base: Omit<StatsInput, 'period' | 'groupBy'>,
): Result<YearbookTable, StatsError> {
  if (rows.length === 0)
    return err({ field: 'rows', zh: '请至少选择一个统计期间', en: 'Choose at least one period' });
  const byId = new Map(facts.map((f) => [f.caseId, f]));
  const out: YearbookRow[] = [];
  let asOf = '';
  for (const r of rows) {
    const report = computeStatsFromFacts(facts, { ...base, period: r.period });
    if (!report.ok) return report;
    out.push(row(r.label, report.value, byId));
    asOf = report.value.asOf > asOf ? report.value.asOf : asOf;
  }
  return ok({ titleZh: '劳动人事争议处理情况统计表', columns: [...YEARBOOK_COLUMNS], rows: out, asOf });
}
