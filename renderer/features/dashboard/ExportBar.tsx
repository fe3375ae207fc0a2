/*
 * Exports of what is on screen: the KPI table and the caseload list as CSV, all of it (and the yearbook
 * table) as XLSX, and the yearbook table printed (to PDF). A progress bar runs while large files build.
 * Every saved or printed file is reported to `onExported` with its kind, rows and cases, for the audit
 * trail (which records the disclosure of the kind and sends it to the hub after the next sync).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Table } from '#shared/stats/index';
import type { ExportFormat, ExportKind } from '#shared/sync/wire-org';
import { getPlatform } from '../../platform';
import { csvBytes, safeFileName, xlsxBytes } from './export';

type Props = {
  /** Built lazily: a 100k-case list is only made when asked for. */
  tables: () => { kpi: Table; cases: Table; yearbook: Table };
  baseName: string;
  /** How many cases the figures on screen cover (the audit trail records it with each export). */
  caseCount: number;
  /** Called after a file was saved (or the yearbook printed), for the export audit trail. */
  onExported?: (e: ExportedFile) => Promise<void>;
};

/** One finished export as the audit trail needs it. */
export type ExportedFile = {
  file: string;
  kind: ExportKind;
  format: ExportFormat;
  /** Data rows (header rows not counted). */
  rows: number;
  cases: number;
};

type Status =
  { kind: 'idle' } | { kind: 'busy'; fraction: number } | { kind: 'done' | 'error'; message: string };

/** Data rows of a table whose first row is its header. */
const dataRows = (t: Table): number => Math.max(0, t.rows.length - 1);

export function ExportBar({ tables, baseName, caseCount, onExported }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';

  const save = async (
    name: string,
    ext: 'csv' | 'xlsx',
    kind: ExportKind,
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
        if (r.value.saved)
          await onExported?.({ file: suggestedName, kind, format: ext, rows, cases: caseCount });
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
          file: safeFileName(`${baseName}-年鉴表.pdf`),
          kind: 'yearbook',
          format: 'pdf',
          rows: dataRows(tables().yearbook),
          cases: caseCount,
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
            const kpi = tables().kpi;
            void save('指标', 'csv', 'kpi_table', (p) => csvBytes(kpi.rows, p), dataRows(kpi));
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
            const cases = tables().cases;
            void save('案件清单', 'csv', 'caseload', (p) => csvBytes(cases.rows, p), dataRows(cases));
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
              'workbook',
              (p) => xlsxBytes([all.kpi, all.cases, all.yearbook], p),
              dataRows(all.kpi) + dataRows(all.cases) + dataRows(all.yearbook),
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
