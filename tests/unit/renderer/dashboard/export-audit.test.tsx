// @vitest-environment jsdom
// Issue #9 item 4: exports are recorded in the audit trail — the export bar reports each saved file
// (not a cancelled one) and the printed yearbook with kind, format, data rows and cases; the store keeps
// the trail sealed, in order, never drops a record the hub has not confirmed, and reads the first
// version's entries (kept on this laptop only).
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { EXPORT_AUDIT_LIMIT, pruneTrail } from '../../../../renderer/data/export-audit';
import type { ExportedFile } from '../../../../renderer/features/dashboard/ExportBar';
import type { NewExportRecord } from '../../../../renderer/data/store';
import { ExportBar } from '../../../../renderer/features/dashboard/ExportBar';
import { createI18n } from '../../../../renderer/i18n';
import { harness } from '../data/store-harness';
import { waitFor } from '../mediation/harness';

let saved = true;
vi.mock('../../../../renderer/platform', () => ({
  getPlatform: () => ({
    files: {
      saveDialog: (i: { suggestedName: string }) =>
        Promise.resolve({ ok: true, value: { saved, path: `/tmp/${i.suggestedName}` } }),
    },
    documents: { print: () => Promise.resolve({ ok: true, value: { printed: true } }) },
  }),
  isElectronHost: () => false,
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

const table = (name: string, n: number) => ({
  name,
  rows: Array.from({ length: n }, (_, i) => [`r${String(i)}`]),
});

describe('export audit', () => {
  it('reports saved exports and the printed yearbook with kind, format, rows and cases, not cancelled ones', async () => {
    const seen: ExportedFile[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
          <ExportBar
            baseName="统计-2026-01-01至2026-12-31"
            caseCount={4}
            tables={() => ({ kpi: table('指标', 3), cases: table('案件', 5), yearbook: table('年鉴', 2) })}
            onExported={(e) => {
              seen.push(e);
              return Promise.resolve();
            }}
          />
        </Providers>,
      );
      await Promise.resolve();
    });
    cleanup = () => {
      act(() => {
        root.unmount();
      });
      host.remove();
    };
    const click = async (id: string) => {
      await act(async () => {
        host
          .querySelector(`[data-testid="${id}"]`)
          ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        await Promise.resolve();
      });
    };
    await click('export-cases-csv');
    await waitFor(() => seen.length === 1, 'first export');
    saved = false;
    await click('export-kpi-csv');
    await waitFor(() => host.querySelector('[data-testid="export-status"]')?.textContent.includes('取消'));
    saved = true;
    await click('export-xlsx');
    await waitFor(() => seen.length === 2, 'xlsx export');
    await click('print-yearbook');
    await waitFor(() => seen.length === 3, 'yearbook print');
    // Rows are data rows: the header row of each table is not counted.
    expect(seen).toEqual([
      {
        file: '统计-2026-01-01至2026-12-31-案件清单.csv',
        kind: 'caseload',
        format: 'csv',
        rows: 4,
        cases: 4,
      },
      { file: '统计-2026-01-01至2026-12-31-统计.xlsx', kind: 'workbook', format: 'xlsx', rows: 7, cases: 4 },
      { file: '统计-2026-01-01至2026-12-31-年鉴表.pdf', kind: 'yearbook', format: 'pdf', rows: 1, cases: 4 },
    ]);
  });

  const entry = (i: number): NewExportRecord => ({
    id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    at: new Date(Date.UTC(2026, 10, 28) + i * 1000).toISOString(),
    userId: 'u',
    userName: '赵主任',
    kind: 'caseload',
    format: 'csv',
    file: `f${String(i)}.csv`,
    rows: i,
    cases: i,
    period: { from: '2026-01-01', to: '2026-12-31' },
    caseId: null,
    disclosure: ['case_list', 'handler_names'],
  });

  it('keeps the trail sealed and in order, and marks what the hub confirmed', async () => {
    const h = harness();
    await Promise.all([0, 1, 2].map((i) => h.store.recordExport(entry(i))));
    expect((await h.store.exportAudit()).map((e) => e.file)).toEqual(['f0.csv', 'f1.csv', 'f2.csv']);
    const raw = (await h.store.ctx.db.meta.get('audit.exports'))?.value;
    expect(Array.isArray(raw)).toBe(false);
    expect(raw).toMatchObject({ v: 1 });
    await h.store.markExportsSent([entry(1).id], '2026-11-28T10:00:00.000Z');
    expect((await h.store.unsentExports()).map((e) => e.file)).toEqual(['f0.csv', 'f2.csv']);
    expect((await h.store.exportAudit()).map((e) => e.sentAt)).toEqual([
      null,
      '2026-11-28T10:00:00.000Z',
      null,
    ]);
    h.store.close();
  });

  it('drops confirmed records beyond the limit, oldest first, and never an unsent one', () => {
    const sent = (i: number) => ({ ...entry(i), sentAt: '2026-11-28T10:00:00.000Z' });
    const unsent = (i: number) => ({ ...entry(i), sentAt: null });
    const list = [unsent(0), sent(1), sent(2), unsent(3), sent(4), sent(5), unsent(6)];
    expect(pruneTrail(list, 2).map((e) => e.file)).toEqual([
      'f0.csv',
      'f3.csv',
      'f4.csv',
      'f5.csv',
      'f6.csv',
    ]);
    expect(
      pruneTrail(
        list.map((e) => ({ ...e, sentAt: null })),
        2,
      ),
    ).toHaveLength(7);
    expect(EXPORT_AUDIT_LIMIT).toBe(1000);
  });

  it("reads the first version's entries as local-only records", async () => {
    const h = harness();
    await h.store.ctx.db.meta.put({
      key: 'audit.exports',
      value: [
        {
          at: '2026-11-01T00:00:00.000Z',
          userId: 'u',
          userName: '赵主任',
          file: '统计-年鉴表',
          format: 'print',
          rows: 14,
          period: '2026-01-01..2026-10-31',
        },
      ],
    });
    const [old] = await h.store.exportAudit();
    expect(old).toMatchObject({
      id: null,
      kind: 'yearbook',
      format: 'pdf',
      period: { from: '2026-01-01', to: '2026-10-31' },
      sentAt: null,
    });
    expect(await h.store.unsentExports()).toEqual([]);
    h.store.close();
  });
});
