// @vitest-environment jsdom
/* The caseload page in a DOM over a real store: the sync column says, with an icon and words, which cases the hub has. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { addDays } from '#shared/law/civil-date';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { createSyncLocal } from '../../../../renderer/data/outbox';
import type { CaseRow } from '../../../../renderer/data/db';
import type { Author, CaseSummary, TribunalStore } from '../../../../renderer/data/store';
import { CaseloadPage } from '../../../../renderer/features/caseload/CaseloadPage';
import { createI18n } from '../../../../renderer/i18n';
import type { Language } from '../../../../renderer/i18n/language';
import { ENROLLMENT, harness } from '../data/store-harness';
import { waitFor } from '../mediation/harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  // jsdom lays nothing out: give the table body a height so the virtualiser renders rows.
  for (const [prop, px] of [
    ['clientHeight', 600],
    ['clientWidth', 1000],
    ['offsetHeight', 600],
    ['offsetWidth', 1000],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => px });
});

let root: Root | null = null;
let host: HTMLDivElement | null = null;

afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

async function openCase(store: TribunalStore, author: Author, name: string) {
  const caseId = store.newId();
  const tempNumber = await store.nextTempNumber(author);
  const r = await store.write(author, [
    { caseId, type: 'case.opened', payload: { ...SAMPLE_PAYLOADS['case.opened'], tempNumber } },
    {
      caseId,
      type: 'party.added',
      payload: { partyId: store.newId(), role: 'applicant', kind: 'worker', name },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return { caseId, tempNumber, eventIds: r.value.map((e) => e.id) };
}

async function render(store: TribunalStore, lang: Language) {
  const router = createMemoryRouter([{ path: '/cases', element: <CaseloadPage /> }], {
    initialEntries: ['/cases'],
  });
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  await act(async () => {
    r.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n(lang)}>
        <DataProvider store={store}>
          <RouterProvider router={router} />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  return host;
}

/** Two cases: the hub has acknowledged the first; the second is only on this laptop. */
async function mount(lang: Language) {
  const h = harness();
  await h.store.saveEnrollment(ENROLLMENT);
  const author = await h.store.author();
  if (!author) throw new Error('not enrolled');
  const synced = await openCase(h.store, author, '张三');
  const local = await openCase(h.store, author, '李四');
  await createSyncLocal(h.store).acknowledge(synced.eventIds);
  return { el: await render(h.store, lang), synced, local };
}

/** The sync cell of the row showing this case number. */
function syncOf(el: HTMLElement, number: string): HTMLElement | null {
  const row = [...el.querySelectorAll('[data-testid="case-row"]')].find((r) =>
    r.querySelector('[data-testid="case-link"]')?.textContent.includes(number),
  );
  return row?.querySelector<HTMLElement>('[data-testid="case-sync"]') ?? null;
}

describe('caseload sync column', () => {
  it('in Chinese: 已同步 for the acknowledged case, 已保存到本机 for the local one, each with an icon', async () => {
    const { el, synced, local } = await mount('zh-CN');
    const a = await waitFor(() => syncOf(el, synced.tempNumber), 'synced row');
    await waitFor(() => a.dataset.sync === 'synced', 'outbox read');
    expect(a.textContent).toBe('已同步');
    expect(a.querySelector('svg')).not.toBeNull();
    const b = await waitFor(() => syncOf(el, local.tempNumber), 'local row');
    expect(b.dataset.sync).toBe('pending');
    expect(b.textContent).toBe('已保存到本机');
    expect(b.querySelector('svg')).not.toBeNull();
  });

  it('in English: Synced and Saved on this device', async () => {
    const { el, synced, local } = await mount('en');
    const a = await waitFor(() => syncOf(el, synced.tempNumber), 'synced row');
    await waitFor(() => a.dataset.sync === 'synced', 'outbox read');
    expect(a.textContent).toBe('Synced');
    expect(syncOf(el, local.tempNumber)?.textContent).toBe('Saved on this device');
  });
});

describe('caseload not-synced filter', () => {
  it('未同步 keeps only the cases the hub does not have yet', async () => {
    const { el, local } = await mount('zh-CN');
    await waitFor(() => el.querySelector('[data-testid="case-count"]')?.textContent === '共 2 件', 'both');
    const chip = el.querySelector<HTMLButtonElement>('[data-testid="chip-unsynced"]');
    if (!chip) throw new Error('no chip');
    expect(chip.textContent).toBe('未同步');
    await act(async () => {
      chip.click();
      await Promise.resolve();
    });
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => el.querySelector('[data-testid="case-count"]')?.textContent === '共 1 件', 'one');
    const links = [...el.querySelectorAll('[data-testid="case-link"]')].map((a) => a.textContent);
    expect(links).toEqual([local.tempNumber]);
  });
});

describe('caseload pages', () => {
  /** Case rows as the projection writes them (list columns and the sealed summary), 30 days of deadlines. */
  function rows(n: number): CaseRow[] {
    return Array.from({ length: n }, (_, i) => {
      const caseId = `case-${String(i).padStart(3, '0')}`;
      const due = addDays('2026-11-28', i % 30);
      const summary: CaseSummary = {
        caseId,
        number: `临-0000D1-${String(i).padStart(4, '0')}`,
        temporary: true,
        kind: 'mediation',
        status: 'registered',
        categories: ['wage_arrears'],
        caseCause: '拖欠工资纠纷',
        applicants: [`工人${String(i)}`],
        respondents: ['某劳务公司'],
        workerCount: 1,
        collective: false,
        amountClaimedFen: 0,
        amountRecoveredFen: 0,
        nextDeadline: { ruleId: 'mediationPeriod', nameZh: '调解期限', due, state: 'running' },
        inConflict: false,
        receivedAt: null,
        assigneeId: null,
        lastHlc: null,
      };
      return {
        id: caseId,
        status: 'registered',
        categories: ['wage_arrears'],
        categoryDeadlines: [['wage_arrears', due]],
        nextDeadline: due,
        assigneeId: '',
        updatedHlc: '',
        searchTokens: [],
        body: { v: 1, alg: 'none', data: summary },
      };
    });
  }

  it('counts every case but reads only the pages on screen; scrolling to the end shows the last', async () => {
    const h = harness();
    await h.store.ctx.db.cases.bulkPut(rows(130));
    const offsets = new Set<number>();
    const page = h.store.queryCasePage.bind(h.store);
    const store: TribunalStore = {
      ...h.store,
      queryCasePage: (q, offset, limit) => {
        offsets.add(offset);
        return page(q, offset, limit);
      },
      queryCaseIds: () => Promise.reject(new Error('the caseload must not read every id')),
    };
    const el = await render(store, 'zh-CN');
    await waitFor(() => el.querySelector('[data-testid="case-count"]')?.textContent === '共 130 件', 'count');
    const numbers = () => [...el.querySelectorAll('[data-testid="case-link"]')].map((a) => a.textContent);
    // Soonest deadline first: day 0 holds cases 0, 30, 60, 90, 120.
    await waitFor(() => numbers()[0] === '临-0000D1-0000', 'first page');
    expect(numbers().slice(0, 3)).toEqual(['临-0000D1-0000', '临-0000D1-0030', '临-0000D1-0060']);
    expect([...offsets]).toEqual([0]);
    const body = el.querySelector<HTMLElement>('[data-testid="case-table-body"]');
    if (!body) throw new Error('no table body');
    await act(async () => {
      Object.defineProperty(body, 'scrollTop', { configurable: true, value: 130 * 52 - 600 });
      body.dispatchEvent(new Event('scroll'));
      await Promise.resolve();
    });
    // The last row (day 29: case 119 sorts after 89, 59, 29) comes from page 2 (rows 100–129).
    await waitFor(() => numbers().at(-1) === '临-0000D1-0119', 'last page');
    expect([...offsets].sort((a, b) => a - b)).toEqual([0, 100]);
  });
});
