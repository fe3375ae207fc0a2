/*
 * The baseline every later local benchmark is compared with: raw IndexedDB, one readwrite transaction,
 * 10,000 puts of ~2 KB records, in Chromium with an on-disk profile. Plus Dexie bulkPut of the same
 * records, reported as a ratio, so the library's overhead is visible in the same run.
 */
import Dexie from 'dexie';
import { register } from './registry';

const N = 10_000;
const filler = '劳动争议案件记录'.repeat(110); // ~1.9 KB of UTF-16 text with the JSON around it

export function makeRecord(i: number): Record<string, unknown> {
  return {
    id: `case-${i.toString().padStart(6, '0')}`,
    status: ['open', 'mediating', 'closed'][i % 3],
    updatedAt: 1_700_000_000_000 + i,
    assignee: `user-${i % 17}`,
    body: filler,
  };
}

const records = Array.from({ length: N }, (_, i) => makeRecord(i));

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const s = req.result.createObjectStore('cases', { keyPath: 'id' });
      s.createIndex('status', 'status');
      s.createIndex('updatedAt', 'updatedAt');
      s.createIndex('status_updatedAt', ['status', 'updatedAt']);
      s.createIndex('assignee', 'assignee');
    };
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('open failed'));
    };
  });
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess =
      req.onerror =
      req.onblocked =
        () => {
          resolve();
        };
  });
}

let seq = 0;

register({
  name: 'idb-raw-10k-put-2kb',
  runs: 5,
  run: async () => {
    const name = `bench-raw-${seq++}`;
    const db = await openRaw(name);
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('cases', 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('cases');
      for (const r of records) store.put(r);
      tx.oncomplete = () => {
        resolve();
      };
      tx.onerror = () => {
        reject(tx.error ?? new Error('tx failed'));
      };
    });
    const ms = performance.now() - t0;
    db.close();
    await deleteDb(name);
    return ms;
  },
});

register({
  name: 'dexie-bulkput-10k-2kb',
  baseline: 'idb-raw-10k-put-2kb',
  runs: 5,
  run: async () => {
    const name = `bench-dexie-${seq++}`;
    const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
    db.version(1).stores({ cases: 'id, status, updatedAt, [status+updatedAt], assignee' });
    await db.open();
    const t0 = performance.now();
    await db.table('cases').bulkPut(records);
    const ms = performance.now() - t0;
    db.close();
    await Dexie.delete(name);
    return ms;
  },
});
