/*
 * The laptop's IndexedDB, through Dexie, opened with strict durability (a completed transaction is on
 * disk). Only renderer/data/ imports this module.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Sealed } from './codec';
import { migrations } from './migrations';
import type { Migration } from './migrations/types';
import { tokenDeadlinesMiddleware } from './search-index';

export type EventRow = {
  id: string;
  caseId: string;
  deviceId: string;
  deviceSeq: number;
  hlc: string;
  body: Sealed;
};
export type OutboxRow = {
  id: string;
  caseId: string;
  queuedAt: number;
  attempts: number;
  lastError?: string;
  /** The hub refused it for good: kept (and shown) but out of this device's chain; never pushed again. */
  setAside?: true;
  /** The last decision a user recorded about it after a refusal (re-sent or discarded); never deleted. */
  decision?: { kind: 'resent' | 'discarded'; at: number; by: string; note: string };
};
export type CaseRow = {
  id: string;
  status: string;
  /** Every dispute category of the case (multiEntry index: the filter matches any of them). */
  categories: string[];
  /** [category, nextDeadline] for each category (multiEntry): one category, soonest deadline first. */
  categoryDeadlines: [string, string][];
  nextDeadline: string;
  assigneeId: string;
  updatedHlc: string;
  searchTokens: string[];
  /**
   * [token, nextDeadline] for each search token (multiEntry, migration 005): one token, soonest deadline
   * first. Derived from searchTokens and nextDeadline on every write (search-index.ts): never set it.
   */
  tokenDeadlines?: [string, string][];
  body: Sealed;
};
export type CaseStateRow = { id: string; body: Sealed };
/** The statistics' facts of one case (shared/stats CaseFacts, or null for a case without an opening), sealed. */
export type CaseFactsRow = { id: string; body: Sealed };
export type BlobRow = { sha256: string; size: number; mime: string; bytes: Uint8Array };
export type MetaRow = { key: string; value: unknown };

export type TribunalDb = Dexie & {
  events: EntityTable<EventRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  cases: EntityTable<CaseRow, 'id'>;
  caseStates: EntityTable<CaseStateRow, 'id'>;
  caseFacts: EntityTable<CaseFactsRow, 'id'>;
  blobs: EntityTable<BlobRow, 'sha256'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export type DbOptions = {
  /** An IndexedDB factory (tests pass a fresh fake-indexeddb one); defaults to the browser's. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Open at an older schema version (migration tests). */
  upTo?: number;
};

export function openTribunalDb(name: string, options: DbOptions = {}): TribunalDb {
  const db = new Dexie(name, {
    chromeTransactionDurability: 'strict',
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  const upTo = options.upTo ?? Number.POSITIVE_INFINITY;
  for (const m of migrations) if (m.version <= upTo) applyMigration(db, m);
  db.use(tokenDeadlinesMiddleware);
  return db as TribunalDb;
}

function applyMigration(db: Dexie, m: Migration): void {
  const v = db.version(m.version).stores(m.stores);
  if (m.upgrade) v.upgrade(m.upgrade);
}
