/*
 * Migration 004: a case is found under ANY of its dispute categories. The upgrade keeps what a v3 row
 * knew (its first category) and flags the rest; the start-up backfill reads the sealed summaries and
 * writes every category, after which the category filter's index range finds the case under each one.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { completeCategoryIndex } from '../../../../renderer/data/category-index';
import { plainCodec } from '../../../../renderer/data/codec';
import { openTribunalDb } from '../../../../renderer/data/db';
import { createDataContext } from '../../../../renderer/data/event-store';
import { memoryJournal } from '../../../../renderer/data/journal';
import { CATEGORY_BACKFILL } from '../../../../renderer/data/migrations/004-category-any';
import { queryCasePage } from '../../../../renderer/data/queries';
import { calendar } from './store-harness';
import { freshDb } from './fresh-db';

const v3Row = (id: string, categories: string[], nextDeadline: string) => ({
  id,
  status: 'registered',
  category: categories[0] ?? '',
  nextDeadline,
  assigneeId: '',
  updatedHlc: '0',
  searchTokens: [],
  body: { v: 1, alg: 'none', data: { caseId: id, categories } },
});

describe('migration 004: category filter matches any category', () => {
  it('replaces the single category column with multiEntry categories and [category, deadline] pairs', async () => {
    const { db } = freshDb(4);
    await db.open();
    expect(db.verno).toBe(4);
    const indexes = db.cases.schema.indexes;
    expect(indexes.map((i) => i.name).sort()).toEqual(
      [
        '[assigneeId+nextDeadline]',
        '[status+nextDeadline]',
        'assigneeId',
        'categories',
        'categoryDeadlines',
        'nextDeadline',
        'searchTokens',
        'status',
        'updatedHlc',
      ].sort(),
    );
    expect(
      indexes
        .filter((i) => i.multi)
        .map((i) => i.name)
        .sort(),
    ).toEqual(['categories', 'categoryDeadlines', 'searchTokens']);
    expect(await db.meta.get(CATEGORY_BACKFILL)).toBeUndefined();
    db.close();
  });

  it('keeps a v3 row findable by its first category at once, then by every category after the backfill', async () => {
    const { db, factory, name } = freshDb(3);
    await db
      .table('cases')
      .bulkAdd([
        v3Row('c1', ['wage_arrears', 'work_injury'], '2026-12-09'),
        v3Row('c2', ['work_injury'], '2026-12-01'),
        v3Row('c3', [], '9999-12-31'),
      ]);
    db.close();
    const v4 = openTribunalDb(name, { indexedDB: factory, IDBKeyRange });
    const under = (c: string) =>
      v4.cases.where('categoryDeadlines').between([c, Dexie.minKey], [c, Dexie.maxKey]).primaryKeys();
    expect(await under('wage_arrears')).toEqual(['c1']);
    expect(await under('work_injury')).toEqual(['c2']);
    expect((await v4.cases.get('c3'))?.categories).toEqual([]);
    expect((await v4.cases.get('c1')) as unknown).not.toHaveProperty('category');
    expect((await v4.meta.get(CATEGORY_BACKFILL))?.value).toBe(true);

    const ctx = createDataContext({
      db: v4,
      codec: plainCodec,
      journal: memoryJournal(),
      now: () => 0,
      env: { calendar: calendar(), today: () => '2026-11-28' },
    });
    expect(await completeCategoryIndex(ctx)).toBe(1);
    expect(await under('work_injury')).toEqual(['c2', 'c1']);
    expect((await v4.cases.get('c1'))?.categoryDeadlines).toEqual([
      ['wage_arrears', '2026-12-09'],
      ['work_injury', '2026-12-09'],
    ]);
    expect(await v4.meta.get(CATEGORY_BACKFILL)).toBeUndefined();
    const page = await queryCasePage(ctx, { categories: ['work_injury'], today: '2026-11-28' }, 0, 30);
    expect(page.ids).toEqual(['c2', 'c1']);
    // Done once: a second start changes nothing.
    expect(await completeCategoryIndex(ctx)).toBe(0);
    v4.close();
  });
});
