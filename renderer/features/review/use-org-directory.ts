/*
 * The organisation directory on this laptop (renderer/data/org-directory.ts): the users of the
 * organisation as the hub listed them at the last sync; re-read after every sync run. null before the
 * first sync (or on a device not enrolled).
 */
import { useQuery } from '@tanstack/react-query';
import { useStore } from '../../app/data-provider';
import type { OrgDirectory } from '../../data/store';
import { useSyncState } from '../sync/use-sync';

export function useOrgDirectory(): OrgDirectory | null {
  const store = useStore();
  const lastRun = useSyncState().last?.at ?? 0;
  const q = useQuery({
    queryKey: ['org', 'directory', lastRun],
    queryFn: async () => (await store.orgDirectory()) ?? null,
  });
  return q.data ?? null;
}
