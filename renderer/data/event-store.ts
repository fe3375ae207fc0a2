/*
 * Appending events: the only write path for case data on the laptop. One call:
 *   1. seals each new event and appends it to the journal (write-ahead; durable before we go on),
 *   2. in ONE strict IndexedDB transaction writes the events, their outbox entries and the projections
 *      of every case they touch.
 * Only when both have completed does it resolve, so the UI may then say 已保存到本机. Idempotent by
 * event id: an event already stored is skipped, never overwritten.
 */
import type { CaseEvent } from '#shared/events/envelope';
import { err, ok, type Result } from '#shared/util/result';
import type { Codec } from './codec';
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
};

export function createDataContext(parts: Omit<DataContext, 'serial'>): DataContext {
  return { ...parts, serial: createSerialQueue() };
}

export type AppendReport = { stored: string[]; skipped: string[] };

export type AppendOptions = {
  journal?: boolean;
  outbox?: boolean;
  /** Device metadata to commit in the same transaction (the writer's clock): one durable commit per save. */
  meta?: readonly MetaRow[];
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
  {
    const existing = await ctx.db.events.bulkGet(events.map((e) => e.id));
    const seen = new Set<string>();
    const fresh = events.filter((e, i) => {
      if (existing[i] || seen.has(e.id)) return false;
      seen.add(e.id);
      return true;
    });
    const skipped = events.filter((e) => !fresh.includes(e)).map((e) => e.id);
    if (fresh.length === 0) return ok({ stored: [], skipped });

    if (opts.journal !== false) {
      const lines = await Promise.all(
        fresh.map(async (e) => JSON.stringify(await ctx.codec.seal('journal', e))),
      );
      const j = await ctx.journal.append(lines);
      if (!j.ok) return err({ code: 'journal_failed', message: j.error.message });
    }
    const rows = await Promise.all(fresh.map((e) => toEventRow(ctx.codec, e)));
    const caseIds = [...new Set(fresh.map((e) => e.caseId))];
    const projections = await projectCases(ctx, caseIds, fresh);
    if (!projections.ok) return projections;
    const outbox: OutboxRow[] =
      opts.outbox === false
        ? []
        : fresh.map((e) => ({ id: e.id, caseId: e.caseId, queuedAt: ctx.now(), attempts: 0 }));
    try {
      await ctx.db.transaction(
        'rw',
        [ctx.db.events, ctx.db.outbox, ctx.db.cases, ctx.db.caseStates, ctx.db.meta],
        async () => {
          await ctx.db.events.bulkAdd(rows);
          if (opts.meta?.length) await ctx.db.meta.bulkPut([...opts.meta]);
          if (outbox.length) await ctx.db.outbox.bulkPut(outbox);
          await ctx.db.cases.bulkPut(projections.value.cases);
          await ctx.db.caseStates.bulkPut(projections.value.states);
        },
      );
    } catch (e) {
      return err({ code: 'storage_failed', message: e instanceof Error ? e.message : String(e) });
    }
    return ok({ stored: fresh.map((e) => e.id), skipped });
  }
}

async function toEventRow(codec: Codec, e: CaseEvent): Promise<EventRow> {
  return {
    id: e.id,
    caseId: e.caseId,
    deviceId: e.actor.deviceId,
    deviceSeq: e.deviceSeq,
    hlc: e.at.hlc,
    body: await codec.seal('events', e),
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

async function projectCases(
  ctx: DataContext,
  caseIds: readonly string[],
  fresh: readonly CaseEvent[],
): Promise<Result<Projections, DataError>> {
  const all: CaseEvent[] = [];
  for (const caseId of caseIds) {
    const stored = await readCaseEvents(ctx, caseId);
    if (!stored.ok) return stored;
    all.push(...stored.value, ...fresh.filter((e) => e.caseId === caseId));
  }
  return ok(await buildProjections(ctx.codec, ctx.env, caseIds, all));
}
