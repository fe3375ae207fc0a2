/*
 * The smallest SQL surface both adapters share: statements are written once with `?` placeholders and
 * the PostgreSQL adapter numbers them. Everything above this file is dialect-free, so the two adapters
 * cannot drift apart in behaviour.
 */

/** A value bound to a `?`: numbers for integers and ms timestamps, strings for text, null for NULL. */
export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

/** One connection (or one open transaction on it). */
export type Db = {
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
};

export type Dialect = 'sqlite' | 'postgres';

/** The pool-level handle: runs one function inside one serialized, durable transaction. */
export type SqlBackend = {
  dialect: Dialect;
  /** Serialized: at most one write transaction at a time (across processes on PostgreSQL). */
  transaction<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** Reads outside a transaction. */
  db: Db;
  close(): Promise<void>;
};

/** `?` → `$1, $2 …` for PostgreSQL; string literals in our SQL never contain `?`. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${String(++n)}`);
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
export const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : str(v));
