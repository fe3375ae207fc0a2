/*
 * TanStack Query for an offline-first app: queries read local data whether or not a network exists
 * ('offlineFirst'), and mutations — local saves — run at once ('always'). With the defaults, mutations
 * pause while offline and a save would silently never happen (toolchain-facts.md §2).
 */
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'offlineFirst', refetchOnWindowFocus: false, retry: 1 },
      mutations: { networkMode: 'always', retry: 0 },
    },
  });
}
