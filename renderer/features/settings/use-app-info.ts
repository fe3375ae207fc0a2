/*
 * App info (version, runtime, hub origin) from the platform bridge — Electron's main process or the
 * browser implementation; this hook does not know which. An error answer is data, not an exception:
 * the settings page shows "unknown" and carries on.
 */
import { useQuery } from '@tanstack/react-query';
import type { AppInfo } from '#shared/ipc/contract';
import { getPlatform } from '../../platform';

export const appInfoQueryKey = ['platform', 'app-info'] as const;

/** `null` while loading or when the host could not answer. */
export function useAppInfo(): AppInfo | null {
  const { data } = useQuery({
    queryKey: appInfoQueryKey,
    queryFn: () => getPlatform().app.info(),
    staleTime: Infinity,
  });
  return data?.ok ? data.value : null;
}
