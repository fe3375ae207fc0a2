/*
 * Where the dashboard gets its data: an injectable hook, so the page runs on the local store in the app
 * and on plain arrays in tests. Everything is local: the dashboard works offline from what was synced.
 * It reads the facts projection (migration 006: one small row per case, kept in the same transaction as
 * the case state), not every whole case state.
 */
import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportRecord } from '../../data/store';
import { DISCLOSURE_OF, type CaseFacts } from '#shared/stats/index';
import type { ExportedFile } from './ExportBar';
import type { HolidayCalendar } from '#shared/law/calendar';
import { queryKeys, useStore } from '../../app/data-provider';
import { currentHolidayCalendar } from '../../app/holiday-calendar';
import { useOrgDirectory } from '../review/use-org-directory';
import { useSyncBinding, useSyncState } from '../sync/use-sync';

export type DashboardSource = {
  /** The statistics' facts of every case on this device; null while loading. */
  facts: readonly CaseFacts[] | null;
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
/** Under the caseload's key, so every write or sync that refreshes the caseload refreshes the facts. */
const FACTS_KEY = [...queryKeys.caseload, 'facts'] as const;

/** The app's source: the facts of every case in the local store, the enrolled user's names. */
export function useLocalDashboardSource(): DashboardSource {
  const store = useStore();
  const facts = useQuery({ queryKey: FACTS_KEY, queryFn: () => store.allCaseFacts() });
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
    facts: facts.data ?? null,
    error: facts.error ? facts.error.message : null,
    today: store.today(),
    calendar: currentHolidayCalendar(),
    lastSync: lastSync.data ?? null,
    names,
  };
}
