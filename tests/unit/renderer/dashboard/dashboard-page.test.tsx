// @vitest-environment jsdom
// The dashboard over an injected source (the hand-built caseload of tests/unit/shared/stats): tiles,
// drill-down, period validation, unit picker, CSV/XLSX export through the platform's save dialog.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { factsOf, type CaseFacts } from '#shared/stats/index';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { DashboardPage } from '../../../../renderer/features/dashboard/DashboardPage';
import type { DashboardSource } from '../../../../renderer/features/dashboard/source';
import { createI18n } from '../../../../renderer/i18n';
import { buildScenario } from '../../shared/stats/scenario';

const saved: { name: string; bytes: Uint8Array }[] = [];
vi.mock('../../../../renderer/platform', () => ({
  getPlatform: () => ({
    files: {
      saveDialog: (i: { suggestedName: string; bytes: Uint8Array }) => {
        saved.push({ name: i.suggestedName, bytes: i.bytes });
        return Promise.resolve({ ok: true, value: { saved: true, path: `/tmp/${i.suggestedName}` } });
      },
    },
    documents: { print: () => Promise.resolve({ ok: true, value: { printed: true } }) },
  }),
  isElectronHost: () => false,
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

let facts: CaseFacts[];
let root: Root;
let host: HTMLDivElement;
const cal = bundledHolidayCalendar();

beforeAll(async () => {
  facts = factsOf((await buildScenario()).desk.states());
});

function source(over: Partial<DashboardSource> = {}): () => DashboardSource {
  const value: DashboardSource = {
    facts,
    error: null,
    today: '2026-04-10',
    calendar: cal.ok ? cal.value : null,
    lastSync: '2026-04-10T01:30:00.000Z',
    names: { 'org-arb': '荆门市劳动人事争议仲裁委员会', 'user-li': '李仲裁' },
    ...over,
  };
  return () => value;
}

async function mount(src: () => DashboardSource) {
  await act(async () => {
    root.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
        <MemoryRouter>
          <DashboardPage useSource={src} />
        </MemoryRouter>
      </Providers>,
    );
    await Promise.resolve();
  });
}

const $ = (id: string): HTMLElement => {
  const el = host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};

async function setInput(el: HTMLElement, value: string) {
  await act(async () => {
    const input = el as HTMLInputElement | HTMLSelectElement;
    const proto =
      input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
    input.dispatchEvent(
      new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
    await Promise.resolve();
  });
}

async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function march() {
  await setInput($('period-from'), '2026-03-01');
  await setInput($('period-to'), '2026-03-31');
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  saved.length = 0;
});

afterEach(() => {
  act(() => {
    root.unmount();
  });
  host.remove();
});

describe('dashboard page', () => {
  it('shows the eight tiles for the chosen period and says how fresh the data is', async () => {
    await mount(source());
    expect($('as-of').textContent).toContain('数据截至');
    expect($('as-of').textContent).toContain('2026/4/10 09:30:00');
    expect($('as-of').textContent).toContain('本机共 9 件案件');
    await march();
    const tile = (k: string) => $(`kpi-${k}`).textContent;
    expect(host.querySelectorAll('.kpi-tile')).toHaveLength(8);
    expect(tile('accepted')).toBe('3');
    expect(tile('closed')).toBe('6');
    expect(tile('closureRate')).toBe('85.7%');
    expect(tile('mediationSuccessRate')).toBe('50.0%');
    expect(tile('amountRecoveredFen')).toBe('¥32,000.00');
    expect(tile('mobileSessions')).toBe('2');
    expect(tile('daysToCloseMean')).toBe('30.7 天');
    expect(tile('overdueOpen')).toBe('1');
    expect($('overdue-list').textContent).toContain('2026-02-24');
  });

  it('every number opens the cases behind it, with links to the case files', async () => {
    await mount(source());
    await march();
    await click($('kpi-closed'));
    expect($('drill-down').textContent).toContain('结案：6 件案件');
    expect(host.querySelectorAll('[data-testid="drill-row"]')).toHaveLength(6);
    await click($('chart-closed-by-type-award_final'));
    expect(host.querySelectorAll('[data-testid="drill-row"]')).toHaveLength(1);
    expect(host.querySelector('[data-testid="drill-row"] a')?.getAttribute('href')).toMatch(/^\/cases\//);
  });

  it('refuses a period that ends before it begins, in Chinese', async () => {
    await mount(source());
    await setInput($('period-to'), '2025-12-31');
    expect($('period-error').textContent).toBe('统计期间的结束日期早于开始日期');
  });

  it('groups, switches the closure-rate formula and filters by unit', async () => {
    await mount(source());
    await march();
    await setInput($('formula'), 'accepted');
    expect($('kpi-closureRate').textContent).toBe('200.0%');
    const units = [...($('unit') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(units).toEqual(['全部单位', '荆门市劳动人事争议仲裁委员会']);
    await setInput($('unit'), 'org-arb');
    expect($('kpi-accepted').textContent).toBe('3');
    await setInput($('group-by'), 'assignee');
    expect(host.querySelector('[data-testid="chart-groups"]')).not.toBeNull();
  });

  it('exports the KPI table and the caseload as CSV with a BOM, and everything as XLSX', async () => {
    await mount(source());
    await march();
    await click($('export-kpi-csv'));
    await vi.waitFor(() => {
      expect(saved).toHaveLength(1);
    });
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(saved[0]?.bytes);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('追回金额,32000,元,2');
    await click($('export-cases-csv'));
    await vi.waitFor(() => {
      expect(saved).toHaveLength(2);
    });
    const cases = new TextDecoder().decode(saved[1]?.bytes);
    expect(cases.split('\r\n').filter(Boolean)).toHaveLength(10);
    for (const name of ['张三', '王五', '赵一']) expect(cases).not.toContain(name);
    await click($('export-xlsx'));
    await vi.waitFor(() => {
      expect(saved).toHaveLength(3);
    });
    const xlsx = saved[2];
    expect(xlsx?.name).toBe('统计-2026-03-01至2026-03-31-统计.xlsx');
    expect([...(xlsx?.bytes.slice(0, 2) ?? [])]).toEqual([0x50, 0x4b]);
    await vi.waitFor(() => {
      expect(host.querySelector('[data-testid="export-status"]')?.textContent).toContain('已导出');
    });
  });

  it('says so while loading and when local data cannot be read', async () => {
    await mount(source({ facts: null }));
    expect(host.textContent).toContain('正在读取本机数据');
    await mount(source({ error: '数据库已损坏' }));
    expect(host.textContent).toContain('读取本机数据失败：数据库已损坏');
  });
});
