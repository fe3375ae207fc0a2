/*
 * The sync engine in React: one engine per store (so the rail, the top bar and the sync page share a
 * run), its state as an external store, and `useSyncNow()` which runs it and then reports what it means
 * for the record on screen: 已同步 when its events are on the hub, 有冲突 when the case is in conflict,
 * 同步失败 when something of it could not go.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryKeys, useStore } from '../../app/data-provider';
import { createSyncLocal, type SyncLocal } from '../../data/outbox';
import type { TribunalStore } from '../../data/store';
import { reportSaveState } from '../../stores/save-state';
import { createSyncEngine, type SyncEngine, type SyncOutcome, type SyncState } from '../../sync/engine';
import { makeDerivedCopies } from '../evidence/derive';
import { syncOrgAndAudit } from '../../sync/org-sync';
import { runHolidaySync } from '../settings/holiday-sync-run';

type Bound = { engine: SyncEngine; local: SyncLocal };
const engines = new WeakMap<TribunalStore, Bound>();

export function syncFor(store: TribunalStore): Bound {
  let b = engines.get(store);
  if (!b) {
    const local = createSyncLocal(store);
    const engine = createSyncEngine({
      local,
      fetch: (input, init) => fetch(input, init),
      now: () => Date.now(),
      ownPublicKey: () => store.publicKeyJwk(),
      // Thumbnails of photos downloaded from the hub, made here like those of imported ones.
      derive: async (blob, mime) => {
        const r = await makeDerivedCopies(blob, mime);
        return r.ok ? r.copies : null;
      },
      // Issue #9: the organisation directory and the export audit records go with every sync.
      afterSync: async ({ hubUrl, tokens }) => {
        await syncOrgAndAudit({ hubUrl, tokens, fetch: (input, init) => fetch(input, init), local: store });
        // Issue #4: the hub's holiday years down, an administrator's typed years up (one failing does
        // not stop the other).
        await runHolidaySync(store, { hubUrl, tokens, fetch: (input, init) => fetch(input, init) }).catch(
          () => null,
        );
      },
    });
    b = { engine, local };
    engines.set(store, b);
  }
  return b;
}

export function useSyncBinding(): Bound {
  return syncFor(useStore());
}

export function useSyncState(): SyncState {
  const { engine } = useSyncBinding();
  return useSyncExternalStore(engine.subscribe, engine.getState);
}

/** The case whose file is on screen (hash route #/cases/<id>), if any. */
export function caseOnScreen(hash: string): string | null {
  const m = /^#\/cases\/([^/?#]+)/.exec(hash);
  if (!m?.[1] || m[1] === 'new') return null;
  return decodeURIComponent(m[1]);
}

export async function reportAfterSync(
  outcome: SyncOutcome,
  store: TribunalStore,
  local: SyncLocal,
  onScreen: string | null,
): Promise<void> {
  if (onScreen && (await store.caseState(onScreen))?.inConflict) {
    reportSaveState('conflict');
    return;
  }
  const pending = (await local.pending(Number.MAX_SAFE_INTEGER)).filter(
    (p) => onScreen === null || p.event.caseId === onScreen,
  );
  if (!outcome.ok) {
    if (pending.length > 0) reportSaveState('sync-failed');
    return;
  }
  // Waiting without a refusal means it was written after this run pushed: its state is still 已保存到本机.
  if (pending.some((p) => p.lastError !== undefined)) reportSaveState('sync-failed');
  else if (pending.length === 0) reportSaveState('synced');
}

async function refresh(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.caseload }),
    client.invalidateQueries({ queryKey: ['case'] }),
    client.invalidateQueries({ queryKey: queryKeys.outbox }),
  ]);
}

/** Runs a sync (joining one already running), then refreshes what it may have changed. */
export function useSyncNow(): () => Promise<SyncOutcome> {
  const store = useStore();
  const client = useQueryClient();
  return useCallback(async () => {
    const { engine, local } = syncFor(store);
    const outcome = await engine.run();
    await reportAfterSync(outcome, store, local, caseOnScreen(window.location.hash));
    await refresh(client);
    return outcome;
  }, [store, client]);
}
