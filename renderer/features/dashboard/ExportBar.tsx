/*
 * Exports of what is on screen: the KPI table and the caseload list as CSV, all of it (and the yearbook
 * table) as XLSX, and the yearbook table printed (to PDF). A progress bar runs while large files build.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Table } from '#shared/stats/index';
import { getPlatform } from '../../platform';
import { csvBytes, safeFileName, xlsxBytes } from './export';

type Props = {
  /** Built lazily: a 100k-case list is only made when asked for. */
  tables: () => { kpi: Table; cases: Table; yearbook: Table };
  baseName: string;
  /** Called after a file was saved (or the yearbook printed), for the export audit trail. */
  onExported?: (e: { file: string; format: 'csv' | 'xlsx' | 'print'; rows: number }) => Promise<void>;
};

type Status =
  { kind: 'idle' } | { kind: 'busy'; fraction: number } | { kind: 'done' | 'error'; message: string };

export function ExportBar({ tables, baseName, onExported }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';

  const save = async (
    name: string,
    ext: 'csv' | 'xlsx',
    make: (p: (f: number) => void) => Promise<Uint8Array<ArrayBuffer>>,
    rows: number,
  ) => {
    setStatus({ kind: 'busy', fraction: 0 });
    try {
      const bytes = await make((fraction) => {
        setStatus({ kind: 'busy', fraction });
      });
      const suggestedName = safeFileName(`${baseName}-${name}.${ext}`);
      const r = await getPlatform().files.saveDialog({
        suggestedName,
        filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
        bytes,
      });
      if (!r.ok)
        setStatus({ kind: 'error', message: t('dashboard.exportFailed', { message: r.error.message }) });
      else {
        if (r.value.saved) await onExported?.({ file: suggestedName, format: ext, rows });
        setStatus({
          kind: 'done',
          message: r.value.saved
            ? t('dashboard.exported', { name: suggestedName })
            : t('dashboard.exportCancelled'),
        });
      }
    } catch (e) {
      setStatus({
        kind: 'error',
        message: t('dashboard.exportFailed', { message: e instanceof Error ? e.message : String(e) }),
      });
    }
  };

  const print = async () => {
    // The browser prints this page with print CSS that shows only the yearbook table (the CSP forbids the
    // inline styles a standalone document would need); Electron's print dialog offers "save as PDF".
    document.body.classList.add('printing-yearbook');
    try {
      const r = await getPlatform().documents.print({});
      if (!r.ok)
        setStatus({ kind: 'error', message: t('dashboard.exportFailed', { message: r.error.message }) });
      else if (r.value.printed)
        await onExported?.({
          file: safeFileName(`${baseName}-年鉴表`),
          format: 'print',
          rows: tables().yearbook.rows.length,
        });
    } finally {
      document.body.classList.remove('printing-yearbook');
    }
  };

  return (
    <section className="panel export-bar" aria-label={t('dashboard.exports')}>
      <h2>{t('dashboard.exports')}</h2>
      <div className="export-actions">
        <button
          type="button"
          className="btn"
          disabled={busy}
          data-testid="export-kpi-csv"
          onClick={() => {
            const rows = tables().kpi.rows;
            void save('指标', 'csv', (p) => csvBytes(rows, p), rows.length);
          }}
        >
          {t('dashboard.exportKpiCsv')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          data-testid="export-cases-csv"
          onClick={() => {
            const rows = tables().cases.rows;
            void save('案件清单', 'csv', (p) => csvBytes(rows, p), rows.length);
          }}
        >
          {t('dashboard.exportCasesCsv')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          data-testid="export-xlsx"
          onClick={() => {
            const all = tables();
            void save(
              '统计',
              'xlsx',
              (p) => xlsxBytes([all.kpi, all.cases, all.yearbook], p),
              all.kpi.rows.length + all.cases.rows.length + all.yearbook.rows.length,
            );
          }}
        >
          {t('dashboard.exportXlsx')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          data-testid="print-yearbook"
          onClick={() => void print()}
        >
          {t('dashboard.printYearbook')}
        </button>
      </div>
      {status.kind === 'busy' ? (
        <div className="export-progress" role="status">
          <progress max={100} value={Math.round(status.fraction * 100)} data-testid="export-progress" />
          <span>{t('dashboard.exporting', { percent: Math.round(status.fraction * 100) })}</span>
        </div>
      ) : null}
      {status.kind === 'done' || status.kind === 'error' ? (
        <p
          role="status"
          className={status.kind === 'error' ? 'export-error' : 'export-done'}
          data-testid="export-status"
        >
          {status.message}
        </p>
      ) : null}
      <p className="empty-line">{t('dashboard.exportNote')}</p>
    </section>
  );
}
