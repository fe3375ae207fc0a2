/*
 * Opens the configured storage and brings its schema up to date. `HUB_DATABASE_URL=postgres://…`
 * selects PostgreSQL; otherwise a SQLite file in the data directory.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlBackend } from './db';
import { migrate } from './migrate';
import { openPostgresBackend } from './postgres-backend';
import { createQueries } from './queries';
import { openSqliteBackend } from './sqlite-backend';
import type { Storage } from './types';

export type StorageConfig =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; connectionString: string; schema?: string };

/** Wraps a backend in the storage interface (no migration). */
export function storageOver(backend: SqlBackend): Storage {
  return {
    kind: backend.dialect,
    q: createQueries(backend.db),
    tx: (fn) => backend.transaction((db) => fn(createQueries(db))),
    close: () => backend.close(),
  };
}

export async function openBackend(cfg: StorageConfig): Promise<SqlBackend> {
  if (cfg.kind === 'sqlite') return openSqliteBackend(cfg.file);
  return openPostgresBackend(cfg.schema === undefined ? cfg : { ...cfg, schema: cfg.schema });
}

/** Opens and migrates to the latest version. */
export async function openStorage(cfg: StorageConfig): Promise<Storage> {
  const backend = await openBackend(cfg);
  await migrate(backend);
  return storageOver(backend);
}

/** The storage chosen by the environment (main.ts and the admin CLI). */
export function storageConfigFromEnv(env: NodeJS.ProcessEnv): StorageConfig {
  const url = env['HUB_DATABASE_URL'];
  if (url !== undefined && /^postgres(ql)?:\/\//.test(url))
    return { kind: 'postgres', connectionString: url };
  const dir = env['HUB_DATA_DIR'] ?? '.hub-data';
  mkdirSync(dir, { recursive: true });
  return { kind: 'sqlite', file: join(dir, 'hub.sqlite') };
}
