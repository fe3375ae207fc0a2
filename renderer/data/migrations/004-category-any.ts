/*
 * v4: the category filter matches ANY of a case's dispute categories, not only the first (a wage case
 * with a work injury is found under both). IndexedDB has no compound multiEntry index, so a case row
 * carries `categories` (multiEntry: "any of these") and `categoryDeadlines`, one [category, nextDeadline]
 * pair per category (multiEntry of array keys: "this category, soonest first" stays one index range, as
 * [category+nextDeadline] was). The single `category` column and its indexes go.
 * Upgrade: a v3 row knew only its first category, so it gets that one now and the meta flag
 * CATEGORY_BACKFILL; the store then reads each row's sealed summary (the codec is not available here)
 * and writes every category (renderer/data/category-index.ts).
 */
import type { Migration } from './types';

/** Meta key set by the upgrade while rows still carry only their first category. */
export const CATEGORY_BACKFILL = 'caseload.categoryBackfill';

type V3Row = { category?: string; nextDeadline?: string; categories?: string[] };

export const m004: Migration = {
  version: 4,
  stores: {
    cases:
      'id, status, nextDeadline, assigneeId, updatedHlc, *searchTokens, [status+nextDeadline], [assigneeId+nextDeadline], *categories, *categoryDeadlines',
  },
  upgrade: async (tx) => {
    let rows = 0;
    await tx
      .table('cases')
      .toCollection()
      .modify((row: V3Row) => {
        const first = row.category ?? '';
        row.categories = first === '' ? [] : [first];
        Object.assign(row, {
          categoryDeadlines: row.categories.map((c) => [c, row.nextDeadline ?? '9999-12-31']),
        });
        delete row.category;
        rows++;
      });
    if (rows > 0) await tx.table('meta').put({ key: CATEGORY_BACKFILL, value: true });
  },
};
