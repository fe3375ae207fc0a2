// Runs hub-report.ts (TypeScript, needs tsx for the #shared imports) and hands its rows to run-bench.mjs:
// the hub's KPI report over 100k cases on SQLite and PostgreSQL against a scan of the same event rows.
import { execFileSync } from 'node:child_process';

export default async function hubReport({ filter, median }) {
  const names = [
    'hub-events-scan-100k-sqlite',
    'hub-kpis-100k-sqlite',
    'hub-kpis-drill-100k-sqlite',
    'hub-events-scan-100k-postgres',
    'hub-kpis-100k-postgres',
    'hub-kpis-drill-100k-postgres',
  ];
  if (!names.some((n) => n.includes(filter))) return [];
  const out = execFileSync('npx', ['tsx', 'tests/bench/node/hub-report.ts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const rows = JSON.parse(out.trim().split('\n').at(-1));
  return rows.map((r) => ({
    name: r.name,
    env: 'node-inject',
    baseline: r.baseline ?? null,
    runs: r.runs,
    min: Math.min(...r.runs),
    median: median(r.runs),
    ...(r.note ? { note: r.note } : {}),
  }));
}
