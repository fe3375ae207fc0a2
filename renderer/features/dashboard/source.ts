/*
 * Where the dashboard gets its data: an injectable hook, so the page runs on the local store in the app
 * and on plain arrays in tests. Everything is local: the dashboard works offline from what was synced.
 */
import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportRecord } from '../../data/store';
import type { CaseState } from '#shared/case/index';
import type { HolidayCalendar } from '#shared/law/calendar';
import { useAllCaseStates, useStore } from '../../app/data-provider';
import { currentHolidayCalendar } from '../../app/holiday-calendar';
import { useSyncBinding, useSyncState } from '../sync/use-sync';

export type DashboardSource = {
  /** null while loading. */
  states: readonly CaseState[] | null;
  error: string | null;
  /** Today, China time. */
  today: string;
  calendar: HolidayCalendar | null;
  /** The last successful sync (RFC 3339), null if never. */
  lastSync: string | null;
  /** Display names of users and organisations by id (assignees, units). */
  names: Readonly<Record<string, string>>;
  /** Records a finished export in the audit trail (absent where there is no store, e.g. tests). */
  recordExport?: (e: {
    file: string;
    format: 'csv' | 'xlsx' | 'print';
    rows: number;
    period: string;
  }) => Promise<void>;
  /** The latest exports from this laptop, newest first. */
  exports?: readonly ExportRecord[];
};

export type UseDashboardSource = () => DashboardSource;

const EXPORT_AUDIT_KEY = ['audit', 'exports'] as const;

/** The app's source: every case state in the local store, the enrolled user's names. */
export function useLocalDashboardSource(): DashboardSource {
  const store = useStore();
  const states = useAllCaseStates();
  const enrollment = useQuery({
    queryKey: ['enrollment'],
    queryFn: async () => (await store.enrollment()) ?? null,
  });
  // The sync engine keeps its last successful sync in the outbox's status row; re-read after every run.
  const { local } = useSyncBinding();
  const lastRun = useSyncState().last?.at ?? 0;
  const lastSync = useQuery({
    queryKey: ['sync', 'lastSyncAt', lastRun],
    queryFn: async () => {
      const at = (await local.status()).lastSyncAt;
      return at === null ? null : new Date(at).toISOString();
    },
  });
  const names = useMemo(() => {
    const e = enrollment.data;
    return e ? { [e.userId]: e.userName, [e.orgId]: e.orgName } : {};
  }, [enrollment.data]);
  const client = useQueryClient();
  const exports = useQuery({ queryKey: EXPORT_AUDIT_KEY, queryFn: () => store.exportAudit() });
  const recordExport: DashboardSource['recordExport'] = async (e) => {
    const me = enrollment.data;
    await store.recordExport({
      ...e,
      at: new Date().toISOString(),
      userId: me?.userId ?? '',
      userName: me?.userName ?? '',
    });
    await client.invalidateQueries({ queryKey: EXPORT_AUDIT_KEY });
  };
  return {
    recordExport,
    exports: [...(exports.data ?? [])].reverse(),
    states: states.data ?? null,
    error: states.error ? states.error.message : null,
    today: store.today(),
    calendar: currentHolidayCalendar(),
    lastSync: lastSync.data ?? null,
    names,
  };
}
