/*
 * 要素表 (issue #9 item 4, domain.md §6): the case's 劳动争议事实要素采集表 (shared/stats/element-sheet.ts,
 * main-file facts only, ID numbers masked) shown as a table, saved as JSON (the sheet object) or printed
 * (Electron's print dialog saves it as PDF). Each saved or printed sheet is recorded in the export audit
 * trail with its disclosure and reaches the hub after the next sync.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { buildElementSheet, DISCLOSURE_OF, type ElementSheet } from '#shared/stats/index';
import type { ExportFormat } from '#shared/sync/wire-org';
import { getPlatform } from '../../platform';
import { safeFileName } from '../dashboard/export';
import type { ReviewTools } from './use-review';

type Status = { ok: boolean; text: string } | null;

/** The file name of a case's sheet: its number when it has one, else its id. */
export const elementSheetFileName = (sheet: ElementSheet, ext: 'json' | 'pdf'): string =>
  safeFileName(`劳动争议事实要素采集表-${sheet.caseNumber ?? sheet.caseId}.${ext}`);

export function ElementSheetBlock({ tools, state }: { tools: ReviewTools; state: CaseState }) {
  const { t } = useTranslation();
  const sheet = useMemo(() => buildElementSheet(state), [state]);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  const audit = async (s: ElementSheet, format: ExportFormat, file: string) => {
    const me = tools.enrollment;
    await tools.recordExport({
      id: tools.newId(),
      at: new Date(tools.now()).toISOString(),
      userId: me?.userId ?? '',
      userName: me?.userName ?? '',
      kind: 'element_sheet',
      format,
      file,
      rows: s.items.length,
      cases: 1,
      period: null,
      caseId: s.caseId,
      disclosure: [...DISCLOSURE_OF.element_sheet],
    });
  };

  const run = async (task: () => Promise<Status>) => {
    setBusy(true);
    try {
      setStatus(await task());
    } catch (e) {
      setStatus({
        ok: false,
        text: t('review.elementSheet.failed', { message: e instanceof Error ? e.message : String(e) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const saveJson = (s: ElementSheet) =>
    run(async () => {
      const file = elementSheetFileName(s, 'json');
      const bytes = new TextEncoder().encode(`${JSON.stringify(s, null, 2)}\n`);
      const r = await getPlatform().files.saveDialog({
        suggestedName: file,
        filters: [{ name: 'JSON', extensions: ['json'] }],
        bytes,
      });
      if (!r.ok) return { ok: false, text: t('review.elementSheet.failed', { message: r.error.message }) };
      if (!r.value.saved) return { ok: true, text: t('review.elementSheet.cancelled') };
      await audit(s, 'json', file);
      return { ok: true, text: t('review.elementSheet.done', { file }) };
    });

  const print = (s: ElementSheet) =>
    run(async () => {
      // Print CSS (review.css) shows only the sheet while this class is on the body.
      document.body.classList.add('printing-element-sheet');
      try {
        const r = await getPlatform().documents.print({});
        if (!r.ok) return { ok: false, text: t('review.elementSheet.failed', { message: r.error.message }) };
        if (!r.value.printed) return { ok: true, text: t('review.elementSheet.cancelled') };
        await audit(s, 'pdf', elementSheetFileName(s, 'pdf'));
        return { ok: true, text: t('review.elementSheet.printed') };
      } finally {
        document.body.classList.remove('printing-element-sheet');
      }
    });

  return (
    <section className="review-block review-block--wide" data-testid="review-element-sheet">
      <h3>{t('review.elementSheet.title')}</h3>
      <p className="muted">{t('review.elementSheet.hint')}</p>
      {sheet === null || state.parties.length === 0 ? (
        <p className="muted">{t('review.elementSheet.unavailable')}</p>
      ) : (
        <>
          <div className="element-sheet-print" data-testid="element-sheet">
            <h4>
              {sheet.titleZh}
              {sheet.caseNumber !== null ? ` · ${sheet.caseNumber}` : ''}
            </h4>
            <table className="element-sheet">
              <tbody>
                {sheet.items.map((it) => (
                  <tr key={it.key}>
                    <th scope="row">
                      {it.no}. {it.titleZh}
                    </th>
                    <td>
                      {it.entries.map((e, i) => (
                        <div key={`${e.label}-${String(i)}`}>
                          {e.label}：{e.value ?? t('review.elementSheet.missing')}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row-form">
            <button
              type="button"
              className="btn"
              disabled={busy}
              data-testid="element-sheet-json"
              onClick={() => void saveJson(sheet)}
            >
              {t('review.elementSheet.json')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy}
              data-testid="element-sheet-print"
              onClick={() => void print(sheet)}
            >
              {t('review.elementSheet.pdf')}
            </button>
          </div>
        </>
      )}
      {status !== null ? (
        <p
          className={status.ok ? 'notice' : 'field-error'}
          role={status.ok ? 'status' : 'alert'}
          data-testid="element-sheet-status"
        >
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
