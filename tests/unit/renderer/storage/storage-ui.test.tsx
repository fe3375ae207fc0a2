// @vitest-environment jsdom
/* The storage warning and the settings panel, in both languages, over a fake navigator.storage. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import type { StorageManagerLike } from '../../../../renderer/data/storage-health';
import { StoragePanel } from '../../../../renderer/features/storage/StoragePanel';
import { StorageWarning } from '../../../../renderer/features/storage/StorageWarning';
import { createI18n } from '../../../../renderer/i18n';
import type { Language } from '../../../../renderer/i18n/language';
import { byTestId, waitFor } from '../mediation/harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const MB = 1024 ** 2;
const GB = 1024 ** 3;

let root: Root | null = null;
let host: HTMLDivElement | null = null;

afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

const storage = (usage: number, quota: number, persisted: boolean): StorageManagerLike => ({
  estimate: () => Promise.resolve({ usage, quota }),
  persisted: () => Promise.resolve(persisted),
});

async function render(node: React.ReactNode, language: Language) {
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  await act(async () => {
    r.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n(language)}>
        {node}
      </Providers>,
    );
    await Promise.resolve();
  });
  return host;
}

describe('storage warning', () => {
  it('warns with the free space when it runs low, in Chinese', async () => {
    const el = await render(<StorageWarning storage={storage(99.5 * GB, 100 * GB, true)} />, 'zh-CN');
    const w = await waitFor(() => byTestId(el, 'storage-warning'), 'warning');
    expect(w.dataset.level).toBe('low');
    expect(w.textContent).toContain('本机存储空间偏少：还剩 512 MB');
    expect(w.querySelector('svg')).not.toBeNull();
  });

  it('is an alert when almost full, in English', async () => {
    const el = await render(<StorageWarning storage={storage(10 * GB - 50 * MB, 10 * GB, true)} />, 'en');
    const w = await waitFor(() => byTestId(el, 'storage-warning'), 'warning');
    expect(w.getAttribute('role')).toBe('alert');
    expect(w.textContent).toContain('Storage almost full: only 50 MB left');
  });

  it('says nothing while there is room', async () => {
    const el = await render(
      <>
        <StorageWarning storage={storage(1 * GB, 100 * GB, true)} />
        <StoragePanel storage={storage(1 * GB, 100 * GB, true)} />
      </>,
      'zh-CN',
    );
    await waitFor(() => byTestId(el, 'storage-used')?.textContent === '1.0 GB', 'panel');
    expect(byTestId(el, 'storage-warning')).toBeNull();
  });
});

describe('storage panel', () => {
  it('shows used, free and whether the data is kept, in both languages', async () => {
    const zh = await render(<StoragePanel storage={storage(2 * GB, 50 * GB, false)} />, 'zh-CN');
    await waitFor(() => byTestId(zh, 'storage-free')?.textContent === '48 GB', 'zh panel');
    expect(byTestId(zh, 'storage-persisted')?.textContent).toMatch(/^未获准持久保存/);
    act(() => {
      root?.unmount();
    });
    const en = await render(<StoragePanel storage={storage(2 * GB, 50 * GB, true)} />, 'en');
    await waitFor(() => byTestId(en, 'storage-used')?.textContent === '2.0 GB', 'en panel');
    expect(byTestId(en, 'storage-persisted')?.textContent).toBe('Persistent (the browser will not clear it)');
  });
});
