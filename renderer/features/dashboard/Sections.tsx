/* Below the tiles: charts with clickable bars, breakdown lists, the overdue list and the yearbook table. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KPI_LABELS, type Breakdown, type StatsReport, type YearbookTable } from '#shared/stats/index';
import { paths } from '../../app/routes';
import { Chart } from './Chart';
import type { Drill } from './DrillDown';

type DrillFn = (d: Drill) => void;

export function BreakdownChart({
  title,
  breakdown,
  onDrill,
  testId,
}: {
  title: string;
  breakdown: Breakdown;
  onDrill: DrillFn;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="breakdown">
      <Chart
        title={title}
        testId={testId}
        categories={breakdown.map((b) => b.label)}
        series={[{ name: title, values: breakdown.map((b) => b.kpi.value ?? 0) }]}
        unavailable={t('dashboard.chartsUnavailable')}
        onPick={(_, i) => {
          const b = breakdown[i];
          if (b) onDrill({ label: `${title}：${b.label}`, key: b.kpi.key });
        }}
      />
      <ul className="breakdown-list">
        {breakdown.map((b) => (
          <li key={b.key}>
            <span>{b.label}</span>
            <button
              type="button"
              className="link-button"
              data-testid={`${testId}-${b.key}`}
              onClick={() => {
                onDrill({ label: `${title}：${b.label}`, key: b.kpi.key });
              }}
            >
              {b.kpi.value ?? 0}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function GroupChart({
  report,
  onDrill,
  names,
  lang,
}: {
  report: StatsReport;
  onDrill: DrillFn;
  names: Readonly<Record<string, string>>;
  lang: 'zh' | 'en';
}) {
  const { t } = useTranslation();
  if (report.groupBy === null || report.groups.length === 0) return null;
  const label = (key: string, fallback: string) => names[key] ?? fallback;
  const series = [
    { name: KPI_LABELS.accepted[lang], pick: 'accepted' as const },
    { name: KPI_LABELS.closed[lang], pick: 'closed' as const },
  ];
  return (
    <Chart
      title={t('dashboard.chartGroups')}
      testId="chart-groups"
      categories={report.groups.map((g) => label(g.key, g.label))}
      series={series.map((s) => ({
        name: s.name,
        values: report.groups.map((g) => g.set.kpis[s.pick].value ?? 0),
      }))}
      unavailable={t('dashboard.chartsUnavailable')}
      onPick={(si, i) => {
        const g = report.groups[i];
        const s = series[si];
        if (g && s) onDrill({ label: `${label(g.key, g.label)} · ${s.name}`, key: s.pick, group: g.key });
      }}
    />
  );
}

export function OverdueList({
  report,
  names,
}: {
  report: StatsReport;
  names: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid="overdue-list">
      <h2>{t('dashboard.overdue')}</h2>
      {report.overdue.length === 0 ? (
        <p className="empty-line">{t('dashboard.overdueNone')}</p>
      ) : (
        <table className="stats-table">
          <thead>
            <tr>
              <th>{t('dashboard.col.number')}</th>
              <th>{t('dashboard.col.assignee')}</th>
              <th>{t('dashboard.col.due')}</th>
              <th>{t('dashboard.col.overdueDays')}</th>
            </tr>
          </thead>
          <tbody>
            {report.overdue.slice(0, 200).map((o) => (
              <tr key={o.caseId}>
                <td>
                  <Link to={paths.caseFile(o.caseId)}>{o.number ?? o.caseId}</Link>
                </td>
                <td>
                  {o.assigneeId === null ? t('dashboard.unassigned') : (names[o.assigneeId] ?? o.assigneeId)}
                </td>
                <td>{o.due}</td>
                <td className="num">{o.daysOverdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.limitUnknown.length > 0 ? (
        <p className="empty-line">{t('dashboard.limitUnknown', { count: report.limitUnknown.length })}</p>
      ) : null}
    </section>
  );
}

const cellText = (unit: string, v: number | null): string =>
  v === null
    ? '—'
    : unit === 'rate'
      ? `${(v * 100).toFixed(1)}%`
      : unit === 'fen'
        ? (v / 100).toFixed(2)
        : String(v);

export function YearbookView({ table, onDrill }: { table: YearbookTable; onDrill: DrillFn }) {
  const { t } = useTranslation();
  return (
    <section className="panel yearbook-print" data-testid="yearbook">
      <h2>{table.titleZh}</h2>
      <div className="table-scroll">
        <table className="stats-table yearbook">
          <thead>
            <tr>
              <th>{t('dashboard.period')}</th>
              {table.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.parent === 'cause' ? `起因：${c.zh}` : c.zh}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {table.columns.map((c) => {
                  const cell = r.cells[c.key];
                  return (
                    <td key={c.key} className="num">
                      {cell && cell.caseIds.length > 0 ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            onDrill({ label: `${r.label} · ${c.zh}`, caseIds: cell.caseIds });
                          }}
                        >
                          {cellText(c.unit, cell.value)}
                        </button>
                      ) : (
                        cellText(c.unit, cell?.value ?? null)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
