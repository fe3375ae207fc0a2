/*
 * Runs pending migrations at start, each in its own transaction, recording the version applied.
 * `target` lets a migration test open the database at version n-1, seed it, then go to n.
 */
import type { SqlBackend } from './db';
import { num } from './db';
import { MIGRATIONS } from './migrations/index';

export async function currentVersion(backend: SqlBackend): Promise<number> {
  await backend.db.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const row = await backend.db.get('SELECT MAX(version) AS v FROM schema_migrations');
  return row?.['v'] === null || row?.['v'] === undefined ? 0 : num(row['v']);
}

/** Applies every migration above the current version up to `target` (default: all). */
export async function migrate(backend: SqlBackend, target = MIGRATIONS.length): Promise<number> {
  let version = await currentVersion(backend);
  for (const m of MIGRATIONS) {
    if (m.version <= version || m.version > target) continue;
    await backend.transaction(async (db) => {
      for (const s of m.statements(backend.dialect)) await db.run(s);
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    });
    version = m.version;
  }
  return version;
}
