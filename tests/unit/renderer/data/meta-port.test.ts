import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openMetaPort } from '../../../../renderer/data/meta-port';
import { openTribunalDb } from '../../../../renderer/data/db';

describe('meta port', () => {
  it('reads back what it wrote, and the store sees the same row', async () => {
    const indexedDB = new IDBFactory();
    const port = openMetaPort('meta-port-test', { indexedDB, IDBKeyRange });
    expect(await port.get('security.keyfile')).toBeUndefined();
    await port.put('security.keyfile', { v: 1, wrapped: 'abc' });
    expect(await port.get('security.keyfile')).toEqual({ v: 1, wrapped: 'abc' });
    port.close();
    const db = openTribunalDb('meta-port-test', { indexedDB, IDBKeyRange });
    expect((await db.meta.get('security.keyfile'))?.value).toEqual({ v: 1, wrapped: 'abc' });
    db.close();
  });
});
