/*
 * Where the dashboard gets its data: an injectable hook, so the page runs on the local store in the app
 * and on plain arrays in tests. Everything is local: the dashboard works offline from what was synced.
 */
import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportRecord } from '../../data/store';
import { DISCLOSURE_OF } from '#shared/stats/index';
import type { ExportedFile } from './ExportBar';
import type { CaseState } from '#shared/case/index';
import type { HolidayCalendar } from '#shared/law/calendar';
import { useAllCaseStates, useStore } from '../../app/data-provider';
import { currentHolidayCalendar } from '../../app/holiday-calendar';
import { useOrgDirectory } from '../review/use-org-directory';
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
  recordExport?: (e: ExportedFile & { period: { from: string; to: string } }) => Promise<void>;
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
  const directory = useOrgDirectory();
  const names = useMemo(() => {
    const e = enrollment.data;
    const out: Record<string, string> = {};
    // The organisation directory from the last sync names every colleague (handlers in groups, exports).
    for (const u of directory?.users ?? []) out[u.id] = u.name;
    if (directory) out[directory.org.id] = directory.org.name;
    if (e) {
      out[e.userId] = e.userName;
      out[e.orgId] = e.orgName;
    }
    return out;
  }, [enrollment.data, directory]);
  const client = useQueryClient();
  // Keyed by the last sync run too: a sync marks records as received by the hub.
  const exports = useQuery({ queryKey: [...EXPORT_AUDIT_KEY, lastRun], queryFn: () => store.exportAudit() });
  const recordExport: DashboardSource['recordExport'] = async (e) => {
    const me = enrollment.data;
    await store.recordExport({
      ...e,
      id: store.newId(),
      at: new Date().toISOString(),
      userId: me?.userId ?? '',
      userName: me?.userName ?? '',
      caseId: null,
      disclosure: [...DISCLOSURE_OF[e.kind]],
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
