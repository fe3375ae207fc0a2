/*
 * The query client never waits for the network: a mutation (a local save) runs while the browser says
 * it is offline. With TanStack's defaults it would pause silently (toolchain-facts.md §2).
 */
import { MutationObserver, onlineManager, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../../renderer/app/query-client';

afterEach(() => {
  onlineManager.setOnline(true);
});

describe('createQueryClient', () => {
  it('sets offline-first queries and always-on mutations', () => {
    const defaults = createQueryClient().getDefaultOptions();
    expect(defaults.queries?.networkMode).toBe('offlineFirst');
    expect(defaults.mutations?.networkMode).toBe('always');
  });

  it('runs a mutation while offline', async () => {
    onlineManager.setOnline(false);
    const client = createQueryClient();
    const saved: string[] = [];
    const observer = new MutationObserver(client, {
      mutationFn: (text: string) => {
        saved.push(text);
        return Promise.resolve(text);
      },
    });
    await expect(observer.mutate('本机保存')).resolves.toBe('本机保存');
    expect(saved).toEqual(['本机保存']);
  });

  it('runs a query while offline', async () => {
    onlineManager.setOnline(false);
    const client = createQueryClient();
    const observer = new QueryObserver(client, { queryKey: ['local'], queryFn: () => Promise.resolve(7) });
    const result = await observer.refetch();
    expect(result.data).toBe(7);
    expect(result.fetchStatus).toBe('idle');
  });
});
