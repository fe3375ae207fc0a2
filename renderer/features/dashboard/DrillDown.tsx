/*
 * The cases behind a number: a list with links to each case file, 200 at a time. A KPI's cases are
 * fetched when it is opened, a page at a time, by its key (shared/stats drillCases over the report on
 * screen — the same call the hub answers as GET /v1/reports/kpis/cases); a yearbook cell brings its own.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { drillCases, KIND_ZH, type CaseFacts, type StatsReport } from '#shared/stats/index';
import { paths } from '../../app/routes';

/** A KPI by key (in a group of a grouped report, or a rate's denominator), or a list of cases as is. */
export type Drill =
  | { label: string; key: string; group?: string; side?: 'numerator' | 'denominator' }
  | { label: string; caseIds: readonly string[] };

const PAGE = 200;

/** The first `shown` case ids behind a drill, and how many there are in all. */
function drillPage(
  drill: Drill,
  report: StatsReport | null,
  shown: number,
): { total: number; caseIds: readonly string[] } {
  if ('caseIds' in drill) return { total: drill.caseIds.length, caseIds: drill.caseIds.slice(0, shown) };
  if (report === null) return { total: 0, caseIds: [] };
  const page = drillCases(report, {
    key: drill.key,
    group: drill.group,
    side: drill.side,
    offset: 0,
    limit: shown,
  });
  return page.ok ? { total: page.value.total, caseIds: page.value.caseIds } : { total: 0, caseIds: [] };
}

export function DrillDown({
  drill,
  report,
  facts,
  names,
  asOf,
  onClose,
}: {
  drill: Drill;
  /** The report on screen; a KPI drill's cases are read from it by key. */
  report: StatsReport | null;
  facts: ReadonlyMap<string, CaseFacts>;
  names: Readonly<Record<string, string>>;
  /** "数据截至 <last sync>": the drill-down says how fresh its rows are, like every view. */
  asOf?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const page = drillPage(drill, report, shown);
  const rows = page.caseIds.flatMap((id) => facts.get(id) ?? []);
  return (
    <section className="panel drill" data-testid="drill-down" aria-live="polite">
      <header className="drill-header">
        <h2>{t('dashboard.drill', { label: drill.label, count: page.total })}</h2>
        <button type="button" className="btn" onClick={onClose}>
          {t('dashboard.drillClose')}
        </button>
      </header>
      {asOf !== undefined ? (
        <p className="as-of muted" data-testid="drill-as-of">
          {asOf}
        </p>
      ) : null}
      <table className="stats-table">
        <thead>
          <tr>
            <th>{t('dashboard.col.number')}</th>
            <th>{t('dashboard.col.kind')}</th>
            <th>{t('dashboard.col.status')}</th>
            <th>{t('dashboard.col.assignee')}</th>
            <th>{t('dashboard.col.accepted')}</th>
            <th>{t('dashboard.col.closed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.caseId} data-testid="drill-row">
              <td>
                <Link to={paths.caseFile(f.caseId)}>{f.number ?? f.caseId}</Link>
              </td>
              <td>{f.kind === null ? '' : KIND_ZH[f.kind]}</td>
              <td>{f.status ?? ''}</td>
              <td>
                {f.assigneeId === null ? t('dashboard.unassigned') : (names[f.assigneeId] ?? f.assigneeId)}
              </td>
              <td>{f.acceptedDay ?? ''}</td>
              <td>{f.closedDay ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.total > shown ? (
        <button
          type="button"
          className="btn"
          onClick={() => {
            setShown((n) => n + PAGE);
          }}
        >
          {t('dashboard.drillMore', { count: page.total })}
        </button>
      ) : null}
    </section>
  );
}
