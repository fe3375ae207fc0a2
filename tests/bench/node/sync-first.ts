/*
 * Sync benchmarks of issue #7 item 8, run by sync-first.mjs under tsx, over loopback HTTP against the
 * real hub (buildHub, as hub/src/main.ts):
 *
 * - first sync of CASES cases (10 events each; 10,000 cases ≈ 100k events; sync-first.mjs passes 1,000
 *   unless BENCH_LARGE=1) to a new device: the real renderer sync engine (renderer/sync, createSyncLocal
 *   over a TribunalStore on fake-indexeddb: verify every signature and chain link, store, project every
 *   case) pulling from the hub; side by
 *   side, in the same run, PouchDB replicating the same events as documents from express-pouchdb (both
 *   ends on the memory adapter) to a new local database — the ratio is PouchDB's time over ours;
 * - incremental sync of 100 new events to that device (its second run);
 * - hub push throughput (events/s) on SQLite and on PostgreSQL (a loopback cluster as in
 *   tests/support/postgres.mjs, or HUB_BENCH_PG_URL; printed why when skipped);
 * - blob upload: a 64 MiB file PATCHed to the hub in 8 MiB chunks, against a raw HTTP PUT of the same
 *   bytes to a bare node:http server that writes them to a file.
 *
 * Prints one JSON line: [{name, runs:[ms…], baseline?, note?}] (throughput rows carry events/s in note).
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseEvent } from '#shared/events/envelope';
import { createTestDevice, type TestDevice } from '#shared/events/testing';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { createUuidV7 } from '#shared/util/ids';
import { createEnrollCode, createOrg, createUser } from '../../../hub/src/admin/commands';
import { buildHub } from '../../../hub/src/app';
import { openStorage, type StorageConfig } from '../../../hub/src/storage/open';
import type { Storage } from '../../../hub/src/storage/types';
import { createSyncLocal } from '../../../renderer/data/outbox';
import { createSyncEngine } from '../../../renderer/sync/engine';
import { enrollDevice } from '../../../renderer/sync/enroll';
import { harness } from '../../unit/renderer/data/store-harness';

type Row = { name: string; runs: number[]; baseline?: string; note?: string };
const rows: Row[] = [];
const log = (s: string): void => void process.stderr.write(`[sync-bench] ${s}\n`);

const CASES = Number(process.env['BENCH_SYNC_CASES'] ?? 10_000);
const PER_CASE = 10;
const BATCH = 500;
const PUSH_EVENTS = Number(process.env['BENCH_PUSH_EVENTS'] ?? 20_000);
const BLOB_MB = Number(process.env['BENCH_BLOB_MB'] ?? 64);

async function postJson(url: string, body: unknown, token?: string): Promise<unknown> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json: unknown = await r.json();
  if (!r.ok) throw new Error(`${url}: ${String(r.status)} ${JSON.stringify(json)}`);
  return json;
}

type Hub = {
  base: string;
  storage: Storage;
  org: string;
  /** A user of the organisation and a one-time code. */
  user(name: string, roles: string): Promise<{ id: string; code: string }>;
  close(): Promise<void>;
};

async function startHub(cfg: StorageConfig, dir: string): Promise<Hub> {
  const storage = await openStorage(cfg);
  const ids = createUuidV7();
  const app = await buildHub({
    storage,
    blobDir: join(dir, 'blobs'),
    clock: () => Date.now(),
    ids,
    logger: false,
    limits: { syncPerMinute: 1_000_000, authPerMinute: 1_000_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${String(typeof addr === 'object' && addr ? addr.port : 0)}`;
  const deps = { storage, clock: () => Date.now(), ids };
  const org = await createOrg(deps, { name: '基准测试仲裁院', kind: 'arbitration', prefix: '测劳人仲字' });
  if (!org.ok) throw new Error(org.error.message);
  return {
    base,
    storage,
    org: org.value.id,
    user: async (name, roles) => {
      const u = await createUser(deps, { org: org.value.id, name, roles });
      if (!u.ok) throw new Error(u.error.message);
      const code = await createEnrollCode(deps, { user: u.value.id, ttlMs: 3_600_000 });
      if (!code.ok) throw new Error(code.error.message);
      return { id: u.value.id, code: code.value.code };
    },
    close: async () => {
      await app.close();
      await storage.close();
    },
  };
}

/** A device enrolled on the hub through the API, emitting signed events. */
async function source(hub: Hub, name: string): Promise<{ device: TestDevice; token: string }> {
  const u = await hub.user(name, 'mediator');
  const keys = await createTestDevice({ deviceId: 'x', userId: u.id, orgId: hub.org, role: 'mediator' });
  const enrolled = (await postJson(`${hub.base}/v1/devices/enroll`, {
    code: u.code,
    deviceName: name,
    publicKey: keys.jwk,
  })) as { deviceId: string; token: string };
  let t = Date.now() - 3_600_000;
  const device = await createTestDevice({
    deviceId: enrolled.deviceId,
    userId: u.id,
    orgId: hub.org,
    role: 'mediator',
    keys: keys.keys,
    clock: () => (t += 1),
  });
  return { device, token: enrolled.token };
}

async function caseEvents(device: TestDevice, cases: number): Promise<CaseEvent[]> {
  const ids = createUuidV7();
  const out: CaseEvent[] = [];
  for (let c = 0; c < cases; c++) {
    const caseId = ids();
    out.push(await device.emit(caseId, 'case.opened', SAMPLE_PAYLOADS['case.opened']));
    for (let i = 1; i < PER_CASE; i++)
      out.push(await device.emit(caseId, 'review.commented', SAMPLE_PAYLOADS['review.commented']));
  }
  return out;
}

async function push(hub: Hub, token: string, events: readonly CaseEvent[]): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    const res = (await postJson(
      `${hub.base}/v1/sync/push`,
      { events: events.slice(i, i + BATCH) },
      token,
    )) as {
      results: { status: string; reason?: string; detail?: string }[];
    };
    const bad = res.results.find((r) => r.status === 'rejected');
    if (bad) throw new Error(`push rejected: ${bad.reason ?? ''} ${bad.detail ?? ''}`);
  }
  return performance.now() - t0;
}

/**
 * CPU time of this process (all threads: WebCrypto jobs too) in ms. On the shared machine the wall
 * clock mostly measures the other jobs; the CPU each side spends is the steadier comparison.
 */
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

const perSecond = (n: number, ms: number): string =>
  `${Math.round((n / ms) * 1000).toLocaleString('en')} events/s`;

/** With BENCH_PROFILE=<file>: a CPU profile of the first sync alone (node:inspector), for finding where it goes. */
async function profile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return () => Promise.resolve();
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile: p } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(p));
    session.disconnect();
  };
}

// ---- first and incremental sync, ours ----
async function ourSync(events: CaseEvent[], extra: () => Promise<CaseEvent[]>, hub: Hub, token: string) {
  const sup = await hub.user('赵主任', 'supervisor');
  const { store } = harness();
  const local = createSyncLocal(store);
  const enrolled = await enrollDevice(
    { local, publicKey: () => store.publicKeyJwk(), fetch: (i, init) => fetch(i, init) },
    { hubUrl: hub.base, code: sup.code, deviceName: '新笔记本' },
  );
  if (!enrolled.ok) throw new Error(`enroll: ${JSON.stringify(enrolled.error)}`);
  const engine = createSyncEngine({
    local,
    fetch: (i, init) => fetch(i, init),
    now: () => Date.now(),
    ownPublicKey: () => store.publicKeyJwk(),
  });
  const stopProfile = await profile(process.env['BENCH_PROFILE']);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const first = await engine.run();
  const firstMs = performance.now() - t0;
  const firstCpu = cpuMs(process.cpuUsage(c0));
  await stopProfile();
  if (!first.ok) throw new Error(`first sync failed: ${JSON.stringify(first.failure)}`);
  if (first.pull.stored < events.length)
    throw new Error(`stored ${String(first.pull.stored)} of ${String(events.length)}`);
  const cases = (await store.allCaseStates()).length;
  if (cases !== events.length / PER_CASE) throw new Error(`projected ${String(cases)} cases`);
  await push(hub, token, await extra());
  const t1 = performance.now();
  const second = await engine.run();
  const incMs = performance.now() - t1;
  if (!second.ok || second.pull.stored !== 100) throw new Error('incremental sync did not store 100 events');
  store.close();
  return { firstMs, firstCpu, incMs };
}

// ---- the same data through PouchDB ----
type PouchDoc = Record<string, unknown> & { _id: string };
type PouchDb = {
  bulkDocs(docs: PouchDoc[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
  replicate: { from(db: PouchDb, opts?: Record<string, unknown>): Promise<{ docs_written: number }> };
  destroy(): Promise<void>;
};
type PouchCtor = {
  new (name: string, opts?: object): PouchDb;
  plugin(p: unknown): PouchCtor;
  defaults(o: object): PouchCtor;
};

async function pouchSync(events: readonly CaseEvent[]): Promise<{ ms: number; cpu: number } | string> {
  const require = createRequire(import.meta.url);
  let PouchDB: PouchCtor;
  let express: () => {
    use(p: string, h: unknown): void;
    listen(port: number, host: string, cb: () => void): Server;
  };
  let expressPouch: (p: PouchCtor, o: object) => unknown;
  try {
    PouchDB = (require('pouchdb-core') as PouchCtor)
      .plugin(require('pouchdb-adapter-memory'))
      .plugin(require('pouchdb-adapter-http'))
      .plugin(require('pouchdb-replication'))
      .plugin(require('pouchdb-mapreduce'));
    express = require('express') as typeof express;
    expressPouch = require('express-pouchdb') as typeof expressPouch;
  } catch (e) {
    return `PouchDB packages missing (${e instanceof Error ? e.message : String(e)})`;
  }
  const ServerDb = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  app.use(
    '/',
    expressPouch(ServerDb, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: join(tmpdir(), 'pouch-log.txt'),
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  const addr = server.address();
  const url = `http://127.0.0.1:${String(typeof addr === 'object' && addr ? addr.port : 0)}/cases`;
  const remote = new ServerDb('cases');
  for (let i = 0; i < events.length; i += 5000)
    await remote.bulkDocs(events.slice(i, i + 5000).map((e) => ({ ...e, _id: e.id })));
  const LocalDb = PouchDB.defaults({ adapter: 'memory' });
  const local = new LocalDb(`device-${String(Date.now())}`);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // A URL given to a memory-default constructor would name a memory database: open it over HTTP.
  const source = new PouchDB(url, { adapter: 'http' });
  const r = await local.replicate.from(source, { batch_size: 1000, batches_limit: 5 });
  const ms = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(c0));
  const info = await local.info();
  if (info.doc_count !== events.length)
    throw new Error(`pouch replicated ${String(info.doc_count)} (${String(r.docs_written)})`);
  await local.destroy();
  await remote.destroy();
  server.close();
  return { ms, cpu };
}

// ---- push throughput per store ----
async function pushThroughput(cfg: StorageConfig, name: string, dir: string): Promise<void> {
  const hub = await startHub(cfg, dir);
  try {
    const { device, token } = await source(hub, '钱调解');
    const events = await caseEvents(device, PUSH_EVENTS / PER_CASE);
    const ms = await push(hub, token, events);
    rows.push({
      name: `hub-push-${String(PUSH_EVENTS / 1000)}k-${name}`,
      runs: [ms],
      note: perSecond(events.length, ms),
    });
    log(`push ${name}: ${perSecond(events.length, ms)}`);
  } finally {
    await hub.close();
  }
}

// A variable specifier: the .mjs helper has no type declarations, its shape is stated below.
const POSTGRES_SUPPORT = '../../support/postgres.mjs';

async function postgres(dir: string): Promise<{ url: string; stop: () => void } | string> {
  const given = process.env['HUB_BENCH_PG_URL'] ?? process.env['HUB_TEST_PG_URL'];
  if (given) return { url: given, stop: () => undefined };
  const { startPostgres } = (await import(POSTGRES_SUPPORT)) as {
    startPostgres: (o: { port: number; dir: string }) => { url: string; stop: () => void } | null;
  };
  try {
    const pg = startPostgres({ port: 55491, dir: join(dir, 'pg') });
    return pg ?? 'PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin/initdb missing)';
  } catch (e) {
    return `PostgreSQL did not start: ${e instanceof Error ? e.message : String(e)}`;
  }
}

// ---- blob upload vs raw PUT ----
async function blobUpload(dir: string): Promise<void> {
  const bytes = new Uint8Array(BLOB_MB * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i * 2654435761) & 0xff;
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const raw = createServer((req, res) => {
    const out = createWriteStream(join(dir, `raw-${String(Date.now())}.bin`));
    req.pipe(out);
    out.on('finish', () => {
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  const rawAddr = raw.address();
  const rawUrl = `http://127.0.0.1:${String(typeof rawAddr === 'object' && rawAddr ? rawAddr.port : 0)}/`;
  const t0 = performance.now();
  const put = await fetch(rawUrl, { method: 'PUT', body: bytes });
  const rawMs = performance.now() - t0;
  if (put.status !== 204) throw new Error(`raw PUT ${String(put.status)}`);
  raw.close();

  const hub = await startHub({ kind: 'sqlite', file: join(dir, 'blob-hub.sqlite') }, join(dir, 'blobhub'));
  try {
    const { device, token } = await source(hub, '孙调解');
    const caseId = createUuidV7()();
    const opened = await device.emit(caseId, 'case.opened', SAMPLE_PAYLOADS['case.opened']);
    const evidence = await device.emit(caseId, 'evidence.added', {
      ...SAMPLE_PAYLOADS['evidence.added'],
      sha256,
      size: bytes.length,
      fileName: 'bench.bin',
    });
    await push(hub, token, [opened, evidence]);
    const CHUNK = 8 * 1024 * 1024;
    const t1 = performance.now();
    for (let off = 0; off < bytes.length; off += CHUNK) {
      const r = await fetch(`${hub.base}/v1/blobs/${sha256}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(off),
          'upload-length': String(bytes.length),
        },
        body: bytes.subarray(off, Math.min(off + CHUNK, bytes.length)),
      });
      if (r.status !== 204) throw new Error(`PATCH ${String(r.status)} ${await r.text()}`);
    }
    const hubMs = performance.now() - t1;
    const mbps = (ms: number): string => `${((BLOB_MB / ms) * 1000).toFixed(0)} MiB/s`;
    rows.push({ name: `http-raw-put-${String(BLOB_MB)}mb`, runs: [rawMs], note: mbps(rawMs) });
    rows.push({
      name: `hub-blob-upload-${String(BLOB_MB)}mb`,
      runs: [hubMs],
      baseline: `http-raw-put-${String(BLOB_MB)}mb`,
      note: `${mbps(hubMs)}, 8 MiB chunks, SHA-256 checked`,
    });
  } finally {
    await hub.close();
  }
}

const only = process.argv[2] ?? '';
const want = (n: string): boolean => only === '' || n.includes(only) || only.includes(n);
const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
try {
  if (want('first-sync') || want('pouch') || want('incremental')) {
    const hub = await startHub({ kind: 'sqlite', file: join(dir, 'hub.sqlite') }, dir);
    try {
      const { device, token } = await source(hub, '王调解');
      log(`signing ${String(CASES * PER_CASE)} events`);
      const events = await caseEvents(device, CASES);
      const seedMs = await push(hub, token, events);
      log(`seeded over HTTP: ${perSecond(events.length, seedMs)}`);
      rows.push({
        name: `hub-push-${String(events.length / 1000)}k-sqlite-seed`,
        runs: [seedMs],
        note: perSecond(events.length, seedMs),
      });
      const ours = await ourSync(events, () => caseEvents(device, 100 / PER_CASE), hub, token);
      log(
        `first sync ${ours.firstMs.toFixed(0)} ms (${perSecond(events.length, ours.firstMs)}), incremental ${ours.incMs.toFixed(0)} ms`,
      );
      const firstName = `first-sync-${String(CASES / 1000)}k-cases`;
      const pouch = await pouchSync(events);
      if (typeof pouch !== 'string') {
        log(
          `pouch ${pouch.ms.toFixed(0)} ms, CPU ${pouch.cpu.toFixed(0)} ms; ours CPU ${ours.firstCpu.toFixed(0)} ms`,
        );
        rows.push({
          name: `pouchdb-replicate-${String(CASES / 1000)}k-cases`,
          runs: [pouch.ms],
          note: `${perSecond(events.length, pouch.ms)}, CPU ${(pouch.cpu / 1000).toFixed(1)} s`,
        });
        rows.push({
          name: firstName,
          runs: [ours.firstMs],
          baseline: `pouchdb-replicate-${String(CASES / 1000)}k-cases`,
          note:
            `${perSecond(events.length, ours.firstMs)}; ${(pouch.ms / ours.firstMs).toFixed(2)}× faster than PouchDB; ` +
            `CPU ${(ours.firstCpu / 1000).toFixed(1)} s, ${(pouch.cpu / ours.firstCpu).toFixed(2)}× less than PouchDB's`,
        });
      } else {
        log(`pouch skipped: ${pouch}`);
        rows.push({
          name: firstName,
          runs: [ours.firstMs],
          note: `${perSecond(events.length, ours.firstMs)}; PouchDB skipped: ${pouch}`,
        });
      }
      rows.push({ name: 'incremental-sync-100-events', runs: [ours.incMs] });
    } finally {
      await hub.close();
    }
  }
  if (want('hub-push')) {
    await pushThroughput(
      { kind: 'sqlite', file: join(dir, 'push.sqlite') },
      'sqlite',
      join(dir, 'push-sqlite'),
    );
    const pg = await postgres(dir);
    if (typeof pg === 'string') {
      log(`PostgreSQL push skipped: ${pg}`);
      rows.push({ name: 'hub-push-postgres', runs: [0], note: `skipped: ${pg}` });
    } else {
      try {
        await pushThroughput(
          {
            kind: 'postgres',
            connectionString: pg.url,
            schema: `bench_${String(process.pid)}_${String(Date.now())}`,
          },
          'postgres',
          join(dir, 'push-pg'),
        );
      } finally {
        pg.stop();
      }
    }
  }
  if (want('blob')) await blobUpload(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(rows)}\n`);
