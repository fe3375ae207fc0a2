/*
 * Storage health as a query: read at start and every minute (and after each write, which invalidates
 * the caseload and so nothing here: a minute is soon enough for a warning meant to come early).
 */
import { useQuery } from '@tanstack/react-query';
import { readStorageHealth, type StorageHealth, type StorageManagerLike } from '../../data/storage-health';

export const storageHealthKey = ['storage-health'] as const;

export function useStorageHealth(sm?: StorageManagerLike) {
  return useQuery<StorageHealth>({
    queryKey: storageHealthKey,
    queryFn: () => readStorageHealth(sm),
    refetchInterval: 60_000,
    networkMode: 'always',
  });
}
