// @vitest-environment jsdom
/*
 * A tampered caseload row (#8 bad input): the list row whose sealed summary was altered is named
 * 数据已损坏/被篡改 with its case id, shows none of its content, and the other rows of the page, the
 * search and the count still work. The data layer answers per row instead of failing the page.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import type { TribunalStore } from '../../../../renderer/data/store';
import { CaseloadPage } from '../../../../renderer/features/caseload/CaseloadPage';
import { createI18n } from '../../../../renderer/i18n';
import { codecFromRawKey } from '../../../../renderer/security/crypto-codec';
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

const ID = '420802199001011234';

async function openCase(store: TribunalStore, name: string): Promise<string> {
  const author = await store.author();
  if (!author) throw new Error('no author');
  const caseId = store.newId();
  const r = await store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    {
      caseId,
      type: 'party.added',
      payload: { ...SAMPLE_PAYLOADS['party.added'], partyId: SAMPLE_IDS.worker, name, idNumber: ID },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return caseId;
}

async function setup() {
  const h = harness((await codecFromRawKey(new Uint8Array(32).fill(7))).codec);
  await h.store.saveEnrollment(ENROLLMENT);
  const store = h.store;
  const good1 = await openCase(store, '王五');
  const bad = await openCase(store, '欧阳篡改');
  const good2 = await openCase(store, '赵六');
  const row = await store.ctx.db.cases.get(bad);
  if (!row) throw new Error('no case row');
  const data = row.body.data as { ct: Uint8Array };
  const ct = new Uint8Array(data.ct);
  ct[3] = (ct[3] ?? 0) ^ 0x40;
  await store.ctx.db.cases.put({ ...row, body: { ...row.body, data: { ...data, ct } } });
  return { store, good1, bad, good2 };
}

async function render(store: TribunalStore) {
  const router = createMemoryRouter([{ path: '/cases', element: <CaseloadPage /> }], {
    initialEntries: ['/cases'],
  });
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  await act(async () => {
    r.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
        <DataProvider store={store}>
          <RouterProvider router={router} />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  return host;
}

describe('a caseload row that does not open', () => {
  it('the data layer answers it per row with its case id and reason; the others open', async () => {
    const { store, good1, bad, good2 } = await setup();
    const rows = await store.summaries([good1, bad, good2]);
    expect(rows.map((r) => [r.caseId, r.unreadable ?? null])).toEqual([
      [good1, null],
      [bad, 'tampered'],
      [good2, null],
    ]);
    expect(rows[0]?.applicants).toEqual(['王五']);
    expect(rows[1]).toMatchObject({ applicants: [], number: '', caseCause: '' });
    // Another device's key is named as such.
    const other = (await codecFromRawKey(new Uint8Array(32).fill(9))).codec;
    const row = await store.ctx.db.cases.get(good2);
    if (!row) throw new Error('no row');
    await store.ctx.db.cases.put({ ...row, body: await other.seal('cases', { caseId: good2 }) });
    expect((await store.summaries([good2]))[0]?.unreadable).toBe('wrong_key');
  });

  it('the list names it 数据已损坏/被篡改 with the case id, shows nothing of it, and lists the rest', async () => {
    const { store, bad } = await setup();
    const el = await render(store);
    const sealed = await waitFor(
      () => el.querySelector<HTMLElement>('[data-testid="case-row-sealed"]'),
      'sealed row',
    );
    expect(sealed.dataset['code']).toBe('tampered');
    expect(sealed.textContent).toContain('数据已损坏/被篡改');
    expect(sealed.textContent).toContain(`案件 ${bad}`);
    expect(sealed.textContent).toContain('完整性校验失败');
    expect(sealed.querySelector('a')?.getAttribute('href')).toBe(`/cases/${bad}`);
    const rows = el.querySelectorAll('[data-testid="case-row"]');
    expect(rows).toHaveLength(3);
    expect(el.textContent).toContain('王五');
    expect(el.textContent).toContain('赵六');
    expect(el.textContent).not.toContain('欧阳');
    expect(el.textContent.includes('\uFFFD')).toBe(false);
  });
});
