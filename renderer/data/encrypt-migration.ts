/*
 * Encrypting the data of a device that ran before encryption (#8): its IndexedDB rows carry plain
 * `alg:'none'` values, its search tokens are the terms themselves, its evidence chunks are raw bytes and
 * its journal lines are plain JSON. On the first unlock after the upgrade, before the store opens, every
 * one of them is re-sealed with the encrypting codec in place, then the journal is replaced by a sealed
 * copy (journal:replace: a new file made durable, then renamed over the old one).
 *
 * Resumable without a cursor: every value says what it is. A row is plain while its `alg` is 'none'; an
 * evidence chunk is sealed when the codec opens it (AES-GCM authenticates: raw bytes never pass by
 * chance); a journal line is plain while it parses as an `alg:'none'` value. Each batch is re-sealed in
 * one IndexedDB transaction, so a crash leaves every row either plain or sealed, and the next start
 * picks up the plain ones. The done-marker is written only after the journal swap, so a crash between
 * the two finishes the journal next time. Nothing plain is dropped: a journal line that is not a
 * stored value (damaged) is sealed as it stands and reported by the start-up check as unreadable.
 */
import type { IndexableType, Table } from 'dexie';
import type { CaseState } from '#shared/case/index';
import { err, ok, type Result } from '#shared/util/result';
import { plainCodec, type Codec, type Sealed } from './codec';
import {
  openTribunalDb,
  type CaseFactsRow,
  type CaseRow,
  type CaseStateRow,
  type EventRow,
  type MetaRow,
  type TribunalDb,
} from './db';
import type { ChunkRow } from './blobs';
import type { JournalPort } from './journal';
import { caseNumberTails, searchTerms, type CaseSummary } from './projections';

/** Meta key of the done-marker; its value is not sealed (read before anything is opened). */
export const PLAIN_MIGRATION_KEY = 'security.plainMigration';

export type MigrationCounts = {
  events: number;
  cases: number;
  caseStates: number;
  caseFacts: number;
  meta: number;
  chunks: number;
  journalLines: number;
};
export type MigrationReport = MigrationCounts & {
  /** The marker was there: nothing was read. */
  alreadyDone: boolean;
  /** Journal lines that were not a stored value, sealed as they stood (the start-up check names them). */
  damagedJournalLines: number;
};
export type MigrationPhase = keyof MigrationCounts;
export type MigrationError = {
  code: 'journal_failed' | 'journal_replace_unavailable' | 'storage_failed';
  message: string;
};

export type MigrationOptions = {
  db: TribunalDb;
  /** The encrypting codec of the unlocked session. */
  codec: Codec;
  journal: JournalPort;
  now?: () => number;
  /** Rows re-sealed per transaction (evidence chunks: a quarter of it, they are up to 4 MiB each). */
  batchSize?: number;
  onProgress?: (phase: MigrationPhase, done: number) => void;
  /** Test hook: called after each committed batch; throwing there simulates a crash mid-way. */
  afterBatch?: (phase: MigrationPhase, committed: number) => void;
};

const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' &&
  v !== null &&
  (v as { v?: unknown }).v === 1 &&
  typeof (v as { alg?: unknown }).alg === 'string' &&
  'data' in v;
const isPlain = (v: unknown): v is Sealed => isSealed(v) && v.alg === 'none';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

type Step<Row, Key extends IndexableType> = {
  phase: MigrationPhase;
  table: Table<Row, Key>;
  /** The row's primary key (the walk continues above the last one). */
  key: (row: Row) => Key;
  /** The re-sealed row, or null when it is already sealed. */
  reseal: (row: Row) => Promise<Row | null>;
  batch: number;
};

/**
 * Walks a table in primary-key order a batch at a time, re-sealing the plain rows of each batch in one
 * transaction. Returns how many rows it re-sealed.
 */
async function migrateTable<Row, Key extends IndexableType>(
  o: MigrationOptions,
  step: Step<Row, Key>,
): Promise<number> {
  let done = 0;
  let after: Key | undefined = undefined;
  for (;;) {
    const range = after === undefined ? step.table.orderBy(':id') : step.table.where(':id').above(after);
    const rows = await range.limit(step.batch).toArray();
    const last = rows.at(-1);
    if (last === undefined) return done;
    after = step.key(last);
    const next: Row[] = [];
    for (const r of await Promise.all(rows.map((row) => step.reseal(row)))) if (r !== null) next.push(r);
    if (next.length > 0) {
      await o.db.transaction('rw', step.table, () => step.table.bulkPut(next));
      done += next.length;
      o.onProgress?.(step.phase, done);
      o.afterBatch?.(step.phase, done);
    }
    if (rows.length < step.batch) return done;
  }
}

/** The search terms a summary alone gives (names and case number), when a case has no stored state. */
function summaryTerms(s: CaseSummary): string[] {
  const terms = new Set<string>();
  if (s.number) {
    terms.add(s.number);
    for (const t of caseNumberTails(s.number)) terms.add(t);
  }
  for (const name of [...s.applicants, ...s.respondents])
    for (let i = 1; i <= Math.min(name.length, 12); i++) terms.add(name.slice(0, i));
  return [...terms].filter((t) => t.length > 0);
}

async function openState(o: MigrationOptions, caseId: string): Promise<CaseState | null> {
  const row = await o.db.caseStates.get(caseId);
  if (!row) return null;
  try {
    const codec = isPlain(row.body) ? plainCodec : o.codec;
    return (await codec.open('caseStates', row.body)) as CaseState;
  } catch {
    return null;
  }
}

async function resealCase(o: MigrationOptions, row: CaseRow): Promise<CaseRow | null> {
  if (!isPlain(row.body)) return null;
  const summary = (await plainCodec.open('cases', row.body)) as CaseSummary;
  const state = await openState(o, row.id);
  const terms = state ? searchTerms(state) : summaryTerms(summary);
  const [searchTokens, body] = await Promise.all([
    Promise.all(terms.map((t) => o.codec.index(t))),
    o.codec.seal('cases', summary),
  ]);
  return { ...row, searchTokens, body };
}

async function chunkIsSealed(codec: Codec, row: ChunkRow): Promise<boolean> {
  try {
    await codec.openBytes('blobs', row.bytes);
    return true;
  } catch {
    return false;
  }
}

async function migrateJournal(
  o: MigrationOptions,
): Promise<Result<{ lines: number; damaged: number }, MigrationError>> {
  const read = await o.journal.readAll();
  if (!read.ok) return err({ code: 'journal_failed', message: read.error.message });
  let plain = 0;
  let damaged = 0;
  const lines = await Promise.all(
    read.value.map(async (line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      if (isSealed(parsed) && !isPlain(parsed)) return line;
      if (isPlain(parsed)) {
        plain++;
        return JSON.stringify(await o.codec.seal('journal', await plainCodec.open('journal', parsed)));
      }
      // Not a stored value at all (damaged before the upgrade): kept, but sealed like the rest.
      damaged++;
      return JSON.stringify(await o.codec.seal('journal', { unreadableJournalLine: line }));
    }),
  );
  if (plain + damaged === 0) return ok({ lines: 0, damaged: 0 });
  if (!o.journal.replace)
    return err({
      code: 'journal_replace_unavailable',
      message: '本机日志无法整体替换，明文日志仍在 (this journal cannot be replaced: plaintext lines remain)',
    });
  const replaced = await o.journal.replace(lines);
  if (!replaced.ok) return err({ code: 'journal_failed', message: replaced.error.message });
  return ok({ lines: plain + damaged, damaged });
}

/** Seals every plain value of the database and the journal; idempotent and resumable. */
export async function migratePlainData(
  o: MigrationOptions,
): Promise<Result<MigrationReport, MigrationError>> {
  const none: MigrationCounts = {
    events: 0,
    cases: 0,
    caseStates: 0,
    caseFacts: 0,
    meta: 0,
    chunks: 0,
    journalLines: 0,
  };
  const marker = await o.db.meta.get(PLAIN_MIGRATION_KEY);
  if (marker) return ok({ ...none, alreadyDone: true, damagedJournalLines: 0 });
  const batch = o.batchSize ?? 500;
  const counts = { ...none };
  try {
    counts.events = await migrateTable(o, {
      phase: 'events',
      table: o.db.table<EventRow, string>('events'),
      key: (r) => r.id,
      batch,
      reseal: async (r) =>
        isPlain(r.body)
          ? { ...r, body: await o.codec.seal('events', await plainCodec.open('events', r.body)) }
          : null,
    });
    // Cases before their states: a case's tokens are computed from its state, plain or sealed.
    counts.cases = await migrateTable(o, {
      phase: 'cases',
      table: o.db.table<CaseRow, string>('cases'),
      key: (r) => r.id,
      batch,
      reseal: (r) => resealCase(o, r),
    });
    counts.caseStates = await migrateTable(o, {
      phase: 'caseStates',
      table: o.db.table<CaseStateRow, string>('caseStates'),
      key: (r) => r.id,
      batch,
      reseal: async (r) =>
        isPlain(r.body)
          ? { ...r, body: await o.codec.seal('caseStates', await plainCodec.open('caseStates', r.body)) }
          : null,
    });
    // The dashboard's per-case facts (migration 006): amounts, dates and handlers, sealed like the states.
    counts.caseFacts = await migrateTable(o, {
      phase: 'caseFacts',
      table: o.db.table<CaseFactsRow, string>('caseFacts'),
      key: (r) => r.id,
      batch,
      reseal: async (r) =>
        isPlain(r.body)
          ? { ...r, body: await o.codec.seal('caseFacts', await plainCodec.open('caseFacts', r.body)) }
          : null,
    });
    counts.meta = await migrateTable(o, {
      phase: 'meta',
      table: o.db.table<MetaRow, string>('meta'),
      key: (r) => r.key,
      batch,
      reseal: async (r) =>
        isPlain(r.value)
          ? { ...r, value: await o.codec.seal('meta', await plainCodec.open('meta', r.value)) }
          : null,
    });
    const chunks = o.db.table<ChunkRow, (string | number)[]>('blobChunks');
    counts.chunks = await migrateTable(o, {
      phase: 'chunks',
      table: chunks,
      key: (r) => [r.blobKey, r.index],
      batch: Math.max(1, Math.floor(batch / 4)),
      reseal: async (r) =>
        (await chunkIsSealed(o.codec, r)) ? null : { ...r, bytes: await o.codec.sealBytes('blobs', r.bytes) },
    });
  } catch (e) {
    return err({
      code: 'storage_failed',
      message: `加密本机数据失败 (encrypting stored data failed): ${message(e)}`,
    });
  }
  const journal = await migrateJournal(o);
  if (!journal.ok) return journal;
  counts.journalLines = journal.value.lines;
  o.onProgress?.('journalLines', counts.journalLines);
  await o.db.meta.put({
    key: PLAIN_MIGRATION_KEY,
    value: { at: new Date((o.now ?? Date.now)()).toISOString(), ...counts },
  });
  return ok({ ...counts, alreadyDone: false, damagedJournalLines: journal.value.damaged });
}

export type LocalMigrationOptions = Omit<MigrationOptions, 'db'> & {
  dbName: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
};

/** Opens the named database, migrates it, closes it (the app then opens its store on sealed data). */
export async function migrateLocalData(
  o: LocalMigrationOptions,
): Promise<Result<MigrationReport, MigrationError>> {
  const db = openTribunalDb(o.dbName, {
    ...(o.indexedDB ? { indexedDB: o.indexedDB } : {}),
    ...(o.IDBKeyRange ? { IDBKeyRange: o.IDBKeyRange } : {}),
  });
  try {
    return await migratePlainData({ ...o, db });
  } catch (e) {
    return err({ code: 'storage_failed', message: message(e) });
  } finally {
    db.close();
  }
}
