// A fresh, isolated IndexedDB per test (fake-indexeddb), so no test sees another's data.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openTribunalDb, type TribunalDb } from '../../../../renderer/data/db';

let n = 0;
export function freshDb(upTo?: number): { db: TribunalDb; factory: IDBFactory; name: string } {
  const factory = new IDBFactory();
  const name = `tribunal-test-${n++}`;
  const db = openTribunalDb(name, { indexedDB: factory, IDBKeyRange, ...(upTo ? { upTo } : {}) });
  return { db, factory, name };
}
