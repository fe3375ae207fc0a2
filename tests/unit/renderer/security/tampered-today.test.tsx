// @vitest-environment jsdom
/*
 * 今日 with tampered rows (#8 bad input): a deadline row whose sealed summary was altered, and a working
 * case whose sealed case state was altered, are each named 数据已损坏/被篡改 with the case id and a link to
 * the case file; nothing of them is shown, and the other deadlines and today's sessions still show.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import type { TribunalStore } from '../../../../renderer/data/store';
import { defaultIntake } from '../../../../renderer/features/intake/intake-schema';
import { intakeDrafts } from '../../../../renderer/features/intake/to-drafts';
import { TodayPage } from '../../../../renderer/features/today/TodayPage';
import { loadToday } from '../../../../renderer/features/today/use-today';
import { createI18n } from '../../../../renderer/i18n';
import { codecFromRawKey } from '../../../../renderer/security/crypto-codec';
import { ENROLLMENT, harness } from '../data/store-harness';
import { waitFor } from '../mediation/harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

/** Flips one ciphertext bit of a sealed body, as an attacker editing the stored row would. */
function flipBit<B extends { data: unknown }>(body: B): B {
  const data = body.data as { ct: Uint8Array };
  const ct = new Uint8Array(data.ct);
  ct[3] = (ct[3] ?? 0) ^ 0x40;
  return { ...body, data: { ...data, ct } };
}

async function setup() {
  const h = harness((await codecFromRawKey(new Uint8Array(32).fill(7))).codec);
  await h.store.saveEnrollment(ENROLLMENT);
  const store = h.store;
  const author = await store.author();
  if (!author) throw new Error('not enrolled');
  // Received on 11-01: the mediation period is overdue on the harness's today (2026-11-28), and the case
  // is in a working status, so 今日 reads both its summary and its state.
  const open = async (name: string, withSession: boolean) => {
    const f = defaultIntake();
    f.workers = [{ name, idNumber: '', phone: '', amount: '' }];
    f.employer = { ...f.employer, name: '某厂' };
    const caseId = store.newId();
    const drafts = intakeDrafts(f, {
      caseId,
      tempNumber: await store.nextTempNumber(author),
      receivedAt: '2026-11-01T02:00:00.000Z',
      today: '2026-11-28',
      newId: store.newId,
      placeZh: (p) => p,
      categoryZh: (c) => c,
      chainZh: (c) => c,
    });
    const r = await store.write(author, drafts);
    if (!r.ok) throw new Error(r.error.message);
    if (withSession) {
      const s = await store.write(author, [
        {
          caseId,
          type: 'session.held',
          payload: {
            sessionId: store.newId(),
            kind: 'mediation_joint',
            venue: 'site',
            mobile: true,
            participants: [{ name, role: '申请人' }],
            start: '2026-11-28T02:00:00.000Z',
            end: '2026-11-28T03:00:00.000Z',
          },
        },
      ]);
      if (!s.ok) throw new Error(s.error.message);
    }
    return caseId;
  };
  const good = await open('王五', true);
  const badSummary = await open('欧阳篡改', false);
  const badState = await open('司马状态', true);
  const summaryRow = await store.ctx.db.cases.get(badSummary);
  if (!summaryRow) throw new Error('no case row');
  await store.ctx.db.cases.put({ ...summaryRow, body: flipBit(summaryRow.body) });
  const stateRow = await store.ctx.db.caseStates.get(badState);
  if (!stateRow) throw new Error('no case state row');
  await store.ctx.db.caseStates.put({ ...stateRow, body: flipBit(stateRow.body) });
  return { store, good, badSummary, badState };
}

async function render(store: TribunalStore, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createMemoryRouter([{ path: '/', element: <TodayPage /> }], { initialEntries: ['/'] });
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

describe('今日 with a tampered summary and a tampered case state', () => {
  it('the query answers per row: the bad summary and the bad state are named, the rest is read', async () => {
    const { store, good, badSummary, badState } = await setup();
    const today = await loadToday(store);
    expect(today.overdue.map((s) => [s.caseId, s.unreadable ?? null])).toEqual(
      expect.arrayContaining([
        [good, null],
        [badSummary, 'tampered'],
        [badState, null],
      ]),
    );
    expect(today.overdueCount).toBe(3);
    // Only the good case's session: the tampered state's session is unknown, not guessed.
    expect(today.sessions.map((s) => s.caseId)).toEqual([good]);
    expect(today.unreadable).toEqual([{ caseId: badState, reason: 'tampered' }]);
  });

  it('the page names both with their case ids and links, and shows the rest', async () => {
    const { store, badSummary, badState } = await setup();
    const el = await render(store);
    const sealedState = await waitFor(
      () => el.querySelector<HTMLElement>('[data-testid="today-sealed-state"]'),
      'sealed case state',
    );
    expect(sealedState.dataset['code']).toBe('tampered');
    expect(sealedState.textContent).toContain('数据已损坏/被篡改');
    expect(sealedState.textContent).toContain(`案件 ${badState}`);
    expect(sealedState.textContent).toContain('完整性校验失败');
    expect(sealedState.getAttribute('href')).toBe(`/cases/${badState}`);
    expect(el.querySelector('[data-testid="today-sealed-states"]')?.textContent).toContain(
      '今天是否有安排无法确认',
    );

    const sealedRow = el.querySelector<HTMLElement>('[data-testid="today-sealed"]');
    expect(sealedRow?.textContent).toContain(`案件 ${badSummary}`);
    expect(sealedRow?.closest('a')?.getAttribute('href')).toBe(`/cases/${badSummary}`);

    // The rest works: the good session, the other deadlines and the counts.
    const sessions = el.querySelector('[data-testid="today-sessions"]');
    expect(sessions?.querySelectorAll('li')).toHaveLength(1);
    expect(sessions?.textContent).toContain('调解（面对面）');
    const deadlines = el.querySelector('[data-testid="today-deadlines"]');
    expect(deadlines?.querySelectorAll('li')).toHaveLength(3);
    expect(deadlines?.textContent).toContain('王五');
    expect(deadlines?.textContent).toContain('已超期 3 件');
    expect(el.textContent).not.toContain('欧阳');
    expect(el.textContent).not.toContain('今天没有安排');
    expect(el.textContent.includes('\uFFFD')).toBe(false);
    expect(el.querySelector('[data-testid="today-error"]')).toBeNull();
  });

  it('a query that fails as a whole says so instead of an empty 今日', async () => {
    const { store } = await setup();
    const broken: TribunalStore = {
      ...store,
      countCases: () => Promise.reject(new Error('IndexedDB closed')),
    };
    const el = await render(broken);
    const alert = await waitFor(() => el.querySelector('[data-testid="today-error"]'), 'error line');
    expect(alert.textContent).toContain('今日数据暂时无法从本机读取');
  });

  it('says the same in English', async () => {
    const { store, badState } = await setup();
    const el = await render(store, 'en');
    const sealedState = await waitFor(
      () => el.querySelector<HTMLElement>('[data-testid="today-sealed-state"]'),
      'sealed case state',
    );
    expect(sealedState.textContent).toContain('Damaged or tampered data');
    expect(sealedState.textContent).toContain(`Case ${badState}`);
    expect(el.querySelector('[data-testid="today-sealed-states"]')?.textContent).toContain('unknown');
  });
});
