/*
 * Start-up check (architecture.md, "Durability"): Chromium can lose a whole IndexedDB store (full disk,
 * LevelDB corruption, an update). Every event is in the journal too, so on start we put back every
 * journalled event IndexedDB lacks and rebuild the projections of the cases they touch. It also
 * finishes the category backfill migration 004 left to the codec (category-index.ts).
 */
import { parseCaseEvent } from '#shared/events/parse';
import type { CaseEvent } from '#shared/events/envelope';
import { err, ok, type Result } from '#shared/util/result';
import type { Sealed } from './codec';
import { completeCategoryIndex } from './category-index';
import { loadEnrollment } from './device';
import { appendEvents, type DataContext, type DataError } from './event-store';

export type RecoveryReport = {
  journalled: number;
  restored: number;
  unreadable: number[];
  /** Events IndexedDB held without a journal line (the app closed between the two commits), now journalled. */
  rejournalled: number;
};

export async function recoverFromJournal(ctx: DataContext): Promise<Result<RecoveryReport, DataError>> {
  const read = await ctx.journal.readAll();
  if (!read.ok) return err({ code: 'journal_failed', message: read.error.message });
  // The last line of an id wins: after the hub refused an event for good, this device re-links and
  // re-signs its later events (renderer/data/outbox.ts setAside) and journals the new versions.
  const byId = new Map<string, CaseEvent>();
  const unreadable: number[] = [];
  for (const [i, line] of read.value.entries()) {
    const parsed = await openLine(ctx, line);
    if (parsed) byId.set(parsed.id, parsed);
    else unreadable.push(i + 1);
  }
  const events = [...byId.values()];
  // This device's restored events go back to the outbox (the hub answers "duplicate" for any it already
  // has); events that came from other devices through the hub are never pushed back.
  const own = (await loadEnrollment(ctx.db))?.deviceId;
  const mine = events.filter((e) => e.actor.deviceId === own);
  const theirs = events.filter((e) => e.actor.deviceId !== own);
  const r = await appendEvents(ctx, mine, { journal: false });
  if (!r.ok) return r;
  const r2 = await appendEvents(ctx, theirs, { journal: false, outbox: false });
  if (!r2.ok) return r2;
  // A save commits its transaction while its journal line is being written (event-store.ts): if the app
  // died between the two, IndexedDB holds an event the journal lacks. Journal it now, so they agree.
  const rejournalled = await journalMissing(ctx, new Set(byId.keys()));
  if (!rejournalled.ok) return rejournalled;
  // Rows stored before migration 004 get all their categories (a no-op once done).
  try {
    await completeCategoryIndex(ctx);
  } catch (e) {
    return err({ code: 'corrupt_row', message: e instanceof Error ? e.message : String(e) });
  }
  return ok({
    journalled: read.value.length,
    restored: r.value.stored.length + r2.value.stored.length,
    unreadable,
    rejournalled: rejournalled.value,
  });
}

async function journalMissing(
  ctx: DataContext,
  journalled: ReadonlySet<string>,
): Promise<Result<number, DataError>> {
  const ids = (await ctx.db.events.toCollection().primaryKeys()).filter((id) => !journalled.has(id));
  if (ids.length === 0) return ok(0);
  try {
    const rows = (await ctx.db.events.bulkGet(ids)).filter((r) => r !== undefined);
    const lines = await Promise.all(
      rows.map(async (r) =>
        JSON.stringify(await ctx.codec.seal('journal', await ctx.codec.open('events', r.body))),
      ),
    );
    const j = await ctx.journal.append(lines);
    if (!j.ok) return err({ code: 'journal_failed', message: j.error.message });
    return ok(lines.length);
  } catch (e) {
    return err({ code: 'corrupt_row', message: e instanceof Error ? e.message : String(e) });
  }
}

async function openLine(ctx: DataContext, line: string): Promise<CaseEvent | null> {
  try {
    const value = await ctx.codec.open('journal', JSON.parse(line) as Sealed);
    const parsed = parseCaseEvent(value);
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}
