/*
 * The enrollment of this device as a query. Its key sits under queryKeys.author, so whatever refreshes
 * the author (enrollment, re-enrollment) refreshes the names in the top bar too.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { queryKeys, useStore } from '../../app/data-provider';
import type { Enrollment } from '../../data/store';

export const enrollmentQueryKey = [...queryKeys.author, 'enrollment'] as const;

/** null before enrollment. */
export function useEnrollment(): UseQueryResult<Enrollment | null> {
  const store = useStore();
  return useQuery({ queryKey: enrollmentQueryKey, queryFn: async () => (await store.enrollment()) ?? null });
}
