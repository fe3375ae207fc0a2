/*
 * npm run seed-demo -- --cases N [--seed S] [--hub-data dir] [--span-days D]
 * Fills a hub's storage (SQLite in --hub-data or HUB_DATA_DIR, or PostgreSQL when HUB_DATABASE_URL is
 * set) with a demo caseload, then prints JSON: organisations, users and one-time enrollment codes, so
 * a browser (or an e2e test) can enroll as the supervisor, an arbitrator, a mediator or the court.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage, storageConfigFromEnv, type StorageConfig } from '../storage/open';
import { seedDemo } from './seed';

type Args = { cases: number; seed: number; spanDays: number; hubData: string | null };

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { cases: 200, seed: 1, spanDays: 365, hubData: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) return `${flag ?? ''} 缺少取值 / needs a value`;
    if (flag === '--hub-data') args.hubData = value;
    else if (flag === '--cases' || flag === '--seed' || flag === '--span-days') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < (flag === '--seed' ? 0 : 1) || n > 1_000_000)
        return `${flag} 应为正整数 / must be a positive integer`;
      if (flag === '--cases') args.cases = n;
      else if (flag === '--seed') args.seed = n;
      else args.spanDays = n;
    } else return `未知参数 ${flag ?? ''} / unknown option`;
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(
      `${args}\n用法 / usage: npm run seed-demo -- --cases N [--seed S] [--hub-data dir] [--span-days D]\n`,
    );
    return 2;
  }
  const dataDir = args.hubData ?? process.env['HUB_DATA_DIR'] ?? '.hub-data';
  const config: StorageConfig =
    args.hubData === null
      ? storageConfigFromEnv(process.env)
      : { kind: 'sqlite', file: join(dataDir, 'hub.sqlite') };
  mkdirSync(dataDir, { recursive: true });
  const blobDir = join(dataDir, 'blobs');
  mkdirSync(blobDir, { recursive: true });
  const storage = await openStorage(config);
  try {
    const started = Date.now();
    const result = await seedDemo({
      storage,
      blobDir,
      cases: args.cases,
      seed: args.seed,
      now: started,
      spanDays: args.spanDays,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const out = {
      storage: config.kind,
      ...result,
      caseIds: undefined,
      cases: result.caseIds.length,
      ms: Date.now() - started,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`seed-demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
