/*
 * One event saved to durable (issue #4 part 7, goal p99 < 20 ms): what a tap on 保存 costs — sign the
 * event, append it to the OPFS journal, then one strict IndexedDB transaction with the event, its outbox
 * entry and the case projection. 200 saves in a row on one case (its projection grows with every note);
 * a run reports the 50th or the 99th percentile of its saves. The baseline is the same count of single
 * strict-durability puts of a 2 KB record on raw IndexedDB, at the same percentile.
 *
 * The journal is the app's: the OPFS journal worker (a sync access handle, append + flush), started
 * from the script run-bench.mjs builds next to the page; a run refuses to report if the worker did not
 * answer. `save-one-event-fallback-*` measures the fallback journal (one writable per append, what
 * browsers without createSyncAccessHandle get) in the same run.
 */
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { plainCodec, type Codec } from '../../../renderer/data/codec';
import { codecFromRawKey } from '../../../renderer/security/crypto-codec';
import type { Enrollment } from '../../../renderer/data/device';
import { openStore } from '../../../renderer/data/store';
import { createBrowserPlatform } from '../../../renderer/platform/browser';
import { journalPortFrom } from '../../../renderer/platform/journal-port';
import { createOpfsJournal } from '../../../renderer/platform/opfs-journal';
import { createWorkerJournal, wrapWorker } from '../../../renderer/platform/opfs-journal-client';
import { makeRecord } from './idb-baseline';
import { register } from './registry';

const SAVES = 200;

const ENROLLMENT: Enrollment = {
  deviceId: '01900000-0000-7000-8000-0000000000b1',
  userId: '01900000-0000-7000-8000-0000000000b2',
  userName: '王调解',
  orgId: '01900000-0000-7000-8000-0000000000b3',
  orgName: '荆门市劳动人事争议仲裁院',
  orgKind: 'arbitration',
  caseNumberPrefix: '荆劳人仲字',
  roles: ['mediator'],
  hubUrl: 'http://127.0.0.1:8787',
};

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

let seq = 0;

/** The latency of each of SAVES single-event writes through the store, in ms. */
async function appSaves(
  backend: 'sync-handle' | 'fallback' = 'sync-handle',
  codec: Codec = plainCodec,
): Promise<number[]> {
  const calendar = bundledHolidayCalendar();
  if (!calendar.ok) throw new Error('calendar');
  const dirName = `bench-save-journal-${String(seq)}`;
  const dbName = `bench-save-${String(seq++)}`;
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(dirName, { create: true });
  const getDirectory = () => Promise.resolve(dir);
  const fileJournal = createWorkerJournal({
    startWorker: () =>
      backend === 'fallback' ? null : wrapWorker(new Worker('./opfs-journal-worker.js', { type: 'module' })),
    getDirectory,
    fileName: 'tribunal-journal.jsonl',
    fallback: () => createOpfsJournal(getDirectory, 'tribunal-journal.jsonl'),
  });
  if ((await fileJournal.backend()) !== backend) throw new Error(`journal backend is not ${backend}`);
  const journal = journalPortFrom(
    createBrowserPlatform({ hubOrigin: location.origin, getDirectory, journal: fileJournal }),
  );
  const store = openStore({ dbName, codec, journal, calendar: calendar.value });
  await store.saveEnrollment(ENROLLMENT);
  const author = await store.author();
  if (!author) throw new Error('not enrolled');
  const caseId = store.newId();
  const opened = await store.write(author, [
    {
      caseId,
      type: 'case.opened',
      payload: {
        kind: 'mediation',
        tempNumber: await store.nextTempNumber(author),
        channel: 'mobile',
        disputeCategories: ['wage_arrears'],
        caseCause: '追索劳动报酬',
        collective: false,
        receivedAt: '2026-11-28T01:00:00.000Z',
      },
    },
  ]);
  if (!opened.ok) throw new Error(opened.error.message);
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const t0 = performance.now();
    const r = await store.write(author, [
      {
        caseId,
        type: 'note.recorded',
        payload: {
          noteId: store.newId(),
          method: 'five_heart',
          stage: 1 + (i % 5),
          fields: {},
          text: '工人陈述：公司拖欠三个月工资，要求一次性支付。',
        },
      },
    ]);
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  store.close();
  fileJournal.close();
  // The worker's file lock goes with the worker, a moment after terminate().
  for (let i = 0; ; i++) {
    try {
      await root.removeEntry(dirName, { recursive: true });
      break;
    } catch (e) {
      if (i >= 20) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  indexedDB.deleteDatabase(dbName);
  return times;
}

/** The latency of each of SAVES single strict puts on raw IndexedDB, in ms. */
async function rawSaves(): Promise<number[]> {
  const name = `bench-save-raw-${String(seq++)}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('cases', { keyPath: 'id' });
    };
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('open failed'));
    };
  });
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('cases', 'readwrite', { durability: 'strict' });
      tx.objectStore('cases').put(makeRecord(i));
      tx.oncomplete = () => {
        resolve();
      };
      tx.onerror = () => {
        reject(tx.error ?? new Error('put failed'));
      };
    });
    times.push(performance.now() - t0);
  }
  db.close();
  indexedDB.deleteDatabase(name);
  return times;
}

register({ name: 'save-one-raw-idb-p50', runs: 3, run: async () => percentile(await rawSaves(), 50) });
register({ name: 'save-one-raw-idb-p99', runs: 3, run: async () => percentile(await rawSaves(), 99) });
register({
  name: 'save-one-event-p50',
  baseline: 'save-one-raw-idb-p50',
  runs: 3,
  run: async () => percentile(await appSaves(), 50),
});
register({
  name: 'save-one-event-p99',
  baseline: 'save-one-raw-idb-p99',
  runs: 3,
  run: async () => percentile(await appSaves(), 99),
});
register({
  name: 'save-one-event-fallback-p50',
  baseline: 'save-one-raw-idb-p50',
  runs: 3,
  run: async () => percentile(await appSaves('fallback'), 50),
});
register({
  name: 'save-one-event-fallback-p99',
  baseline: 'save-one-raw-idb-p99',
  runs: 3,
  run: async () => percentile(await appSaves('fallback'), 99),
});
// #8 part 6: the same saves with the AES-GCM codec of an unlocked session, against plain in the same run.
let aesCodec: Codec | undefined;
const aes = async (): Promise<Codec> =>
  (aesCodec ??= (await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)))).codec);
register({
  name: 'save-one-event-aes-gcm-p50',
  baseline: 'save-one-event-p50',
  runs: 3,
  run: async () => percentile(await appSaves('sync-handle', await aes()), 50),
});
register({
  name: 'save-one-event-aes-gcm-p99',
  baseline: 'save-one-event-p99',
  runs: 3,
  run: async () => percentile(await appSaves('sync-handle', await aes()), 99),
});
