// @vitest-environment jsdom
/*
 * A tampered evidence copy (#8 bad input), through the evidence tab over a real encrypted store: after
 * the stored thumbnail and display copy are altered, the inventory says the thumbnail does not open and
 * the viewer names the item (number and name) as tampered instead of drawing anything; the untouched
 * hash in the inventory still identifies the original.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { chunkTable } from '../../../../renderer/data/blobs';
import type { TribunalStore } from '../../../../renderer/data/store';
import { EvidenceTab } from '../../../../renderer/features/evidence/EvidenceTab';
import { createI18n } from '../../../../renderer/i18n';
import { codecFromRawKey } from '../../../../renderer/security/crypto-codec';
import { FAKE_JPEG } from '../../../tools/jpeg-exif';
import { ENROLLMENT, harness } from '../data/store-harness';
import { byTestId, caseDrafts, click, type, waitFor, type Ids } from '../mediation/harness';

vi.mock('../../../../renderer/features/evidence/derive', () => ({
  makeDerivedCopies: () =>
    Promise.resolve({
      ok: true,
      width: 4,
      height: 4,
      copies: [
        { kind: 'thumb', bytes: new Uint8Array([1, 2, 3]), mime: 'image/jpeg' },
        { kind: 'display', bytes: new Uint8Array([4, 5, 6]), mime: 'image/jpeg' },
      ],
    }),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no object URLs; the copies that do open get one.
URL.createObjectURL = () => 'blob:test';
URL.revokeObjectURL = () => undefined;

let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

async function render(store: TribunalStore, caseId: string): Promise<HTMLElement> {
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
          <EvidenceTab caseId={caseId} />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  return host;
}

describe('a tampered evidence copy', () => {
  it('is named in the inventory and in the viewer, never drawn', async () => {
    const { store } = harness((await codecFromRawKey(new Uint8Array(32).fill(5))).codec);
    await store.saveEnrollment(ENROLLMENT);
    const author = await store.author();
    if (!author) throw new Error('no author');
    const id = store.newId;
    const ids: Ids = { caseId: id(), worker: id(), employer: id(), claim: id(), session: id() };
    const w = await store.write(author, caseDrafts(ids, id, { stage2: true }));
    if (!w.ok) throw new Error(w.error.message);

    let el = await render(store, ids.caseId);
    await waitFor(() => byTestId(el, 'evidence-tab'), 'tab');
    await type(byTestId(el, 'evidence-caption') as HTMLInputElement, '欠条');
    const input = byTestId(el, 'evidence-file-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([FAKE_JPEG], '欠条.jpg')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    await waitFor(() => byTestId(el, 'evidence-thumb'), 'thumbnail');

    // Someone alters the stored thumbnail and display copy on disk.
    const chunks = await chunkTable(store.ctx).toArray();
    const derived = chunks.filter((c) => c.blobKey.startsWith('thumb:') || c.blobKey.startsWith('display:'));
    expect(derived).toHaveLength(2);
    for (const c of derived) {
      const bytes = new Uint8Array(c.bytes);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
      await chunkTable(store.ctx).put({ ...c, bytes });
    }

    el = await render(store, ids.caseId);
    const thumb = await waitFor(() => byTestId(el, 'evidence-thumb-unreadable'), 'unreadable thumbnail');
    expect(thumb.textContent).toBe('无法打开：校验失败');
    expect(byTestId(el, 'evidence-thumb')).toBeNull();

    const view = [...el.querySelectorAll('button')].find((b) => b.textContent === '查看');
    await click(view as HTMLButtonElement);
    const alert = await waitFor(() => byTestId(el, 'sealed-error'), 'viewer error');
    expect(alert.dataset['code']).toBe('tampered');
    expect(alert.textContent).toContain('第 1 号证据“欠条”未通过完整性校验');
    expect(byTestId(el, 'evidence-display')).toBeNull();
  });
});
