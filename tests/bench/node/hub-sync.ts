/*
 * Hub benchmark (run by hub-sync.mjs under tsx): push 5,000 signed events (500 cases: one case.opened and
 * nine review.commented each) in batches of 500 and pull them back, over loopback HTTP against the real
 * hub on SQLite and on PostgreSQL, compared with the same number of request bodies POSTed to a bare
 * node:http server that only parses the JSON (the raw HTTP baseline of the same run).
 * PostgreSQL: HUB_BENCH_PG_URL (or HUB_TEST_PG_URL), else a throwaway loopback cluster
 * (tests/support/postgres.mjs); when neither works the PostgreSQL rows carry the reason in `note`.
 * Prints one JSON line: [{name, runs:[ms…], baseline?, note?}]; push rows note events/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { createTestDevice } from '#shared/events/testing';
import type { CaseEvent } from '#shared/events/envelope';
import { createUuidV7 } from '#shared/util/ids';
import { buildHub } from '../../../hub/src/app';
import { createEnrollCode, createOrg, createUser } from '../../../hub/src/admin/commands';
import { openStorage, type StorageConfig } from '../../../hub/src/storage/open';

const EVENTS = 5000;
const BATCH = 500;
const RUNS = 3;

type Result = { name: string; runs: number[]; baseline?: string; note?: string };

async function post(url: string, body: string, token?: string): Promise<unknown> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const json: unknown = await r.json();
  if (!r.ok) throw new Error(`${url}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

async function makeEvents(): Promise<{
  device: Awaited<ReturnType<typeof createTestDevice>>;
  events: CaseEvent[];
}> {
  const ids = createUuidV7();
  const device = await createTestDevice({
    deviceId: ids(),
    userId: ids(),
    orgId: ids(),
    role: 'mediator',
    clock: (() => {
      let t = Date.now() - EVENTS * 10;
      return () => (t += 10);
    })(),
  });
  return { device, events: [] };
}

async function hubRun(
  storageOf: (dir: string, run: number) => StorageConfig,
  run: number,
): Promise<{ push: number; pull: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hub-'));
  const storage = await openStorage(storageOf(dir, run));
  const ids = createUuidV7();
  const app = await buildHub({
    storage,
    blobDir: join(dir, 'blobs'),
    clock: () => Date.now(),
    ids,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  try {
    const deps = { storage, clock: () => Date.now(), ids };
    const org = await createOrg(deps, { name: '基准测试仲裁院', kind: 'arbitration', prefix: '测劳人仲字' });
    if (!org.ok) throw new Error(org.error.message);
    const user = await createUser(deps, { org: org.value.id, name: '王调解', roles: 'mediator' });
    if (!user.ok) throw new Error(user.error.message);
    const code = await createEnrollCode(deps, { user: user.value.id, ttlMs: 3600_000 });
    if (!code.ok) throw new Error(code.error.message);
    const { device } = await makeEvents();
    const enrolled = (await post(
      `${base}/v1/devices/enroll`,
      JSON.stringify({ code: code.value.code, deviceName: 'bench', publicKey: device.jwk }),
    )) as { deviceId: string; token: string };
    const real = await createTestDevice({
      deviceId: enrolled.deviceId,
      userId: user.value.id,
      orgId: org.value.id,
      role: 'mediator',
      keys: device.keys,
    });
    const events: CaseEvent[] = [];
    const caseIds = Array.from({ length: EVENTS / 10 }, () => ids());
    for (const caseId of caseIds) {
      events.push(await real.emit(caseId, 'case.opened', SAMPLE_PAYLOADS['case.opened']));
      for (let i = 0; i < 9; i++)
        events.push(await real.emit(caseId, 'review.commented', SAMPLE_PAYLOADS['review.commented']));
    }
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += BATCH) {
      const res = (await post(
        `${base}/v1/sync/push`,
        JSON.stringify({ events: events.slice(i, i + BATCH) }),
        enrolled.token,
      )) as {
        results: { status: string; reason?: string }[];
      };
      const bad = res.results.find((r) => r.status === 'rejected');
      if (bad) throw new Error(`push rejected: ${bad.reason ?? ''}`);
    }
    const push = performance.now() - t0;
    const t1 = performance.now();
    let cursor = '';
    let pulled = 0;
    for (;;) {
      const r = await fetch(
        `${base}/v1/sync/pull?limit=1000${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`,
        {
          headers: { authorization: `Bearer ${enrolled.token}` },
        },
      );
      const body = (await r.json()) as { events: unknown[]; cursor: string; hasMore: boolean };
      pulled += body.events.length;
      cursor = body.cursor;
      if (!body.hasMore) break;
    }
    const pull = performance.now() - t1;
    if (pulled < EVENTS) throw new Error(`pulled ${pulled} of ${EVENTS}`);
    return { push, pull };
  } finally {
    await app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rawRun(): Promise<number> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: unknown[] };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ results: parsed.events.map(() => ({ status: 'accepted' })) }));
    });
  });
  await new Promise<void>((r) =>
    server.listen(0, '127.0.0.1', () => {
      r();
    }),
  );
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  const { device } = await makeEvents();
  const caseId = createUuidV7()();
  const events: CaseEvent[] = [];
  for (let i = 0; i < EVENTS; i++)
    events.push(await device.emit(caseId, 'review.commented', SAMPLE_PAYLOADS['review.commented']));
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += BATCH)
    await post(url, JSON.stringify({ events: events.slice(i, i + BATCH) }));
  const ms = performance.now() - t0;
  server.close();
  return ms;
}

// A variable specifier: the .mjs helper has no type declarations, its shape is stated below.
const POSTGRES_SUPPORT = '../../support/postgres.mjs';

async function postgres(): Promise<{ url: string; stop: () => void } | string> {
  const given = process.env['HUB_BENCH_PG_URL'] ?? process.env['HUB_TEST_PG_URL'];
  if (given) return { url: given, stop: () => undefined };
  const { startPostgres } = (await import(POSTGRES_SUPPORT)) as {
    startPostgres: (o: { port: number; dir: string }) => { url: string; stop: () => void } | null;
  };
  const dir = mkdtempSync(join(tmpdir(), 'bench-hub-pg-'));
  try {
    const pg = startPostgres({ port: 55492, dir });
    if (!pg) return 'PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin/initdb missing)';
    return {
      url: pg.url,
      stop: () => {
        pg.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    return `PostgreSQL did not start: ${e instanceof Error ? e.message : String(e)}`;
  }
}

const perSecond = (ms: number): string => `${Math.round((EVENTS / ms) * 1000).toLocaleString('en')} events/s`;
const medianOf = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const raw: number[] = [];
const push: number[] = [];
const pull: number[] = [];
const pgPush: number[] = [];
const pgPull: number[] = [];
const pg = await postgres();
try {
  for (let i = 0; i < RUNS; i++) {
    raw.push(await rawRun());
    const h = await hubRun((dir) => ({ kind: 'sqlite', file: join(dir, 'hub.sqlite') }), i);
    push.push(h.push);
    pull.push(h.pull);
    if (typeof pg !== 'string') {
      const p = await hubRun(
        (_dir, run) => ({
          kind: 'postgres',
          connectionString: pg.url,
          schema: `bench_${String(process.pid)}_${String(run)}`,
        }),
        i,
      );
      pgPush.push(p.push);
      pgPull.push(p.pull);
    }
  }
} finally {
  if (typeof pg !== 'string') pg.stop();
}
const results: Result[] = [
  { name: 'http-raw-post-5k-events', runs: raw, note: perSecond(medianOf(raw)) },
  {
    name: 'hub-push-5k-events-sqlite',
    runs: push,
    baseline: 'http-raw-post-5k-events',
    note: perSecond(medianOf(push)),
  },
  { name: 'hub-pull-5k-events-sqlite', runs: pull, baseline: 'http-raw-post-5k-events' },
  ...(typeof pg === 'string'
    ? [{ name: 'hub-push-5k-events-postgres', runs: [0], note: `skipped: ${pg}` }]
    : [
        {
          name: 'hub-push-5k-events-postgres',
          runs: pgPush,
          baseline: 'http-raw-post-5k-events',
          note: perSecond(medianOf(pgPush)),
        },
        { name: 'hub-pull-5k-events-postgres', runs: pgPull, baseline: 'http-raw-post-5k-events' },
      ]),
];
process.stdout.write(`${JSON.stringify(results)}\n`);
