// @vitest-environment jsdom
// Issue #9 item 4: exports are recorded in the audit trail — the export bar reports each saved file
// (not a cancelled one) with its row count, and the store keeps the newest entries in order.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { EXPORT_AUDIT_LIMIT } from '../../../../renderer/data/export-audit';
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
  it('reports saved exports with their rows, not cancelled ones', async () => {
    const seen: { file: string; format: string; rows: number }[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
          <ExportBar
            baseName="统计-2026-01-01至2026-12-31"
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
    expect(seen).toEqual([
      { file: '统计-2026-01-01至2026-12-31-案件清单.csv', format: 'csv', rows: 5 },
      { file: '统计-2026-01-01至2026-12-31-统计.xlsx', format: 'xlsx', rows: 10 },
    ]);
  });

  it('keeps the newest entries in order', async () => {
    const h = harness();
    const entry = (i: number) => ({
      at: new Date(Date.UTC(2026, 10, 28) + i * 1000).toISOString(),
      userId: 'u',
      userName: '赵主任',
      file: `f${String(i)}.csv`,
      format: 'csv' as const,
      rows: i,
      period: '2026-01-01..2026-12-31',
    });
    await Promise.all([0, 1, 2].map((i) => h.store.recordExport(entry(i))));
    expect((await h.store.exportAudit()).map((e) => e.file)).toEqual(['f0.csv', 'f1.csv', 'f2.csv']);
    for (let i = 3; i < EXPORT_AUDIT_LIMIT + 5; i++) await h.store.recordExport(entry(i));
    const all = await h.store.exportAudit();
    expect(all).toHaveLength(EXPORT_AUDIT_LIMIT);
    expect(all.at(-1)?.file).toBe(`f${String(EXPORT_AUDIT_LIMIT + 4)}.csv`);
    h.store.close();
  });
});
