/*
 * After migration 004 a case row stored before it carries only its first dispute category (the upgrade
 * cannot open the sealed summary, which holds them all). On start, while the flag is set, this reads
 * each row's summary through the codec and writes every category, a chunk at a time inside the data
 * context's serial queue (no write can re-project a row between the read and the update), then clears
 * the flag. Run from recoverFromJournal.
 */
import type { CaseRow } from './db';
import type { DataContext } from './event-store';
import { CATEGORY_BACKFILL } from './migrations/004-category-any';
import type { CaseSummary } from './projections';

const CHUNK = 2000;

type Step = { last: string | null; count: number; updated: number };

/** Writes every category of the rows stored before migration 004; returns how many rows changed. */
export async function completeCategoryIndex(ctx: DataContext): Promise<number> {
  if (!(await ctx.db.meta.get(CATEGORY_BACKFILL))) return 0;
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const step: Step = await ctx.serial(async (): Promise<Step> => {
      const rows: CaseRow[] =
        from === null
          ? await ctx.db.cases.orderBy('id').limit(CHUNK).toArray()
          : await ctx.db.cases.where('id').above(from).limit(CHUNK).toArray();
      const updates: CaseRow[] = [];
      for (const row of rows) {
        const summary = (await ctx.codec.open('cases', row.body)) as Pick<CaseSummary, 'categories'>;
        const categories = [...new Set(summary.categories)];
        if (categories.join('\n') === row.categories.join('\n')) continue;
        updates.push({
          ...row,
          categories,
          categoryDeadlines: categories.map((c): [string, string] => [c, row.nextDeadline]),
        });
      }
      if (updates.length) await ctx.db.cases.bulkPut(updates);
      return { last: rows.at(-1)?.id ?? null, count: rows.length, updated: updates.length };
    });
    changed += step.updated;
    if (step.count < CHUNK || step.last === null) break;
    after = step.last;
  }
  await ctx.db.meta.delete(CATEGORY_BACKFILL);
  return changed;
}
