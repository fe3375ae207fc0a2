// @vitest-environment jsdom
// Issue #9: the dashboard's "数据截至 <last sync>" comes from the sync engine's status row (the last
// successful sync), is 尚未同步 before any, and follows the next successful sync.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { useLocalDashboardSource } from '../../../../renderer/features/dashboard/source';
import { syncFor } from '../../../../renderer/features/sync/use-sync';
import { createI18n } from '../../../../renderer/i18n';
import { harness } from '../data/store-harness';
import { waitFor } from '../mediation/harness';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function Probe() {
  const src = useLocalDashboardSource();
  return <p data-testid="last-sync">{src.lastSync ?? 'never'}</p>;
}

async function mount() {
  const h = harness();
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const client = createQueryClient();
  await act(async () => {
    root.render(
      <Providers queryClient={client} i18n={createI18n('zh-CN')}>
        <DataProvider store={h.store}>
          <Probe />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  cleanup = () => {
    act(() => {
      root.unmount();
    });
    host.remove();
    h.store.close();
  };
  const text = () => host.querySelector('[data-testid="last-sync"]')?.textContent ?? '';
  return { h, client, text };
}

describe('dashboard as-of time', () => {
  it('is the last successful sync the engine recorded', async () => {
    const { h, client, text } = await mount();
    await waitFor(() => text() === 'never', 'never synced');
    const { local } = syncFor(h.store);
    await local.saveStatus({ lastSyncAt: Date.UTC(2026, 10, 28, 2, 30), lastFailure: null, driftFlags: [] });
    await act(async () => {
      await client.invalidateQueries({ queryKey: ['sync', 'lastSyncAt'] });
    });
    await waitFor(() => text() !== 'never', 'last sync time');
    expect(text()).toBe('2026-11-28T02:30:00.000Z');
  });
});
