// `npm test`: every suite, in order, then ONE plain closing line "N passed, N failed" summing them all.
// Typecheck, lint and format count as one check each; vitest and Playwright count their tests
// (read from their JSON reports, so the sum is exact). A suite that cannot run counts as failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { startPostgres } from './support/postgres.mjs';

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, cmd, args) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n── ${name} ──`);
  const okRun = run(cmd, args);
  totals[okRun ? 'passed' : 'failed'] += 1;
  lines.push(`${name}: ${okRun ? 'ok' : 'FAILED'}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function suite(name, cmd, args, report, count, env) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n── ${name} ──`);
  rmSync(report, { force: true });
  const okRun = run(cmd, args, env);
  const r = readJson(report);
  if (!r) {
    totals.failed += 1;
    lines.push(`${name}: no report (exit ${okRun ? 0 : 'non-zero'}) — counted as 1 failure`);
    return;
  }
  const c = count(r);
  // A runner that exits non-zero with no failing test (e.g. a crash in a hook) still fails the run.
  if (!okRun && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  lines.push(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
}

mkdirSync('test-results', { recursive: true });
const pg = process.env.HUB_TEST_PG_URL ? null : startPostgres();
const pgEnv = pg ? { HUB_TEST_PG_URL: pg.url } : {};
if (!process.env.HUB_TEST_PG_URL && !pg)
  console.log('PostgreSQL 15 not installed: hub PostgreSQL suites will fail.');

try {
  check('typecheck', 'npx', ['tsc', '-b']);
  check('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
  check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
  suite(
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
    'test-results/unit.json',
    (r) => ({
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numFailedTestSuites ?? 0),
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    }),
    pgEnv,
  );
  if (existsSync('playwright.config.ts')) {
    suite(
      'e2e',
      'npx',
      ['playwright', 'test'],
      'test-results/e2e.json',
      (r) => ({
        passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
        failed: r.stats?.unexpected ?? 1,
        skipped: r.stats?.skipped ?? 0,
      }),
      { ...pgEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json' },
    );
  }
} finally {
  pg?.stop();
}

console.log('\n── summary ──');
for (const l of lines) console.log(l);
// Skipped tests are defects here: count them as failures so they cannot hide.
const failed = totals.failed + totals.skipped;
console.log(`${totals.passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
