// Runs sync-first.ts (TypeScript under tsx, for the #shared imports) and hands its rows to run-bench.mjs.
// Defaults keep `npm run bench` within minutes: 1,000 cases (10k events) for the first sync; the issue's
// full size, 10,000 cases (≈100k events), with BENCH_LARGE=1 (or any BENCH_SYNC_CASES) — it takes
// 15–30 minutes on the shared 2-core machine (signing and seeding 100k events, then both syncs).
// PostgreSQL: HUB_BENCH_PG_URL, else a loopback cluster is started (skipped with the reason printed when
// PostgreSQL is not installed). BENCH_PROFILE=<file> writes a CPU profile of our first sync alone.
import { execFileSync } from 'node:child_process';

const NAMES = [
  'first-sync',
  'pouchdb-replicate',
  'incremental-sync',
  'hub-push',
  'hub-blob-upload',
  'http-raw-put',
];

export default async function syncFirst({ filter, median }) {
  if (!NAMES.some((n) => n.includes(filter) || filter.includes(n))) return [];
  const env = {
    BENCH_SYNC_CASES: process.env.BENCH_LARGE ? '10000' : '1000',
    BENCH_PUSH_EVENTS: '5000',
    BENCH_BLOB_MB: '64',
    ...process.env,
  };
  const out = execFileSync('npx', ['tsx', 'tests/bench/node/sync-first.ts', filter], {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const rows = JSON.parse(out.trim().split('\n').at(-1));
  return rows.map((r) => ({
    name: r.name,
    env: 'node-loopback',
    baseline: r.baseline ?? null,
    runs: r.runs,
    min: Math.min(...r.runs),
    median: median(r.runs),
    ...(r.note ? { note: r.note } : {}),
  }));
}
