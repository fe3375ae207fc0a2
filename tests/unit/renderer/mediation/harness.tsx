/*
 * Renders a mediation tab over a real store (fake IndexedDB, memory journal) holding a wage-arrears
 * case, and small DOM helpers (typing into React inputs, drawing on the signing pad, waiting).
 */
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { blobTable } from '../../../../renderer/data/blobs';
import type { Draft, TribunalStore } from '../../../../renderer/data/store';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { createI18n } from '../../../../renderer/i18n';
import { ENROLLMENT, harness } from '../data/store-harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no canvas: the pad then only collects strokes (what gets hashed is the SVG of the strokes).
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
// jsdom's Blob has no arrayBuffer() (Chromium's has); the blob store reads signatures through it.
if (!('arrayBuffer' in Blob.prototype))
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => {
          resolve(reader.result as ArrayBuffer);
        };
        reader.onerror = () => {
          reject(new Error('read failed'));
        };
        reader.readAsArrayBuffer(this);
      });
    },
  });

export const CAUCUS_TEXT = '公司私下底线一万五千元';

export type Ids = { caseId: string; worker: string; employer: string; claim: string; session: string };

/** The case's opening events; `stage2` false leaves stage 2 of the five-heart notes empty. */
export function caseDrafts(ids: Ids, newId: () => string, opts: { stage2: boolean }): Draft[] {
  const { caseId } = ids;
  const note = (
    stage: number,
    fields: Record<string, string | boolean | number | string[]>,
    conf: Draft['conf'] = 'public',
  ): Draft => ({
    caseId,
    type: 'note.recorded',
    conf,
    payload: {
      noteId: newId(),
      method: 'five_heart',
      stage,
      fields,
      ...(stage === 1 ? { sessionId: ids.session } : {}),
    },
  });
  return [
    {
      caseId,
      type: 'case.opened',
      payload: {
        kind: 'mediation',
        tempNumber: '临-TEST-1',
        channel: 'mobile',
        disputeCategories: ['wage_arrears'],
        caseCause: '追索劳动报酬',
        summary: '张三在工地务工，工资18600元未结清。',
        collective: false,
        receivedAt: '2026-11-20T02:00:00.000Z',
      },
    },
    {
      caseId,
      type: 'party.added',
      payload: { partyId: ids.worker, role: 'applicant', kind: 'worker', name: '张三' },
    },
    {
      caseId,
      type: 'party.added',
      payload: { partyId: ids.employer, role: 'respondent', kind: 'employer', name: '荆门某建筑有限公司' },
    },
    {
      caseId,
      type: 'claim.added',
      payload: { claimId: ids.claim, item: 'WAGE_ARREARS', amountClaimedFen: 1_860_000 },
    },
    {
      caseId,
      type: 'session.held',
      payload: {
        sessionId: ids.session,
        kind: 'hearing',
        venue: 'site',
        mobile: true,
        participants: [{ name: '张三', role: '申请人', partyId: ids.worker }],
        start: '2026-11-25T01:00:00.000Z',
        end: '2026-11-25T02:00:00.000Z',
      },
    },
    note(1, {
      placeType: '工地',
      participants: '张三、王五',
      narrativeApplicant: '欠薪',
      narrativeRespondent: '资金紧张',
      claimsStated: '18600元',
      informed: true,
    }),
    ...(opts.stage2
      ? [note(2, { recusalChecked: true, lawsExplained: ['保障农民工工资支付条例'], calculation: '18600' })]
      : []),
    note(3, { caucusLog: CAUCUS_TEXT }, `caucus:${ids.employer}`),
    note(4, { options: '两期' }),
    note(
      4,
      { kind: 'offer', by: ids.employer, amountFen: 1_500_000, at: '2026-11-25T03:00:00.000Z' },
      'internal',
    ),
  ];
}

export type Mounted = {
  host: HTMLElement;
  ids: Ids;
  events: () => Promise<{ type: string; payload: unknown; conf: string }[]>;
  unmount: () => void;
  /** Like a page reload: the screen is torn down, the store closed and opened again, the screen rendered anew. */
  reload: () => Promise<void>;
  /** The store the screen currently uses. */
  store: () => TribunalStore;
  /** The MIME type of a stored blob, or null. */
  blobMime: (sha256: string) => Promise<string | null>;
};

export async function mount(
  render: (caseId: string) => ReactNode,
  opts: { stage2: boolean; extra?: (ids: Ids, newId: () => string) => Draft[] },
): Promise<Mounted> {
  const h = harness();
  await h.store.saveEnrollment(ENROLLMENT);
  const author = await h.store.author();
  if (!author) throw new Error('no author');
  const id = h.store.newId;
  const ids: Ids = { caseId: id(), worker: id(), employer: id(), claim: id(), session: id() };
  const r = await h.store.write(author, [...caseDrafts(ids, id, opts), ...(opts.extra?.(ids, id) ?? [])]);
  if (!r.ok) throw new Error(r.error.message);
  const host = document.createElement('div');
  document.body.append(host);
  let root = createRoot(host);
  const renderScreen = async () => {
    await act(async () => {
      root.render(
        <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
          <DataProvider store={h.store}>{render(ids.caseId)}</DataProvider>
        </Providers>,
      );
      await Promise.resolve();
    });
  };
  await renderScreen();
  return {
    host,
    ids,
    events: async () => {
      const e = await h.store.caseEvents(ids.caseId);
      if (!e.ok) throw new Error(e.error.message);
      return e.value;
    },
    blobMime: async (sha256) => (await blobTable(h.store.ctx).get(sha256))?.mime ?? null,
    store: () => h.store,
    reload: async () => {
      act(() => {
        root.unmount();
      });
      h.reopen();
      root = createRoot(host);
      await renderScreen();
    },
    unmount: () => {
      act(() => {
        root.unmount();
      });
      host.remove();
      h.store.close();
    },
  };
}

/**
 * Polls (inside act) until `find` returns something. Generous (up to ~20 s of polling): CI machines
 * have 2 cores and the sealing of a signed agreement can take seconds there; a short cap made it flaky.
 */
export async function waitFor<T>(find: () => T | null | undefined | false, what = 'element'): Promise<T> {
  for (let i = 0; i < 2000; i++) {
    const v = find();
    if (v) return v;
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const byTestId = (root: ParentNode, id: string): HTMLElement | null =>
  root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** Sets a React-controlled input/textarea/select value the way a user would. */
export async function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  // React tracks the value it set; the prototype's setter bypasses that, as a user's typing does.
  const proto = Object.getPrototypeOf(el) as object;
  await act(async () => {
    Reflect.set(proto, 'value', value, el);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    await Promise.resolve();
  });
}

export async function click(el: Element) {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await Promise.resolve();
  });
}

/** Draws one stroke on the signing pad. */
export async function draw(pad: Element, from: number) {
  await act(async () => {
    pad.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: from, clientY: 10 }));
    pad.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, clientX: from + 40, clientY: 30 }));
    pad.dispatchEvent(new MouseEvent('pointerup', { bubbles: true, clientX: from + 40, clientY: 30 }));
    await Promise.resolve();
  });
}
