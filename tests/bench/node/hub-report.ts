/*
 * The hub's KPI report over 100,000 cases (issue #9 item 7, goal < 200 ms), on SQLite and PostgreSQL
 * (run by hub-report.mjs under tsx). Nine hand-made cases of real signed events
 * (tests/unit/shared/stats/scenario.ts) are copied under 100,000 case ids (new event ids; the bodies
 * keep their signatures, which the report path does not re-check) and written straight into the hub's
 * tables in multi-row INSERTs with an org grant each and the per-case facts rows the hub keeps on push
 * (migration 006; pushing ~500k events through the API would only measure push). Then, in the same run
 * and on the same rows:
 *
 * - hub-events-scan-100k-<db> (baseline): `SELECT body FROM events` — every stored body read once.
 * - hub-kpis-100k-<db>: GET /v1/reports/kpis?from=2026-01-01&to=2026-11-28&groupBy=assignee through
 *   app.inject (the route, its scope query, reduction and shared/stats; no socket). Since #9 item 7 the
 *   answer carries counts only (its size is in the row's note).
 * - hub-kpis-drill-100k-<db>: GET /v1/reports/kpis/cases — one page (200) of the cases behind 结案数,
 *   same period and grouping.
 *
 * PostgreSQL: HUB_BENCH_PG_URL / HUB_TEST_PG_URL, else a throwaway cluster from tests/support/postgres.mjs
 * on loopback; skipped with the reason printed when none starts. HUB_BENCH_REPORT_CASES overrides N.
 * Prints one JSON line: [{name, runs:[ms…], baseline?, note?}].
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reduceCase } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { caseFacts } from '#shared/stats/index';
import { createUuidV7 } from '#shared/util/ids';
import { exportPublicKeyJwk, generateDeviceKeyPair } from '#shared/events/signing';
import { buildHub } from '../../../hub/src/app';
import { createEnrollCode, createOrg, createUser } from '../../../hub/src/admin/commands';
import type { SqlBackend, SqlValue } from '../../../hub/src/storage/db';
import { migrate } from '../../../hub/src/storage/migrate';
import { openBackend, storageOver, type StorageConfig } from '../../../hub/src/storage/open';
import { buildScenario } from '../../unit/shared/stats/scenario';

const N = Number(process.env['HUB_BENCH_REPORT_CASES'] ?? 100_000);
const RUNS = 3;
const ROWS_PER_INSERT = 400;
const log = (m: string) => {
  process.stderr.write(`[hub-report] ${m}\n`);
};

type Row = { name: string; runs: number[]; baseline?: string; note?: string };

type Template = { events: CaseEvent[]; owner: string; outside: string };

/** The nine cases' events and their stored facts (as the hub keeps them on push), per audience. */
async function templates(): Promise<Template[]> {
  const s = await buildScenario();
  return Object.values(s.ids).map((id) => {
    const events = s.desk.events(id);
    const pub = events.filter((e) => e.conf === 'public');
    return {
      events,
      owner: JSON.stringify(caseFacts(reduceCase(events))),
      outside: JSON.stringify(pub.length === 0 ? null : caseFacts(reduceCase(pub))),
    };
  });
}

async function insertMany(b: SqlBackend, table: string, cols: string[], rows: SqlValue[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const one = `(${cols.map(() => '?').join(', ')})`;
    await b.db.run(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`,
      chunk.flat(),
    );
  }
}

async function seed(b: SqlBackend, orgId: string, tpl: Template[]): Promise<number> {
  let seq = 0;
  let events = 0;
  const now = Date.now();
  const BATCH = 2_000;
  for (let start = 0; start < N; start += BATCH) {
    const evRows: SqlValue[][] = [];
    const caseRows: SqlValue[][] = [];
    const grantRows: SqlValue[][] = [];
    const factRows: SqlValue[][] = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const caseId = `bench-case-${String(i).padStart(6, '0')}`;
      const tp = tpl[i % tpl.length];
      if (!tp) throw new Error('no template');
      const t = tp.events;
      const opened = seq + 1;
      // Facts as the hub stores them on push, under this copy's case id.
      const id = JSON.stringify(t[0]?.caseId ?? '');
      factRows.push([caseId, 'owner', tp.owner.replaceAll(id, JSON.stringify(caseId))]);
      factRows.push([caseId, 'outside', tp.outside.replaceAll(id, JSON.stringify(caseId))]);
      for (const e of t) {
        seq += 1;
        const body = JSON.stringify({ ...e, id: `bench-ev-${String(seq)}`, caseId });
        evRows.push([
          seq,
          `bench-ev-${String(seq)}`,
          caseId,
          'bench-dev',
          seq,
          e.hash,
          e.type,
          e.conf,
          body,
          now,
        ]);
      }
      caseRows.push([caseId, orgId, opened, now, now]);
      grantRows.push([caseId, 'org', orgId, opened]);
      events += t.length;
    }
    await b.transaction(async (db) => {
      const tb = { ...b, db };
      await insertMany(
        tb,
        'events',
        [
          'hub_seq',
          'id',
          'case_id',
          'device_id',
          'device_seq',
          'hash',
          'type',
          'conf',
          'body',
          'received_at',
        ],
        evRows,
      );
      await insertMany(
        tb,
        'cases',
        ['case_id', 'owner_org_id', 'opened_seq', 'created_at', 'opened_at'],
        caseRows,
      );
      await insertMany(
        tb,
        'case_grants',
        ['case_id', 'principal_type', 'principal_id', 'granted_seq'],
        grantRows,
      );
      await insertMany(tb, 'case_facts', ['case_id', 'audience', 'facts'], factRows);
    });
  }
  return events;
}

async function bench(cfg: StorageConfig, name: string, tpl: Template[], rows: Row[]): Promise<void> {
  const backend = await openBackend(cfg);
  await migrate(backend);
  const storage = storageOver(backend);
  const ids = createUuidV7();
  const clock = () => Date.UTC(2026, 10, 28, 4);
  const app = await buildHub({
    storage,
    blobDir: mkdtempSync(join(tmpdir(), 'bench-report-blobs-')),
    clock,
    ids,
  });
  try {
    const deps = { storage, clock, ids };
    const org = await createOrg(deps, { name: '基准测试仲裁院', kind: 'arbitration', prefix: '测劳人仲字' });
    if (!org.ok) throw new Error(org.error.message);
    const user = await createUser(deps, { org: org.value.id, name: '赵主任', roles: 'supervisor' });
    if (!user.ok) throw new Error(user.error.message);
    const code = await createEnrollCode(deps, { user: user.value.id, ttlMs: 3600_000 });
    if (!code.ok) throw new Error(code.error.message);
    const enrolled = await app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      payload: {
        code: code.value.code,
        deviceName: 'bench',
        publicKey: await exportPublicKeyJwk((await generateDeviceKeyPair()).publicKey),
      },
    });
    const token = enrolled.json<{ token: string }>().token;
    const t0 = performance.now();
    const events = await seed(backend, org.value.id, tpl);
    log(
      `${name}: seeded ${String(N)} cases, ${String(events)} events in ${(performance.now() - t0).toFixed(0)} ms`,
    );

    const scan: number[] = [];
    const kpis: number[] = [];
    const drill: number[] = [];
    let bytes = 0;
    for (let r = 0; r < RUNS; r++) {
      const s0 = performance.now();
      const all = await backend.db.all('SELECT body FROM events');
      if (all.length < events) throw new Error('scan short');
      scan.push(performance.now() - s0);
      const k0 = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: '/v1/reports/kpis?from=2026-01-01&to=2026-11-28&groupBy=assignee',
        headers: { authorization: `Bearer ${token}` },
      });
      kpis.push(performance.now() - k0);
      if (res.statusCode !== 200) throw new Error(`kpis ${String(res.statusCode)} ${res.body.slice(0, 300)}`);
      const body = res.json<{ totals: { caseIds?: string[] }; scope?: unknown }>();
      bytes = Buffer.byteLength(res.body);
      if (r === 0) log(`${name}: kpis answer ${String(bytes)} bytes ${JSON.stringify(Object.keys(body))}`);
      const d0 = performance.now();
      const page = await app.inject({
        method: 'GET',
        url: '/v1/reports/kpis/cases?from=2026-01-01&to=2026-11-28&groupBy=assignee&key=closed&limit=200',
        headers: { authorization: `Bearer ${token}` },
      });
      drill.push(performance.now() - d0);
      if (page.statusCode !== 200)
        throw new Error(`drill ${String(page.statusCode)} ${page.body.slice(0, 300)}`);
      const p = page.json<{ total: number; caseIds: string[] }>();
      if (r === 0) log(`${name}: drill-down page ${String(p.caseIds.length)} of ${String(p.total)} cases`);
      log(
        `${name}: run ${String(r + 1)} scan ${scan.at(-1)?.toFixed(0) ?? ''} ms, kpis ${kpis.at(-1)?.toFixed(0) ?? ''} ms, drill ${drill.at(-1)?.toFixed(0) ?? ''} ms`,
      );
    }
    const k = N >= 1000 ? `${String(N / 1000)}k` : String(N);
    rows.push({ name: `hub-events-scan-${k}-${name}`, runs: scan, note: `${String(events)} events` });
    rows.push({
      name: `hub-kpis-${k}-${name}`,
      runs: kpis,
      baseline: `hub-events-scan-${k}-${name}`,
      note: `answer ${String(bytes)} bytes`,
    });
    rows.push({ name: `hub-kpis-drill-${k}-${name}`, runs: drill, baseline: `hub-events-scan-${k}-${name}` });
  } finally {
    await app.close();
    await storage.close();
  }
}

async function postgres(dir: string): Promise<{ url: string; stop: () => void } | string> {
  const given = process.env['HUB_BENCH_PG_URL'] ?? process.env['HUB_TEST_PG_URL'];
  if (given) return { url: given, stop: () => undefined };
  // A non-literal specifier: the helper is plain JavaScript without declarations.
  const spec = '../../support/postgres.mjs';
  const { startPostgres } = (await import(spec)) as {
    startPostgres: (o: { port: number; dir: string }) => { url: string; stop: () => void } | null;
  };
  try {
    const pg = startPostgres({ port: 55493, dir: join(dir, 'pg') });
    return pg ?? 'PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin/initdb missing)';
  } catch (e) {
    return `PostgreSQL did not start: ${e instanceof Error ? e.message : String(e)}`;
  }
}

async function main(): Promise<void> {
  const only = process.argv[2] ?? '';
  const tpl = await templates();
  log(`templates: ${String(tpl.length)} cases, owner facts ${String(tpl[0]?.owner.length ?? 0)} bytes`);
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  try {
    if ('sqlite'.includes(only) || only === '')
      await bench({ kind: 'sqlite', file: join(dir, 'hub.sqlite') }, 'sqlite', tpl, rows);
    if ('postgres'.includes(only) || only === '') {
      const pg = await postgres(dir);
      if (typeof pg === 'string') {
        log(`postgres skipped: ${pg}`);
        rows.push({ name: 'hub-kpis-postgres', runs: [0], note: `skipped: ${pg}` });
      } else {
        try {
          await bench(
            { kind: 'postgres', connectionString: pg.url, schema: `bench_report_${String(process.pid)}` },
            'postgres',
            tpl,
            rows,
          );
        } finally {
          pg.stop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

await main();
