import type { Transaction } from 'dexie';

/** One schema version: append-only, one file each, each with its own test (conventions.md §10). */
export type Migration = {
  version: number;
  /** Dexie store definitions; `null` deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};
