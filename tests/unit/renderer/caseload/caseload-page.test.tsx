// @vitest-environment jsdom
/* The caseload page in a DOM over a real store: the sync column says, with an icon and words, which cases the hub has. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { createSyncLocal } from '../../../../renderer/data/outbox';
import type { Author, TribunalStore } from '../../../../renderer/data/store';
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

/** Two cases: the hub has acknowledged the first; the second is only on this laptop. */
async function mount(lang: Language) {
  const h = harness();
  await h.store.saveEnrollment(ENROLLMENT);
  const author = await h.store.author();
  if (!author) throw new Error('not enrolled');
  const synced = await openCase(h.store, author, '张三');
  const local = await openCase(h.store, author, '李四');
  await createSyncLocal(h.store).acknowledge(synced.eventIds);
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
        <DataProvider store={h.store}>
          <RouterProvider router={router} />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  const el = host;
  return { el, synced, local };
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
