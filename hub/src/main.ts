/*
 * Starts the hub: HUB_PORT (8787), HUB_HOST (127.0.0.1), HUB_DATA_DIR (.hub-data; SQLite file and
 * blobs), HUB_DATABASE_URL (postgres://… selects PostgreSQL), HUB_CORS_ORIGINS (comma list), and the
 * limits of limits-env.ts (HUB_MAX_BODY_BYTES, HUB_MAX_EVENTS_PER_PUSH, HUB_MAX_CHUNK_BYTES, …).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createUuidV7 } from '#shared/util/ids';
import { buildHub } from './app';
import { limitsFromEnv } from './limits-env';
import { openStorage, storageConfigFromEnv } from './storage/open';

async function main(): Promise<void> {
  const env = process.env;
  const limits = limitsFromEnv(env);
  if (!limits.ok) throw new Error(limits.error);
  const dataDir = env['HUB_DATA_DIR'] ?? '.hub-data';
  const blobDir = join(dataDir, 'blobs');
  mkdirSync(blobDir, { recursive: true });
  const storage = await openStorage(storageConfigFromEnv(env));
  const corsOrigins = (env['HUB_CORS_ORIGINS'] ?? 'http://127.0.0.1:5173,http://localhost:5173')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const app = await buildHub({
    storage,
    blobDir,
    clock: () => Date.now(),
    ids: createUuidV7(),
    logger: true,
    corsOrigins,
    limits: limits.value,
  });
  const stop = (): void => {
    void app.close().then(() => storage.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: Number(env['HUB_PORT'] ?? 8787), host: env['HUB_HOST'] ?? '127.0.0.1' });
}

main().catch((e: unknown) => {
  process.stderr.write(`hub failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
