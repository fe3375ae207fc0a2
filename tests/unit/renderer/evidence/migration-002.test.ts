import { describe, expect, it } from 'vitest';
import { IDBKeyRange } from 'fake-indexeddb';
import { openTribunalDb } from '../../../../renderer/data/db';
import { freshDb } from '../data/fresh-db';

describe('migration 002: blob chunks', () => {
  it('adds blobChunks keyed [blobKey+index] and a state index on blobs', async () => {
    const { db } = freshDb(2);
    await db.open();
    expect(db.verno).toBe(2);
    const chunks = db.table('blobChunks').schema;
    expect(chunks.primKey.name).toBe('[blobKey+index]');
    expect(db.table('blobs').schema.indexes.map((i) => i.name)).toEqual(['state']);
    db.close();
  });

  it('moves a v1 inline blob into chunk 0 of 1 under its hash, bytes unchanged', async () => {
    const { db, factory, name } = freshDb(1);
    const bytes = Uint8Array.from([1, 2, 3, 4]);
    await db.blobs.put({ sha256: 'a'.repeat(64), size: 4, mime: 'image/png', bytes });
    db.close();
    const v2 = openTribunalDb(name, { indexedDB: factory, IDBKeyRange });
    const row = (await v2.table('blobs').get('a'.repeat(64))) as Record<string, unknown>;
    expect(row).toEqual({
      sha256: 'a'.repeat(64),
      size: 4,
      mime: 'image/png',
      blobKey: 'a'.repeat(64),
      chunkCount: 1,
      state: 'complete',
    });
    const chunk = (await v2.table('blobChunks').get(['a'.repeat(64), 0])) as { bytes: Uint8Array };
    expect([...chunk.bytes]).toEqual([1, 2, 3, 4]);
    v2.close();
  });
});
