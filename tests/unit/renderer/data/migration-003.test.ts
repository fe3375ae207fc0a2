import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { openTribunalDb } from '../../../../renderer/data/db';
import { freshDb } from './fresh-db';

const row = (id: string, status: string, category: string, nextDeadline: string, assigneeId: string) => ({
  id,
  status,
  category,
  nextDeadline,
  assigneeId,
  updatedHlc: '0',
  searchTokens: [],
  body: { v: 1, alg: 'none', data: {} },
});

describe('migration 003: caseload order indexes', () => {
  it('adds [status|category|assigneeId + nextDeadline] to the case rows', async () => {
    const { db } = freshDb(3);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.cases.schema.indexes.map((i) => i.name).sort()).toEqual(
      [
        '[assigneeId+nextDeadline]',
        '[category+nextDeadline]',
        '[status+nextDeadline]',
        'assigneeId',
        'category',
        'nextDeadline',
        'searchTokens',
        'status',
        'updatedHlc',
      ].sort(),
    );
    db.close();
  });

  it('indexes the rows a v2 database already held, soonest deadline first within a status', async () => {
    const { db, factory, name } = freshDb(2);
    // v2/v3 rows: one `category` column (migration 004 replaced it).
    await db
      .table('cases')
      .bulkAdd([
        row('c1', 'in_session', 'wage_arrears', '2026-12-09', 'u1'),
        row('c2', 'registered', 'wage_arrears', '2026-12-01', 'u1'),
        row('c3', 'in_session', 'work_injury', '2026-12-02', 'u2'),
        row('c4', 'in_session', 'wage_arrears', '9999-12-31', 'u1'),
      ]);
    db.close();
    const v3 = openTribunalDb(name, { indexedDB: factory, IDBKeyRange, upTo: 3 });
    const inSession = await v3.cases
      .where('[status+nextDeadline]')
      .between(['in_session', Dexie.minKey], ['in_session', Dexie.maxKey])
      .primaryKeys();
    expect(inSession).toEqual(['c3', 'c1', 'c4']);
    const wages = await v3.cases
      .where('[category+nextDeadline]')
      .between(['wage_arrears', Dexie.minKey], ['wage_arrears', Dexie.maxKey])
      .primaryKeys();
    expect(wages).toEqual(['c2', 'c1', 'c4']);
    const mineOverdue = await v3.cases
      .where('[assigneeId+nextDeadline]')
      .between(['u1', Dexie.minKey], ['u1', '2026-12-05'])
      .primaryKeys();
    expect(mineOverdue).toEqual(['c2']);
    v3.close();
  });
});
