/*
 * 统计 — the supervisors' dashboard (screens.md): period and unit pickers, the eight KPI tiles, charts,
 * every KPI with its definition, the overdue list and the yearbook table; every number opens the cases
 * behind it. Computed locally by shared/stats from the cases on this device, so it works offline and
 * gives the same numbers as the hub's report over the same cases. "数据截至" says how fresh they are.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildYearbook,
  caseTable,
  computeStatsFromFacts,
  kpiTable,
  type CaseFacts,
  type Table,
} from '#shared/stats/index';
import { Page } from '../../ui/Page';
import { EmptyLine, Panel } from '../../ui/Panel';
import { Controls, type Choice } from './Controls';
import { DrillDown, type Drill } from './DrillDown';
import { ExportBar } from './ExportBar';
import { ExportLog } from './ExportLog';
import { KpiTable, KpiTiles } from './KpiViews';
import { monthRows, presetPeriod } from './period';
import { BreakdownChart, GroupChart, OverdueList, YearbookView } from './Sections';
import { useLocalDashboardSource, type UseDashboardSource } from './source';
import './dashboard.css';

function yearbookTable(y: ReturnType<typeof buildYearbook>): Table {
  if (!y.ok) return { name: '统计报表', rows: [] };
  return {
    name: '统计报表',
    rows: [
      ['期间', ...y.value.columns.map((c) => (c.parent === 'cause' ? `起因：${c.zh}` : c.zh))],
      ...y.value.rows.map((r) => [r.label, ...y.value.columns.map((c) => r.cells[c.key]?.value ?? null)]),
    ],
  };
}

export function DashboardPage({ useSource = useLocalDashboardSource }: { useSource?: UseDashboardSource }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const src = useSource();
  const [choice, setChoice] = useState<Choice>(() => ({
    period: presetPeriod('year', src.today),
    unit: 'all',
    groupBy: null,
    formula: 'official',
  }));
  const [drill, setDrill] = useState<Drill | null>(null);

  const allFacts = useMemo(() => src.facts ?? [], [src.facts]);
  const byId = useMemo(() => new Map<string, CaseFacts>(allFacts.map((f) => [f.caseId, f])), [allFacts]);
  const units = useMemo(
    () =>
      [...new Set(allFacts.flatMap((f) => (f.ownerOrgId === null ? [] : [f.ownerOrgId])))]
        .map((id) => ({ id, label: src.names[id] ?? id.slice(0, 8) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [allFacts, src.names],
  );
  const facts = useMemo(
    () => (choice.unit === 'all' ? allFacts : allFacts.filter((f) => f.ownerOrgId === choice.unit)),
    [allFacts, choice.unit],
  );
  const input = useMemo(
    () =>
      src.calendar === null
        ? null
        : {
            period: choice.period,
            today: src.today,
            calendar: src.calendar,
            groupBy: choice.groupBy,
            options: { closureRateFormula: choice.formula },
          },
    [choice, src.calendar, src.today],
  );
  const report = useMemo(() => (input ? computeStatsFromFacts(facts, input) : null), [facts, input]);
  const yearbook = useMemo(
    () => (input && report?.ok ? buildYearbook(facts, monthRows(choice.period), input) : null),
    [facts, input, report, choice.period],
  );

  const asOf = t('dashboard.asOfLocal', {
    time:
      src.lastSync === null
        ? t('dashboard.neverSynced')
        : new Date(src.lastSync).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
            timeZone: 'Asia/Shanghai',
            hour12: false,
          }),
  });

  if (src.error !== null)
    return (
      <Page title={t('dashboard.title')} testId="page-dashboard">
        <EmptyLine>{t('dashboard.loadFailed', { message: src.error })}</EmptyLine>
      </Page>
    );
  if (src.facts === null || report === null)
    return (
      <Page title={t('dashboard.title')} testId="page-dashboard">
        <EmptyLine>{t('dashboard.loading')}</EmptyLine>
      </Page>
    );

  return (
    <Page title={t('dashboard.title')} testId="page-dashboard">
      <p className="as-of" data-testid="as-of">
        {asOf} · {t('dashboard.cases', { count: allFacts.length })}
      </p>
      <Controls choice={choice} onChange={setChoice} today={src.today} units={units} />
      {!report.ok ? (
        <p className="form-error" role="alert" data-testid="period-error">
          {lang === 'zh' ? report.error.zh : report.error.en}
        </p>
      ) : (
        <>
          <KpiTiles set={report.value.totals} lang={lang} onDrill={setDrill} />
          {drill ? (
            <DrillDown
              drill={drill}
              report={report.value}
              facts={byId}
              names={src.names}
              asOf={asOf}
              onClose={() => {
                setDrill(null);
              }}
            />
          ) : null}
          <section className="panel">
            <h2>{t('dashboard.charts')}</h2>
            <div className="chart-grid">
              <BreakdownChart
                title={t('dashboard.chartClosedByType')}
                breakdown={report.value.totals.breakdowns.closedByType}
                onDrill={setDrill}
                testId="chart-closed-by-type"
              />
              <BreakdownChart
                title={t('dashboard.chartAcceptedByCategory')}
                breakdown={report.value.totals.breakdowns.acceptedByCategory}
                onDrill={setDrill}
                testId="chart-accepted-by-category"
              />
              <GroupChart report={report.value} onDrill={setDrill} names={src.names} lang={lang} />
            </div>
          </section>
          <OverdueList report={report.value} names={src.names} />
          <Panel title={t('dashboard.allKpis')}>
            <KpiTable set={report.value.totals} lang={lang} onDrill={setDrill} />
          </Panel>
          {yearbook?.ok ? <YearbookView table={yearbook.value} onDrill={setDrill} /> : null}
          <ExportBar
            baseName={`统计-${choice.period.from}至${choice.period.to}`}
            caseCount={facts.length}
            onExported={(e) => src.recordExport?.({ ...e, period: choice.period }) ?? Promise.resolve()}
            tables={() => ({
              kpi: kpiTable(report.value.totals, report.value),
              cases: caseTable(facts, src.names),
              yearbook: yearbookTable(yearbook ?? { ok: false, error: { field: '', zh: '', en: '' } }),
            })}
          />
          {src.exports !== undefined ? <ExportLog entries={src.exports} lang={lang} /> : null}
        </>
      )}
    </Page>
  );
}
