/*
 * Encryption's cost on the write path (#8 part 6, goal ≤ 1.3×): 10,000 signed events (1,000 cases × 10)
 * appended through renderer/data's appendEvents in saves of 100 events — journal to OPFS, events,
 * outbox and projections to IndexedDB — once with the plain codec (baseline) and once with the
 * AES-256-GCM codec, in the same run (and once with that codec sealing every event twice, row and
 * journal line apart, as before the seal-once change: `-2seals`). Plus the unlock (PBKDF2-SHA256, 600,000 iterations), whose cost
 * does not grow with the number of cases: only the 32-byte data key is unwrapped.
 */
import type { CaseEvent } from '#shared/events/envelope';
import { createTestDevice } from '#shared/events/testing';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { plainCodec, sealEventRecord, type Codec } from '../../../renderer/data/codec';
import { memoryJournal } from '../../../renderer/data/journal';
import { openStore } from '../../../renderer/data/store';
import { createBrowserPlatform } from '../../../renderer/platform/browser';
import { journalPortFrom } from '../../../renderer/platform/journal-port';
import { codecFromRawKey } from '../../../renderer/security/crypto-codec';
import { openKeyring, type KeyringStorage } from '../../../renderer/security/keyring';
import { register } from './registry';

const CASES = 1000;
const PER_CASE = 10;
const SAVE = 100;

let events: CaseEvent[] | null = null;

async function makeEvents(): Promise<CaseEvent[]> {
  const device = await createTestDevice({
    deviceId: 'dev-bench',
    userId: 'u-1',
    orgId: 'org-1',
    role: 'mediator',
  });
  const out: CaseEvent[] = [];
  for (let i = 0; i < CASES; i++) {
    const caseId = `0190b000-0000-7000-8000-${String(i).padStart(12, '0')}`;
    out.push(
      await device.emit(caseId, 'case.opened', {
        kind: 'mediation',
        tempNumber: `临-BEN-${String(i)}`,
        channel: 'walk_in',
        disputeCategories: ['wage_arrears'],
        caseCause: '追索劳动报酬',
        collective: false,
        receivedAt: '2026-11-28T09:00:00.000Z',
      }),
      await device.emit(caseId, 'party.added', {
        partyId: `0190b000-0000-7000-9000-${String(i).padStart(12, '0')}`,
        role: 'applicant',
        kind: 'worker',
        name: `工人${String(i)}`,
        idNumber: '42080219900101123X',
        phone: '13800000000',
        monthlyWageFen: 650_000,
      }),
    );
    for (let n = 0; n < PER_CASE - 2; n++)
      out.push(
        await device.emit(caseId, 'note.recorded', {
          noteId: `0190b000-0000-7000-a${String(n)}00-${String(i).padStart(12, '0')}`,
          method: 'five_heart',
          stage: 1 + (n % 5),
          fields: {},
          text: '工人陈述：公司拖欠三个月工资，要求一次性支付并开具离职证明。'.repeat(3),
        }),
      );
  }
  return out;
}

let seq = 0;

async function appendAll(codec: Codec, journalKind: 'opfs' | 'memory' = 'opfs'): Promise<number> {
  events ??= await makeEvents();
  const calendar = bundledHolidayCalendar();
  if (!calendar.ok) throw new Error('calendar');
  const dirName = `bench-journal-${String(seq)}`;
  const dbName = `bench-append-${String(seq++)}`;
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(dirName, { create: true });
  const journal =
    journalKind === 'memory'
      ? memoryJournal()
      : journalPortFrom(
          createBrowserPlatform({ hubOrigin: location.origin, getDirectory: () => Promise.resolve(dir) }),
        );
  const store = openStore({ dbName, codec, journal, calendar: calendar.value });
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += SAVE) {
    const r = await store.receive(events.slice(i, i + SAVE));
    if (!r.ok) throw new Error(r.error.message);
  }
  const ms = performance.now() - t0;
  store.close();
  await root.removeEntry(dirName, { recursive: true });
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(dbName);
    req.onsuccess =
      req.onerror =
      req.onblocked =
        () => {
          resolve();
        };
  });
  return ms;
}

let cryptoCodec: Codec | null = null;

register({ name: 'append-10k-events-plain', runs: 3, run: () => appendAll(plainCodec) });
register({
  name: 'append-10k-events-aes-gcm',
  baseline: 'append-10k-events-plain',
  runs: 3,
  run: async () => {
    cryptoCodec ??= (await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)))).codec;
    return appendAll(cryptoCodec);
  },
});

/**
 * The same codec without `sealRecord`: every event sealed twice (row and journal line), as before #8's
 * seal-once change — so the change is measured against the old path in the same run.
 */
const sealingTwice = (c: Codec): Codec => ({
  name: `${c.name}-twice`,
  seal: (ctx, v) => c.seal(ctx, v),
  open: (ctx, v) => c.open(ctx, v),
  sealBytes: (ctx, b) => c.sealBytes(ctx, b),
  openBytes: (ctx, b) => c.openBytes(ctx, b),
  index: (t) => c.index(t),
});
register({
  name: 'append-10k-events-aes-gcm-2seals',
  baseline: 'append-10k-events-plain',
  runs: 3,
  run: async () => {
    cryptoCodec ??= (await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)))).codec;
    return appendAll(sealingTwice(cryptoCodec));
  },
});

// Where the difference comes from (profiling #8's goal): the same appends with the journal in memory
// (IndexedDB and projections only), and the codec's own work on the write path with no storage at all.
register({ name: 'append-10k-memjournal-plain', runs: 3, run: () => appendAll(plainCodec, 'memory') });
register({
  name: 'append-10k-memjournal-aes-gcm',
  baseline: 'append-10k-memjournal-plain',
  runs: 3,
  run: async () => {
    cryptoCodec ??= (await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)))).codec;
    return appendAll(cryptoCodec, 'memory');
  },
});

/** The codec calls one save path makes per event (one sealed record: row and journal line), without storage. */
async function codecOnly(codec: Codec): Promise<number> {
  events ??= await makeEvents();
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += SAVE) {
    const batch = events.slice(i, i + SAVE);
    await Promise.all(batch.map((e) => sealEventRecord(codec, e)));
  }
  return performance.now() - t0;
}
register({ name: 'append-10k-codec-only-plain', runs: 3, run: () => codecOnly(plainCodec) });
register({
  name: 'append-10k-codec-only-aes-gcm',
  baseline: 'append-10k-codec-only-plain',
  runs: 3,
  run: async () => {
    cryptoCodec ??= (await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)))).codec;
    return codecOnly(cryptoCodec);
  },
});

register({
  name: 'append-10k-codec-only-aes-gcm-2seals',
  baseline: 'append-10k-codec-only-plain',
  runs: 3,
  run: async () => {
    cryptoCodec ??= (await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)))).codec;
    return codecOnly(sealingTwice(cryptoCodec));
  },
});

/** The OPFS journal alone: the same 100 appends of 100 lines, as the plain and the sealed codec write them. */
async function journalOnly(codec: Codec): Promise<number> {
  events ??= await makeEvents();
  const lines: string[] = [];
  for (const e of events) lines.push(JSON.stringify(await codec.seal('journal', e)));
  const dirName = `bench-journal-only-${String(seq++)}`;
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(dirName, { create: true });
  const journal = journalPortFrom(
    createBrowserPlatform({ hubOrigin: location.origin, getDirectory: () => Promise.resolve(dir) }),
  );
  const t0 = performance.now();
  for (let i = 0; i < lines.length; i += SAVE) {
    const r = await journal.append(lines.slice(i, i + SAVE));
    if (!r.ok) throw new Error(r.error.message);
  }
  const ms = performance.now() - t0;
  await root.removeEntry(dirName, { recursive: true });
  return ms;
}
register({ name: 'append-10k-journal-only-plain', runs: 3, run: () => journalOnly(plainCodec) });
register({
  name: 'append-10k-journal-only-aes-gcm',
  baseline: 'append-10k-journal-only-plain',
  runs: 3,
  run: async () => {
    cryptoCodec ??= (await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)))).codec;
    return journalOnly(cryptoCodec);
  },
});

function memoryStorage(): KeyringStorage {
  const map = new Map<string, unknown>();
  return {
    get: (k) => Promise.resolve(map.get(k)),
    put: (k, v) => {
      map.set(k, v);
      return Promise.resolve();
    },
  };
}

let keyring: ReturnType<typeof openKeyring> | null = null;
register({
  name: 'unlock-pbkdf2-600k',
  runs: 3,
  run: async () => {
    if (!keyring) {
      keyring = openKeyring({ storage: memoryStorage() });
      const created = await keyring.create('bench passphrase 口令');
      if (!created.ok) throw new Error(created.error.message);
    }
    const t0 = performance.now();
    const r = await keyring.unlock('bench passphrase 口令');
    if (!r.ok) throw new Error(r.error.message);
    return performance.now() - t0;
  },
});
