/*
 * Stored case states made by an older reducer (#6): each case's list row and reduced state are kept so
 * screens never replay events, and a case is re-reduced only when it gets a new event. When the reducer
 * (or the row's shape) changes, states already stored are stale, so the version they were made by is kept
 * in `meta`, and on start, if it differs from this build's, every case is rebuilt from its events:
 *
 * - in the background, in small batches, each batch through the store's serial queue (a save or a synced
 *   event waits at most one batch) and a macrotask apart, so the caseload stays usable meanwhile (rows
 *   of the old version are still read; shared/case/upgrade.ts fills fields they lack);
 * - resumable: each batch's rows and the cursor (the last case id done, for which target version) are
 *   committed in one transaction, so after a crash or a lock the next start goes on after the cursor;
 * - with progress (done / total) for the screen; the version is written only once every case is done.
 *
 * Cases are taken in case-id order from the event log (the source of truth), so a case whose rows were
 * lost is rebuilt too. A case saved during the rebuild is projected by this build's reducer anyway.
 */
import { REDUCER_VERSION } from '#shared/case/index';
import { err, ok, type Result } from '#shared/util/result';
import { readCaseEvents, type DataContext, type DataError } from './event-store';
import { buildProjections } from './projections';

/** Bump with any change to what buildProjections writes for the same state (row columns, summary). */
const ROW_VERSION = 1;

/** The version of the stored projections this build makes. */
export const PROJECTION_VERSION = `reducer-${String(REDUCER_VERSION)}.rows-${String(ROW_VERSION)}`;

export const PROJECTION_VERSION_KEY = 'projections.version';
export const PROJECTION_CURSOR_KEY = 'projections.rebuild';

/** Where an interrupted rebuild stopped: cases up to `after` (in id order) are done for `target`. */
type Cursor = { target: string; after: string; done: number };

export type RebuildProgress = { readonly done: number; readonly total: number };
export type RebuildReport = {
  /** Cases rebuilt by this call. */
  readonly rebuilt: number;
  readonly total: number;
  /** Cases an earlier, interrupted run had already done. */
  readonly resumedAfter: number;
  /** False when stopped by the signal before the end (the cursor is kept). */
  readonly complete: boolean;
};

export type RebuildOptions = {
  /** The version to rebuild to (tests pass another to simulate a reducer change). */
  version?: string;
  /** Cases per batch (one transaction each). */
  batchSize?: number;
  onProgress?: (p: RebuildProgress) => void;
  signal?: AbortSignal;
  /** Between batches: gives the screen its turn (default: one macrotask). */
  pause?: () => Promise<void>;
};

const macrotask = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

const parseCursor = (v: unknown): Cursor | null => {
  if (typeof v !== 'object' || v === null) return null;
  if (!('target' in v) || !('after' in v) || !('done' in v)) return null;
  const { target, after, done } = v;
  if (typeof target !== 'string' || typeof after !== 'string' || typeof done !== 'number') return null;
  return { target, after, done };
};

/**
 * Whether the stored projections were made by another version. A device with no events has nothing to
 * rebuild: it is stamped with the current version at once.
 */
export async function projectionsStale(
  ctx: DataContext,
  version: string = PROJECTION_VERSION,
): Promise<boolean> {
  const stored = (await ctx.db.meta.get(PROJECTION_VERSION_KEY))?.value;
  if (stored === version) return false;
  if ((await ctx.db.events.limit(1).count()) === 0) {
    await ctx.db.meta.put({ key: PROJECTION_VERSION_KEY, value: version });
    return false;
  }
  return true;
}

/** Rebuilds every case's stored row and state from its events, resuming after an interrupted run. */
export async function rebuildProjections(
  ctx: DataContext,
  o: RebuildOptions = {},
): Promise<Result<RebuildReport, DataError>> {
  const version = o.version ?? PROJECTION_VERSION;
  const batchSize = Math.max(1, o.batchSize ?? 25);
  const pause = o.pause ?? macrotask;
  try {
    const saved = parseCursor((await ctx.db.meta.get(PROJECTION_CURSOR_KEY))?.value);
    const cursor = saved?.target === version ? saved : null;
    const ids = (await ctx.db.events.orderBy('caseId').uniqueKeys()).map(String);
    const total = ids.length;
    const todo = cursor === null ? ids : ids.filter((id) => id > cursor.after);
    const resumedAfter = total - todo.length;
    let done = resumedAfter;
    o.onProgress?.({ done, total });
    for (let i = 0; i < todo.length; i += batchSize) {
      if (o.signal?.aborted)
        return ok({ rebuilt: done - resumedAfter, total, resumedAfter, complete: false });
      const batch = todo.slice(i, i + batchSize);
      const r = await ctx.serial(() =>
        rebuildBatch(ctx, batch, { target: version, done: done + batch.length }),
      );
      if (!r.ok) return r;
      done += batch.length;
      o.onProgress?.({ done, total });
      await pause();
    }
    await ctx.db.transaction('rw', ctx.db.meta, async () => {
      await ctx.db.meta.put({ key: PROJECTION_VERSION_KEY, value: version });
      await ctx.db.meta.delete(PROJECTION_CURSOR_KEY);
    });
    return ok({ rebuilt: done - resumedAfter, total, resumedAfter, complete: true });
  } catch (e) {
    return err({ code: 'storage_failed', message: e instanceof Error ? e.message : String(e) });
  }
}

async function rebuildBatch(
  ctx: DataContext,
  caseIds: readonly string[],
  next: { target: string; done: number },
): Promise<Result<undefined, DataError>> {
  const events = [];
  for (const caseId of caseIds) {
    const r = await readCaseEvents(ctx, caseId);
    if (!r.ok) return r;
    events.push(...r.value);
  }
  const built = await buildProjections(ctx.codec, ctx.env, caseIds, events);
  const after = caseIds[caseIds.length - 1] ?? '';
  const cursor: Cursor = { target: next.target, after, done: next.done };
  await ctx.db.transaction(
    'rw',
    [ctx.db.cases, ctx.db.caseStates, ctx.db.caseFacts, ctx.db.meta],
    async () => {
      await ctx.db.cases.bulkPut(built.cases);
      await ctx.db.caseStates.bulkPut(built.states);
      await ctx.db.caseFacts.bulkPut(built.facts);
      await ctx.db.meta.put({ key: PROJECTION_CURSOR_KEY, value: cursor });
    },
  );
  return ok(undefined);
}
