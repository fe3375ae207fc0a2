import { describe, expect, it } from 'vitest';
import { freshDb } from './fresh-db';

describe('migration 001: initial schema', () => {
  it('creates the event log, outbox, projections, blobs and meta with their indexes', async () => {
    const { db } = freshDb(1);
    await db.open();
    expect(db.verno).toBe(1);
    const tables = Object.fromEntries(
      db.tables.map((t) => [t.name, t.schema.indexes.map((i) => i.name).sort()]),
    );
    expect(tables).toEqual({
      events: ['[deviceId+deviceSeq]', 'caseId'],
      outbox: ['caseId', 'queuedAt'],
      cases: ['assigneeId', 'category', 'nextDeadline', 'searchTokens', 'status', 'updatedHlc'],
      caseStates: [],
      blobs: [],
      meta: [],
    });
    db.close();
  });

  it('indexes search tokens as a multi-entry index', async () => {
    const { db } = freshDb(1);
    // A v1 row (its single `category` column went in migration 004).
    await db.table('cases').add({
      id: 'c1',
      status: 'open',
      category: 'wage_arrears',
      nextDeadline: '2026-12-01',
      assigneeId: 'u1',
      updatedHlc: '0',
      searchTokens: ['张三', '1234'],
      body: { v: 1, alg: 'none', data: {} },
    });
    expect((await db.cases.where('searchTokens').equals('1234').toArray()).map((c) => c.id)).toEqual(['c1']);
    db.close();
  });
});
