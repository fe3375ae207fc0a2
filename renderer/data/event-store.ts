/*
 * Appending events: the only write path for case data on the laptop. One call:
 *   1. starts appending the new events to the journal (write-ahead, outside IndexedDB),
 *   2. meanwhile reduces the cases they touch and, in ONE strict IndexedDB transaction, writes the
 *      events, their outbox entries and the projections of those cases.
 * It resolves only when BOTH are durable, so the UI may then say 已保存到本机; if either failed it
 * reports the failure (a journalled event IndexedDB lacks is put back by the start-up recovery).
 * Idempotent by event id: an event already stored is skipped, never overwritten.
 *
 * Save latency (#4 part 7): a case's opened events and this device's chain head are kept in memory
 * after a write (WriteCache), so the next save neither re-reads nor re-opens every event of the case.
 * Dexie hooks on the events table drop the cache on any other change to that table (the outbox's
 * re-linking after a refusal, recovery, a migration), so it is never staler than IndexedDB.
 */
import type { CaseEvent } from '#shared/events/envelope';
import { err, ok, type Result } from '#shared/util/result';
import { sealEventRecord, type Codec, type SealedRecord } from './codec';
import type { EventRow, MetaRow, OutboxRow, TribunalDb } from './db';
import type { JournalPort } from './journal';
import { buildProjections, type ProjectionEnv, type Projections } from './projections';
import { createSerialQueue } from './serial';

export type DataError = { code: 'journal_failed' | 'storage_failed' | 'corrupt_row'; message: string };

export type DataContext = {
  db: TribunalDb;
  codec: Codec;
  journal: JournalPort;
  now: () => number;
  env: ProjectionEnv;
  serial: <T>(task: () => Promise<T>) => Promise<T>;
  cache: WriteCache;
};

/** A device's hash-chain head: the last deviceSeq it used and that event's hash. */
export type ChainHead = { deviceSeq: number; hash: string };

/**
 * What the write path remembers between saves (only ever filled right after its own commit, inside the
 * serial queue): the events of the cases written most recently, and chain heads by device.
 */
export type WriteCache = {
  events: Map<string, readonly CaseEvent[]>;
  heads: Map<string, ChainHead>;
  clear(): void;
};

/** Cases whose events are kept in memory (the ones being worked on; LRU). */
const CACHED_CASES = 8;

function createWriteCache(db: TribunalDb): WriteCache {
  const cache: WriteCache = {
    events: new Map(),
    heads: new Map(),
    clear: () => {
      cache.events.clear();
      cache.heads.clear();
    },
  };
  // Any change to the events table (ours included, re-filled after our commit) invalidates.
  db.events.hook('creating', () => {
    cache.clear();
  });
  db.events.hook('updating', () => {
    cache.clear();
  });
  db.events.hook('deleting', () => {
    cache.clear();
  });
  return cache;
}

function remember(cache: WriteCache, caseId: string, events: readonly CaseEvent[]): void {
  cache.events.delete(caseId);
  cache.events.set(caseId, events);
  while (cache.events.size > CACHED_CASES) {
    const oldest = cache.events.keys().next();
    if (oldest.done) break;
    cache.events.delete(oldest.value);
  }
}

export function createDataContext(parts: Omit<DataContext, 'serial' | 'cache'>): DataContext {
  return { ...parts, serial: createSerialQueue(), cache: createWriteCache(parts.db) };
}

export type AppendReport = { stored: string[]; skipped: string[] };

export type AppendOptions = {
  journal?: boolean;
  outbox?: boolean;
  /** Device metadata to commit in the same transaction (the writer's clock): one durable commit per save. */
  meta?: readonly MetaRow[];
  /**
   * The events were just made here (the writer: new ids from this device's generator), so none can be
   * stored yet: skip the look-up of stored ids (a read transaction of its own before every save).
   */
  fresh?: boolean;
};

export function appendEvents(
  ctx: DataContext,
  events: readonly CaseEvent[],
  opts: AppendOptions = {},
): Promise<Result<AppendReport, DataError>> {
  return ctx.serial(() => appendUnlocked(ctx, events, opts));
}

/** appendEvents without taking the queue: only for callers already inside ctx.serial (the writer). */
export async function appendUnlocked(
  ctx: DataContext,
  events: readonly CaseEvent[],
  opts: AppendOptions,
): Promise<Result<AppendReport, DataError>> {
  const existing = opts.fresh === true ? [] : await ctx.db.events.bulkGet(events.map((e) => e.id));
  const seen = new Set<string>();
  const fresh = events.filter((e, i) => {
    if (existing[i] || seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  const skipped = events.filter((e) => !fresh.includes(e)).map((e) => e.id);
  if (fresh.length === 0) return ok({ stored: [], skipped });

  // Each event is sealed once: the same ciphertext is its journal line and its row (#8 part 6).
  const sealing = Promise.all(fresh.map((e) => sealEventRecord(ctx.codec, e)));
  // Awaited below (a failure is reported there); marked handled for the paths that return before that.
  sealing.catch(() => undefined);
  // The journal append starts as soon as they are sealed and runs while the cases are reduced and the
  // transaction commits.
  const journalled: Promise<Result<void, DataError>> =
    opts.journal === false ? Promise.resolve(ok(undefined)) : journalAppend(ctx, sealing);
  const stored = await storeFresh(ctx, fresh, sealing, opts);
  const j = await journalled;
  if (!j.ok) {
    // Not journalled, so not saved: take back what the transaction committed meanwhile.
    if (stored.ok) await undo(ctx, fresh, stored.value.prior, stored.value.before);
    return j;
  }
  if (!stored.ok) return stored;
  for (const [caseId, all] of stored.value.events) remember(ctx.cache, caseId, all);
  return ok({ stored: fresh.map((e) => e.id), skipped });
}

async function journalAppend(
  ctx: DataContext,
  sealing: Promise<readonly SealedRecord[]>,
): Promise<Result<void, DataError>> {
  try {
    const lines = (await sealing).map((r) => r.line);
    const j = await ctx.journal.append(lines);
    return j.ok ? ok(undefined) : err({ code: 'journal_failed', message: j.error.message });
  } catch (e) {
    return err({ code: 'journal_failed', message: e instanceof Error ? e.message : String(e) });
  }
}

/** The meta rows a save replaced, read in its transaction, so a save the journal refused can be undone. */
type Prior = { meta: (MetaRow | undefined)[]; metaKeys: string[] };

/**
 * `events`: each touched case's full event list (for the cache); `before`: each touched case's events
 * without this save's, from which an undo rebuilds the projections (instead of every save reading the
 * old rows back in its transaction — a case state is the largest row a save writes).
 */
type Stored = {
  events: Map<string, readonly CaseEvent[]>;
  before: Map<string, readonly CaseEvent[]>;
  prior: Prior;
};

/** The strict transaction; resolves to each touched case's full event list (for the cache). */
async function storeFresh(
  ctx: DataContext,
  fresh: readonly CaseEvent[],
  sealing: Promise<readonly SealedRecord[]>,
  opts: AppendOptions,
): Promise<Result<Stored, DataError>> {
  const caseIds = [...new Set(fresh.map((e) => e.caseId))];
  const projections = await projectCases(ctx, caseIds, fresh);
  if (!projections.ok) return projections;
  const rows = (await sealing).map((r, i) => toEventRow(fresh[i], r));
  const outbox: OutboxRow[] =
    opts.outbox === false
      ? []
      : fresh.map((e) => ({ id: e.id, caseId: e.caseId, queuedAt: ctx.now(), attempts: 0 }));
  const metaKeys = (opts.meta ?? []).map((m) => m.key);
  const built = projections.value.built;
  let meta: (MetaRow | undefined)[];
  try {
    meta = await ctx.db.transaction(
      'rw',
      [ctx.db.events, ctx.db.outbox, ctx.db.cases, ctx.db.caseStates, ctx.db.caseFacts, ctx.db.meta],
      async () => {
        // Every request goes out at once, the read of the old meta first (IndexedDB runs a transaction's
        // requests in order): one round trip for the whole save, not one per table (#4 item 7). Any
        // failure rejects and aborts the transaction whole.
        const [old] = await Promise.all([
          metaKeys.length ? ctx.db.meta.bulkGet(metaKeys) : Promise.resolve([]),
          ctx.db.events.bulkAdd(rows),
          opts.meta?.length ? ctx.db.meta.bulkPut([...opts.meta]) : undefined,
          outbox.length ? ctx.db.outbox.bulkPut(outbox) : undefined,
          ctx.db.cases.bulkPut(built.cases),
          ctx.db.caseStates.bulkPut(built.states),
          // The dashboard's facts (migration 006) change in the same transaction as the state they digest.
          ctx.db.caseFacts.bulkPut(built.facts),
        ]);
        return old;
      },
    );
  } catch (e) {
    return err({ code: 'storage_failed', message: e instanceof Error ? e.message : String(e) });
  }
  return ok({
    events: projections.value.events,
    before: projections.value.before,
    prior: { meta, metaKeys },
  });
}

/**
 * Takes a committed save back (its journal append failed): deletes its events and outbox entries, puts
 * back the meta it replaced, and rebuilds each touched case's projections from the case's other events
 * (a case that had none loses its rows) — in one transaction.
 */
async function undo(
  ctx: DataContext,
  fresh: readonly CaseEvent[],
  prior: Prior,
  before: ReadonlyMap<string, readonly CaseEvent[]>,
): Promise<void> {
  const ids = fresh.map((e) => e.id);
  const restore = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);
  const kept = [...before].filter(([, events]) => events.length > 0).map(([caseId]) => caseId);
  const emptied = [...before].filter(([, events]) => events.length === 0).map(([caseId]) => caseId);
  try {
    const rebuilt = await buildProjections(ctx.codec, ctx.env, kept, [...before.values()].flat());
    await ctx.db.transaction(
      'rw',
      [ctx.db.events, ctx.db.outbox, ctx.db.cases, ctx.db.caseStates, ctx.db.caseFacts, ctx.db.meta],
      async () => {
        await Promise.all([
          ctx.db.events.bulkDelete(ids),
          ctx.db.outbox.bulkDelete(ids),
          ctx.db.cases.bulkDelete(emptied),
          ctx.db.caseStates.bulkDelete(emptied),
          ctx.db.caseFacts.bulkDelete(emptied),
          ctx.db.cases.bulkPut(rebuilt.cases),
          ctx.db.caseStates.bulkPut(rebuilt.states),
          ctx.db.caseFacts.bulkPut(rebuilt.facts),
          ctx.db.meta.bulkDelete(prior.metaKeys.filter((_, i) => prior.meta[i] === undefined)),
          ctx.db.meta.bulkPut(restore(prior.meta)),
        ]);
      },
    );
  } catch {
    // The events stay in IndexedDB without a journal line; the save was reported failed all the same.
  }
}

function toEventRow(e: CaseEvent | undefined, sealed: SealedRecord): EventRow {
  if (!e) throw new Error('sealed record without its event');
  return {
    id: e.id,
    caseId: e.caseId,
    deviceId: e.actor.deviceId,
    deviceSeq: e.deviceSeq,
    hlc: e.at.hlc,
    body: sealed.row,
  };
}

/** Every stored event of a case, opened through the codec. */
export async function readCaseEvents(
  ctx: DataContext,
  caseId: string,
): Promise<Result<CaseEvent[], DataError>> {
  const rows = await ctx.db.events.where('caseId').equals(caseId).toArray();
  try {
    return ok(
      await Promise.all(rows.map(async (r) => (await ctx.codec.open('events', r.body)) as CaseEvent)),
    );
  } catch (e) {
    return err({ code: 'corrupt_row', message: e instanceof Error ? e.message : String(e) });
  }
}

/** Saves touching more cases than this (an import, a recovery) are not kept in the cache. */
const CACHE_WRITES_UP_TO = 4;

async function projectCases(
  ctx: DataContext,
  caseIds: readonly string[],
  fresh: readonly CaseEvent[],
): Promise<
  Result<
    {
      built: Projections;
      events: Map<string, readonly CaseEvent[]>;
      before: Map<string, readonly CaseEvent[]>;
    },
    DataError
  >
> {
  // The cases not in the cache: their stored events in one indexed query (a pulled page touches
  // hundreds of cases; one query per case was most of applying it, #7 item 8).
  const uncached = caseIds.filter((id) => !ctx.cache.events.has(id));
  const read = await readEventsOfCases(ctx, uncached);
  if (!read.ok) return read;
  const freshOf = groupByCase(fresh);
  const all: CaseEvent[] = [];
  const byCase = new Map<string, readonly CaseEvent[]>();
  const before = new Map<string, readonly CaseEvent[]>();
  for (const caseId of caseIds) {
    // A copy: the reducer may keep references into payloads; the cached events must stay as stored.
    const cached = ctx.cache.events.get(caseId);
    const stored = cached ? structuredClone(cached) : (read.value.get(caseId) ?? []);
    before.set(caseId, stored);
    const mine = [...stored, ...(freshOf.get(caseId) ?? [])];
    all.push(...mine);
    if (caseIds.length <= CACHE_WRITES_UP_TO) byCase.set(caseId, mine);
  }
  return ok({ built: await buildProjections(ctx.codec, ctx.env, caseIds, all), events: byCase, before });
}

function groupByCase(events: readonly CaseEvent[]): Map<string, CaseEvent[]> {
  const out = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = out.get(e.caseId);
    if (list) list.push(e);
    else out.set(e.caseId, [e]);
  }
  return out;
}

/** Every stored event of these cases, opened through the codec, by case. */
async function readEventsOfCases(
  ctx: DataContext,
  caseIds: readonly string[],
): Promise<Result<Map<string, CaseEvent[]>, DataError>> {
  if (caseIds.length === 0) return ok(new Map());
  const rows = await ctx.db.events
    .where('caseId')
    .anyOf([...caseIds])
    .toArray();
  try {
    const events = await Promise.all(
      rows.map(async (r) => (await ctx.codec.open('events', r.body)) as CaseEvent),
    );
    return ok(groupByCase(events));
  } catch (e) {
    return err({ code: 'corrupt_row', message: e instanceof Error ? e.message : String(e) });
  }
}
