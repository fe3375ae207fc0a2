/*
 * Migration 005: a search is a range of the [token, deadline] index. The upgrade gives every stored row
 * its pairs from its own tokens and deadline; later writes keep them in step (search-index.ts).
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { plainCodec } from '../../../../renderer/data/codec';
import { openTribunalDb, type CaseRow, type TribunalDb } from '../../../../renderer/data/db';
import { createDataContext } from '../../../../renderer/data/event-store';
import { memoryJournal } from '../../../../renderer/data/journal';
import { queryCasePage } from '../../../../renderer/data/queries';
import { calendar } from './store-harness';
import { freshDb } from './fresh-db';

const TODAY = '2026-11-28';

const v4Row = (id: string, searchTokens: string[], nextDeadline: string): CaseRow => ({
  id,
  status: 'registered',
  categories: ['wage_arrears'],
  categoryDeadlines: [['wage_arrears', nextDeadline]],
  nextDeadline,
  assigneeId: '',
  updatedHlc: '0',
  searchTokens,
  body: { v: 1, alg: 'none', data: { caseId: id } },
});

const ctxOf = (db: TribunalDb) =>
  createDataContext({
    db,
    codec: plainCodec,
    journal: memoryJournal(),
    now: () => 0,
    env: { calendar: calendar(), today: () => TODAY },
  });

const underToken = (db: TribunalDb, token: string) =>
  db.cases.where('tokenDeadlines').between([token, Dexie.minKey], [token, Dexie.maxKey]).primaryKeys();

describe('migration 005: search in deadline order', () => {
  it('replaces the bare searchTokens index with multiEntry [token, deadline] pairs', async () => {
    const { db } = freshDb(5);
    await db.open();
    expect(db.verno).toBe(5);
    const indexes = db.cases.schema.indexes;
    expect(indexes.map((i) => i.name).sort()).toEqual(
      [
        '[assigneeId+nextDeadline]',
        '[status+nextDeadline]',
        'assigneeId',
        'categories',
        'categoryDeadlines',
        'nextDeadline',
        'status',
        'tokenDeadlines',
        'updatedHlc',
      ].sort(),
    );
    expect(
      indexes
        .filter((i) => i.multi)
        .map((i) => i.name)
        .sort(),
    ).toEqual(['categories', 'categoryDeadlines', 'tokenDeadlines']);
    db.close();
  });

  it('backfills the pairs of rows stored at v4, which a search then finds in deadline order', async () => {
    const { db, factory, name } = freshDb(4);
    await db.open();
    // Written at v4 through the raw table (no pairs yet, as a device before this version has them).
    const raw = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('cases', 'readwrite');
      const store = tx.objectStore('cases');
      store.put(v4Row('c1', ['张', '张三', '1234'], '2026-12-09'));
      store.put(v4Row('c2', ['张', '张伟'], '2026-12-01'));
      store.put(v4Row('c3', ['李', '1234', '1234'], '9999-12-31'));
      store.put(v4Row('c4', [], '2026-12-02'));
      tx.oncomplete = () => {
        resolve();
      };
      tx.onerror = () => {
        reject(tx.error ?? new Error('write failed'));
      };
    });
    expect((await db.cases.get('c1'))?.tokenDeadlines).toBeUndefined();
    db.close();

    const v5 = openTribunalDb(name, { indexedDB: factory, IDBKeyRange });
    expect(await underToken(v5, '张')).toEqual(['c2', 'c1']);
    expect(await underToken(v5, '1234')).toEqual(['c1', 'c3']);
    expect((await v5.cases.get('c1'))?.tokenDeadlines).toEqual([
      ['张', '2026-12-09'],
      ['张三', '2026-12-09'],
      ['1234', '2026-12-09'],
    ]);
    // A repeated token is one pair; a row without tokens has none.
    expect((await v5.cases.get('c3'))?.tokenDeadlines).toEqual([
      ['李', '9999-12-31'],
      ['1234', '9999-12-31'],
    ]);
    expect((await v5.cases.get('c4'))?.tokenDeadlines).toEqual([]);
    const page = await queryCasePage(ctxOf(v5), { search: '张', today: TODAY }, 0, 30);
    expect(page.ids).toEqual(['c2', 'c1']);
    v5.close();
  });

  it('keeps the pairs in step when a row is re-projected or modified, whoever writes it', async () => {
    const { db } = freshDb();
    await db.cases.put(v4Row('c1', ['王'], '2026-12-09'));
    await db.cases.put(v4Row('c2', ['王'], '2026-12-05'));
    expect(await underToken(db, '王')).toEqual(['c2', 'c1']);
    // The deadline moves (a new event re-projects the row): c1 now comes first.
    await db.cases.where('id').equals('c1').modify({ nextDeadline: '2026-12-01' });
    expect(await underToken(db, '王')).toEqual(['c1', 'c2']);
    // The tokens change (a corrected name): the old token no longer finds it.
    const c2 = await db.cases.get('c2');
    if (!c2) throw new Error('c2 missing');
    await db.cases.bulkPut([{ ...c2, searchTokens: ['汪'], tokenDeadlines: [['王', '2026-12-05']] }]);
    expect(await underToken(db, '王')).toEqual(['c1']);
    expect(await underToken(db, '汪')).toEqual(['c2']);
    expect((await db.cases.get('c2'))?.tokenDeadlines).toEqual([['汪', '2026-12-05']]);
    db.close();
  });
});
