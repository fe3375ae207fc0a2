// @vitest-environment jsdom
/*
 * A tampered ciphertext in the case file (#8 bad input), through the real page over a real encrypted
 * store: the case whose stored state was altered is named (which case, tampered) and nothing of it is
 * shown — no party name, no ID number, no bytes; a case sealed with another device's key is named as
 * such; an untouched case beside it opens normally.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import type { TribunalStore } from '../../../../renderer/data/store';
import { CasePage } from '../../../../renderer/features/case/CasePage';
import { createI18n } from '../../../../renderer/i18n';
import { codecFromRawKey } from '../../../../renderer/security/crypto-codec';
import { ENROLLMENT, harness } from '../data/store-harness';
import { byTestId, waitFor } from '../mediation/harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ID = '420802199001011234';
let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

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

async function show(store: TribunalStore, caseId: string): Promise<HTMLElement> {
  const router = createMemoryRouter([{ path: '/cases/:caseId', element: <CasePage /> }], {
    initialEntries: [`/cases/${caseId}`],
  });
  act(() => {
    root?.unmount();
  });
  host?.remove();
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

async function setup() {
  const h = harness((await codecFromRawKey(new Uint8Array(32).fill(7))).codec);
  await h.store.saveEnrollment(ENROLLMENT);
  return h.store;
}

describe('a case whose stored state does not open', () => {
  it('is named as tampered, shows none of its content; another case still opens', async () => {
    const store = await setup();
    const bad = await openCase(store, '王五');
    const good = await openCase(store, '赵六');
    const row = await store.ctx.db.caseStates.get(bad);
    if (!row) throw new Error('no case state row');
    const data = row.body.data as { ct: Uint8Array };
    const ct = new Uint8Array(data.ct);
    ct[5] = (ct[5] ?? 0) ^ 0x20;
    await store.ctx.db.caseStates.put({ ...row, body: { ...row.body, data: { ...data, ct } } });

    const el = await show(store, bad);
    const alert = await waitFor(() => byTestId(el, 'sealed-error'), 'sealed error');
    expect(alert.dataset['code']).toBe('tampered');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(`案件档案（${bad}）未通过完整性校验`);
    expect(alert.textContent).toContain('请联网同步');
    expect(el.textContent).not.toContain('王五');
    expect(el.textContent).not.toContain(ID);
    // No decoded garbage: no replacement characters, no control characters.
    const text = el.textContent;
    expect(text.includes('\uFFFD')).toBe(false);
    expect(Array.from(text, (c) => c.charCodeAt(0)).some((n) => n < 9)).toBe(false);
    expect(byTestId(el, 'casetab-overview')).toBeNull();

    const ok = await show(store, good);
    await waitFor(() => byTestId(ok, 'casetab-overview'), 'case tabs');
    expect(byTestId(ok, 'sealed-error')).toBeNull();
  });

  it('a state sealed under another device key is named as foreign', async () => {
    const store = await setup();
    const caseId = await openCase(store, '钱七');
    const other = (await codecFromRawKey(new Uint8Array(32).fill(9))).codec;
    const row = await store.ctx.db.caseStates.get(caseId);
    if (!row) throw new Error('no case state row');
    await store.ctx.db.caseStates.put({
      ...row,
      body: await other.seal('caseStates', { caseId, forged: true }),
    });
    const el = await show(store, caseId);
    const alert = await waitFor(() => byTestId(el, 'sealed-error'), 'sealed error');
    expect(alert.dataset['code']).toBe('wrong_key');
    expect(alert.textContent).toContain(`案件档案（${caseId}）不是用本机的数据密钥加密的`);
    expect(el.textContent).not.toContain('forged');
  });
});
