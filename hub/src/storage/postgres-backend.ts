/*
 * PostgreSQL backend (pg). Several hub processes may share one database, so every write transaction
 * first takes one transaction-scoped advisory lock: hub sequence numbers are then handed out in commit
 * order, and a pull can never skip an event that commits late (R12).
 */
import pg from 'pg';
import type { Db, Row, SqlBackend, SqlValue } from './db';
import { numberPlaceholders } from './db';

const WRITE_LOCK_KEY = 727_001;

type Queryable = { query: (text: string, values?: SqlValue[]) => Promise<pg.QueryResult> };

function pgDb(q: Queryable): Db {
  const exec = (sql: string, params: readonly SqlValue[] = []) =>
    q.query(numberPlaceholders(sql), [...params]);
  return {
    all: async (sql, params) => (await exec(sql, params)).rows as Row[],
    get: async (sql, params) => (await exec(sql, params)).rows[0] as Row | undefined,
    run: async (sql, params) => (await exec(sql, params)).rowCount ?? 0,
  };
}

export type PostgresOptions = { connectionString: string; schema?: string; max?: number };

/** Connects a pool; with `schema`, creates it and confines every connection to it (one per test file). */
export async function openPostgresBackend(opts: PostgresOptions): Promise<SqlBackend> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema))
    throw new Error(`bad schema name ${opts.schema}`);
  if (opts.schema !== undefined) {
    const boot = new pg.Client({ connectionString: opts.connectionString });
    await boot.connect();
    try {
      await boot.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    } finally {
      await boot.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    ...(opts.schema !== undefined ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
  return {
    dialect: 'postgres',
    db: pgDb(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
        const result = await fn(pgDb(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
