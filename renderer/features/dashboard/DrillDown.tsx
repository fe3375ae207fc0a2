/* The cases behind a number: a list with links to each case file (first 200, then more on request). */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { KIND_ZH, type CaseFacts } from '#shared/stats/index';
import { paths } from '../../app/routes';

export type Drill = { label: string; caseIds: readonly string[] };

const PAGE = 200;

export function DrillDown({
  drill,
  facts,
  names,
  asOf,
  onClose,
}: {
  drill: Drill;
  facts: ReadonlyMap<string, CaseFacts>;
  names: Readonly<Record<string, string>>;
  /** "数据截至 <last sync>": the drill-down says how fresh its rows are, like every view. */
  asOf?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const rows = drill.caseIds.slice(0, shown).flatMap((id) => facts.get(id) ?? []);
  return (
    <section className="panel drill" data-testid="drill-down" aria-live="polite">
      <header className="drill-header">
        <h2>{t('dashboard.drill', { label: drill.label, count: drill.caseIds.length })}</h2>
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
      {drill.caseIds.length > shown ? (
        <button
          type="button"
          className="btn"
          onClick={() => {
            setShown((n) => n + PAGE);
          }}
        >
          {t('dashboard.drillMore', { count: drill.caseIds.length })}
        </button>
      ) : null}
    </section>
  );
}
