/*
 * SQLite backend (better-sqlite3): one file, WAL, synchronous=FULL so a commit survives power loss
 * (R24). better-sqlite3 is synchronous; an async mutex keeps each transaction alone on the connection
 * even though the code inside it awaits.
 */
import Database from 'better-sqlite3';
import type { Db, Row, SqlBackend, SqlValue } from './db';

/** A FIFO lock: transactions and reads never interleave on the single connection. */
function createMutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

/**
 * Prepared statements kept by SQL text: a push runs the same few queries for every event, and preparing
 * each time cost about a tenth of a push in a CPU profile (tests/bench/node/sync-first.ts). Bounded; a
 * statement that fails to prepare is not kept. SQLite re-prepares a kept statement after a schema change.
 */
function statementCache(conn: Database.Database, max = 256): (sql: string) => Database.Statement {
  const kept = new Map<string, Database.Statement>();
  return (sql) => {
    let st = kept.get(sql);
    if (!st) {
      st = conn.prepare(sql);
      if (kept.size >= max) kept.clear();
      kept.set(sql, st);
    }
    return st;
  };
}

function rawDb(conn: Database.Database): Db {
  const prepare = statementCache(conn);
  return {
    all: (sql, params: readonly SqlValue[] = []) => Promise.resolve(prepare(sql).all(...params) as Row[]),
    get: (sql, params: readonly SqlValue[] = []) =>
      Promise.resolve(prepare(sql).get(...params) as Row | undefined),
    run: (sql, params: readonly SqlValue[] = []) => Promise.resolve(prepare(sql).run(...params).changes),
  };
}

/** Opens (creating if needed) the SQLite file at `path` (":memory:" for a throwaway database). */
export function openSqliteBackend(path: string): SqlBackend {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  const inner = rawDb(conn);
  const lock = createMutex();
  const locked: Db = {
    all: (sql, params) => lock(() => inner.all(sql, params)),
    get: (sql, params) => lock(() => inner.get(sql, params)),
    run: (sql, params) => lock(() => inner.run(sql, params)),
  };
  return {
    dialect: 'sqlite',
    db: locked,
    transaction: (fn) =>
      lock(async () => {
        conn.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(inner);
          conn.exec('COMMIT');
          return result;
        } catch (e) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          throw e;
        }
      }),
    close: () => lock(() => Promise.resolve(void conn.close())),
  };
}
