/*
 * #8 migration: a device with data from before encryption (plain rows, plain search tokens, raw evidence
 * chunks, a plain journal) is sealed in place on the first unlock; a scan of every stored value finds no
 * canary afterwards, everything still reads, and a run interrupted at any batch finishes on the next start.
 */
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { plainCodec, type Codec } from '../../../../renderer/data/codec';
import { importEvidenceFile, readBlobAsBlob } from '../../../../renderer/data/blobs';
import {
  migratePlainData,
  PLAIN_MIGRATION_KEY,
  type MigrationOptions,
} from '../../../../renderer/data/encrypt-migration';
import type { JournalPort } from '../../../../renderer/data/journal';
import { openStore, type Author, type TribunalStore } from '../../../../renderer/data/store';
import { codecFromRawKey } from '../../../../renderer/security/crypto-codec';
import { calendar, ENROLLMENT, harness, type Harness } from '../data/store-harness';

const NAMES = ['欧阳金花', '司马铁柱', '诸葛春燕'];
const IDS = ['420802199001011234', '42080219851212567X', '420802197703034321'];
const PHONE = '13912345678';
const PHOTO_CANARY = 'CANARY-PHOTO-7f3a9c';
const NOTE_CANARY = '夜班加班费canary备注';
const CANARIES = [...NAMES, ...IDS, PHONE, PHOTO_CANARY, NOTE_CANARY];

async function enrolled(store: TribunalStore): Promise<Author> {
  await store.saveEnrollment(ENROLLMENT);
  const a = await store.author();
  if (!a) throw new Error('no author');
  return a;
}

/** A device as it was before #8: the plain codec everywhere. */
async function plainDevice(): Promise<{ h: Harness; caseIds: string[]; photoSha: string }> {
  const h = harness(plainCodec);
  const author = await enrolled(h.store);
  const caseIds: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const caseId = h.store.newId();
    const r = await h.store.write(author, [
      {
        caseId,
        type: 'case.opened',
        payload: { ...SAMPLE_PAYLOADS['case.opened'], caseCause: `${NOTE_CANARY}${String(i)}` },
      },
      {
        caseId,
        type: 'party.added',
        payload: {
          ...SAMPLE_PAYLOADS['party.added'],
          partyId: SAMPLE_IDS.worker,
          name,
          idNumber: IDS[i] ?? '',
          phone: PHONE,
        },
      },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    caseIds.push(caseId);
  }
  const photo = new TextEncoder().encode(`JFIF....${PHOTO_CANARY}....`.repeat(40));
  const imported = await importEvidenceFile(h.store.ctx, new Blob([photo]), {
    mime: 'image/jpeg',
    estimate: () => Promise.resolve({ quota: 1e12, usage: 0 }),
    chunkSize: 1000, // several chunks, so a crash can fall between them
  });
  if (!imported.ok) throw new Error(imported.error.message);
  // A sealed meta value (the sync session) holding a name.
  await h.store.ctx.db.meta.put({
    key: 'sync.session',
    value: await plainCodec.seal('meta', { note: NAMES[0] }),
  });
  h.store.close();
  return { h, caseIds, photoSha: imported.value.sha256 };
}

/** Every stored value as text: strings as they are, bytes decoded as UTF-8 (what a disk reader sees). */
function dump(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array || Object.prototype.toString.call(v) === '[object Uint8Array]')
    return new TextDecoder('utf-8', { fatal: false }).decode(v as Uint8Array);
  if (Array.isArray(v)) return v.map(dump).join('\n');
  if (typeof v === 'object' && v !== null)
    return Object.entries(v)
      .map(([k, x]) => `${k}:${dump(x)}`)
      .join('\n');
  return String(v);
}

async function scan(h: Harness): Promise<string[]> {
  const names = ['events', 'outbox', 'cases', 'caseStates', 'caseFacts', 'blobs', 'blobChunks', 'meta'];
  const store = h.reopen();
  const text = [
    ...(await Promise.all(names.map(async (n) => dump(await store.ctx.db.table(n).toArray())))),
    ...h.journal.lines,
  ].join('\n');
  store.close();
  return CANARIES.filter((c) => text.includes(c));
}

const migrate = (h: Harness, codec: Codec, extra: Partial<MigrationOptions> = {}) => {
  const store = h.reopen();
  const db = store.ctx.db;
  return migratePlainData({ db, codec, journal: h.journal, now: () => 0, ...extra }).finally(() => {
    store.close();
  });
};

const key = (fill: number) => codecFromRawKey(new Uint8Array(32).fill(fill)).then((k) => k.codec);

describe('migrating a pre-encryption device', () => {
  it('finds the canaries before, none after; every case, search, photo and journal line still opens', async () => {
    const { h, caseIds, photoSha } = await plainDevice();
    expect((await scan(h)).sort()).toEqual([...CANARIES].sort());
    const codec = await key(3);
    const r = await migrate(h, codec);
    expect(r).toEqual({
      ok: true,
      value: {
        events: 6,
        cases: 3,
        caseStates: 3,
        caseFacts: 3,
        meta: 1,
        chunks: 2,
        journalLines: 6,
        alreadyDone: false,
        damagedJournalLines: 0,
      },
    });
    expect(await scan(h)).toEqual([]);
    // The dashboard's facts rows are sealed too (they hold amounts, dates and handlers, not only names).
    const after = h.reopen();
    const facts = await after.ctx.db.caseFacts.toArray();
    after.close();
    expect(facts).toHaveLength(3);
    for (const row of facts)
      expect(await codec.open('caseFacts', row.body)).toMatchObject({ caseId: row.id });

    // The app's store over the migrated data, with the encrypting codec.
    const sealed = openStore({
      dbName: h.store.ctx.db.name,
      codec,
      journal: h.journal,
      calendar: calendar(),
      indexedDB: h.factory,
      IDBKeyRange,
    });
    try {
      const report = await sealed.recover();
      expect(report.ok && report.value).toMatchObject({ journalled: 6, restored: 0, unreadable: [] });
      for (const [i, id] of caseIds.entries())
        expect((await sealed.caseState(id))?.parties[0]?.current.idNumber).toBe(IDS[i]);
      expect(await sealed.queryCaseIds({ search: '司马' })).toEqual([caseIds[1]]);
      expect((await sealed.queryCaseIds({ search: '5678' })).sort()).toEqual([...caseIds].sort());
      expect(await sealed.summaries([caseIds[2] ?? ''])).toMatchObject([{ applicants: [NAMES[2]] }]);
      const photo = await readBlobAsBlob(sealed.ctx, photoSha);
      expect(photo.ok && (await photo.value.text()).includes(PHOTO_CANARY)).toBe(true);
      const session = (await sealed.ctx.db.meta.get('sync.session'))?.value;
      expect(await codec.open('meta', session as never)).toEqual({ note: NAMES[0] });
      expect((await sealed.ctx.db.meta.get(PLAIN_MIGRATION_KEY))?.value).toMatchObject({ events: 6 });
    } finally {
      sealed.close();
    }
  });

  it('the second start reads only the marker', async () => {
    const { h } = await plainDevice();
    const codec = await key(4);
    expect((await migrate(h, codec)).ok).toBe(true);
    expect(await migrate(h, codec)).toMatchObject({ ok: true, value: { alreadyDone: true, events: 0 } });
  });

  it('a crash after any batch loses nothing: the next start finishes, nothing is sealed twice', async () => {
    for (const crashAt of ['events', 'cases', 'caseStates', 'caseFacts', 'meta', 'chunks'] as const) {
      const { h, caseIds, photoSha } = await plainDevice();
      const codec = await key(5);
      const crashed = migrate(h, codec, {
        batchSize: 4,
        afterBatch: (phase) => {
          if (phase === crashAt) throw new Error(`simulated crash in ${phase}`);
        },
      });
      expect(await crashed).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
      // Half done: the journal is still the old plain one and the marker is absent.
      expect(h.journal.lines.some((l) => l.includes('"alg":"none"'))).toBe(true);
      const resumed = await migrate(h, codec, { batchSize: 4 });
      expect(resumed.ok, crashAt).toBe(true);
      expect(await scan(h), crashAt).toEqual([]);
      const store = h.reopen();
      // Every row opens exactly once with the key (a twice-sealed value would open to a Sealed object).
      for (const row of await store.ctx.db.caseStates.toArray()) {
        const state = (await codec.open('caseStates', row.body)) as { caseId?: string };
        expect(caseIds).toContain(state.caseId);
      }
      for (const row of await store.ctx.db.events.toArray())
        expect(await codec.open('events', row.body)).toMatchObject({ id: row.id });
      const ctx = { ...store.ctx, codec };
      const photo = await readBlobAsBlob(ctx, photoSha);
      expect(photo.ok && (await photo.value.text()).startsWith('JFIF....'), crashAt).toBe(true);
      store.close();
    }
  });

  it('a journal swap that fails is done on the next start (the rows are already sealed)', async () => {
    const { h } = await plainDevice();
    const codec = await key(6);
    const failing: JournalPort = {
      append: (l) => h.journal.append(l),
      readAll: () => h.journal.readAll(),
      replace: () => Promise.resolve({ ok: false, error: { code: 'io', message: 'disk full' } }),
    };
    expect(await migrate(h, codec, { journal: failing })).toMatchObject({
      ok: false,
      error: { code: 'journal_failed', message: 'disk full' },
    });
    expect(await scan(h)).not.toEqual([]); // the journal still holds them
    expect(await migrate(h, codec)).toMatchObject({
      ok: true,
      value: { events: 0, cases: 0, journalLines: 6 },
    });
    expect(await scan(h)).toEqual([]);
  });

  it('a journal without replace is refused by name, never marked done', async () => {
    const { h } = await plainDevice();
    const codec = await key(7);
    const noReplace: JournalPort = { append: (l) => h.journal.append(l), readAll: () => h.journal.readAll() };
    expect(await migrate(h, codec, { journal: noReplace })).toMatchObject({
      ok: false,
      error: { code: 'journal_replace_unavailable' },
    });
    const store = h.reopen();
    expect(await store.ctx.db.meta.get(PLAIN_MIGRATION_KEY)).toBeUndefined();
    store.close();
  });

  it('a damaged plain journal line is sealed as it stands and named unreadable, not dropped', async () => {
    const { h } = await plainDevice();
    h.journal.lines.push(`{"broken ${NAMES[0] ?? ''}`);
    const codec = await key(8);
    expect(await migrate(h, codec)).toMatchObject({
      ok: true,
      value: { journalLines: 7, damagedJournalLines: 1 },
    });
    expect(h.journal.lines).toHaveLength(7);
    expect(await scan(h)).toEqual([]);
    const last = JSON.parse(h.journal.lines.at(-1) ?? '') as never;
    expect(await codec.open('journal', last)).toEqual({
      unreadableJournalLine: `{"broken ${NAMES[0] ?? ''}`,
    });
  });
});
