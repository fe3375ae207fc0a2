// Runs hub-sync.ts (TypeScript, needs tsx for the #shared imports) and hands its rows to run-bench.mjs.
import { execFileSync } from 'node:child_process';

export default async function hubSync({ filter, median }) {
  const names = [
    'http-raw-post-5k-events',
    'hub-push-5k-events-sqlite',
    'hub-pull-5k-events-sqlite',
    'hub-push-5k-events-postgres',
    'hub-pull-5k-events-postgres',
  ];
  if (!names.some((n) => n.includes(filter))) return [];
  const out = execFileSync('npx', ['tsx', 'tests/bench/node/hub-sync.ts'], { encoding: 'utf8' });
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
