// The simulated world: ONE real hub (buildHub over in-memory SQLite, manual clock, re-seedable ids) shared by
// every seed (each seed gets a fresh organisation), and laptops made of the real renderer store on fake
// IndexedDB plus a memory journal (their "disk"), the real SyncLocal and the real sync engine. Between a
// laptop and the hub sits a fault layer (dropped requests and answers, duplicated and late requests, an
// offline switch) and around its SyncLocal a kill switch: a kill freezes the running sync at that point
// forever, and the laptop restarts from what it had persisted (IndexedDB + journal).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { createUuidV7 } from '#shared/util/ids';
import type { Role } from '#shared/sync/wire';
import { buildHub } from '../../hub/src/app';
import { createEnrollCode, createOrg, createUser, type AdminDeps } from '../../hub/src/admin/commands';
import { openStorage } from '../../hub/src/storage/open';
import type { OrgRecord, Storage, UserRecord } from '../../hub/src/storage/types';
import { plainCodec } from '../../renderer/data/codec';
import { memoryJournal } from '../../renderer/data/journal';
import { createSyncLocal, type SyncLocal } from '../../renderer/data/outbox';
import { openStore, type TribunalStore } from '../../renderer/data/store';
import { enrollDevice } from '../../renderer/sync/enroll';
import { createSyncEngine, type SyncEngine, type SyncOutcome } from '../../renderer/sync/engine';
import type { FetchLike } from '../../renderer/sync/hub-client';
import { TEST_RECOVERY } from '../unit/hub/support/recovery';
import { mulberry32, type Rng } from './prng';

export const HUB_URL = 'http://hub.sim';
/** Every seed starts at the same hub time, so a seed replays the same way alone or in a batch. */
export const T0 = Date.UTC(2026, 10, 28, 1, 0, 0);

export type SimHub = {
  app: FastifyInstance;
  storage: Storage;
  clock: { now: number };
  deps: AdminDeps;
  /** Hub clock back to T0 and a new id stream for a seed; returns the id stream for its laptops. */
  reseed(rng: Rng): Rng;
  close(): Promise<void>;
};

export async function startSimHub(): Promise<SimHub> {
  const storage = await openStorage({ kind: 'sqlite', file: ':memory:' });
  const clock = { now: T0 };
  let gen = createUuidV7(
    () => clock.now,
    (n) => new Uint8Array(n).fill(7),
  );
  let runs = 0;
  const ids = (): string => gen();
  const app = await buildHub({
    storage,
    blobDir: mkdtempSync(join(tmpdir(), 'sim-blobs-')),
    clock: () => clock.now,
    ids,
    // The hub's rate limits are per process and per minute of its clock; every seed replays the same
    // minutes, so they would fire across seeds. They are not what this simulation tests.
    limits: { authPerMinute: 1e9, syncPerMinute: 1e9 },
  });
  const deps: AdminDeps = { storage, clock: () => clock.now, ids, recovery: TEST_RECOVERY };
  return {
    app,
    storage,
    clock,
    deps,
    reseed: (rng) => {
      clock.now = T0;
      // Ids are mixed with a run counter: a seed run twice on one hub must not reuse any id (the hub
      // would rightly answer id_conflict). Ids never decide an outcome, only name things.
      const salt = Math.imul(++runs, 0x9e3779b1);
      const salted = (): Rng => mulberry32((Math.floor(rng.next() * 2 ** 32) ^ salt) >>> 0);
      const hubIds = salted();
      gen = createUuidV7(
        () => clock.now,
        (n) => hubIds.bytes(n),
      );
      return salted();
    },
    close: async () => {
      await app.close();
      await storage.close();
    },
  };
}

let orgCounter = 0;
export async function newOrg(hub: SimHub, seed: number): Promise<OrgRecord> {
  const r = await createOrg(hub.deps, {
    name: `模拟仲裁院-${String(seed)}-${String(++orgCounter)}`,
    kind: 'arbitration',
    prefix: '模仲字',
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export async function newUser(hub: SimHub, org: OrgRecord, name: string, roles: Role[]): Promise<UserRecord> {
  const r = await createUser(hub.deps, { org: org.id, name, roles: roles.join(',') });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

type InjectMethod = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT';
const METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PATCH', 'PUT'];
const isMethod = (m: string): m is InjectMethod => METHODS.includes(m);

/** One HTTP request as the client sent it (kept to deliver again later). */
export type WireRequest = {
  method: InjectMethod;
  path: string;
  headers: Record<string, string>;
  body?: string;
};

export function toWire(input: string, init: RequestInit = {}): WireRequest {
  const url = new URL(input);
  const method = (init.method ?? 'GET').toUpperCase();
  if (!isMethod(method)) throw new Error(`simulation: unexpected method ${method}`);
  const body = init.body;
  if (body !== undefined && body !== null && typeof body !== 'string')
    throw new Error('simulation: only JSON bodies are sent');
  return {
    method,
    path: `${url.pathname}${url.search}`,
    headers: Object.fromEntries(new Headers(init.headers).entries()),
    ...(typeof body === 'string' ? { body } : {}),
  };
}

/** Delivers a request to the hub in-process and turns the answer into a fetch Response. */
export async function deliver(app: FastifyInstance, r: WireRequest): Promise<Response> {
  const res = await app.inject({
    method: r.method,
    url: r.path,
    headers: r.headers,
    ...(r.body !== undefined ? { payload: r.body } : {}),
  });
  const out = new Headers();
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, String(v));
  const empty = res.statusCode === 204 || res.statusCode === 304 || r.method === 'HEAD';
  return new Response(empty ? null : new Uint8Array(res.rawPayload), {
    status: res.statusCode,
    headers: out,
  });
}

/** A laptop's persisted part: what survives a kill. */
type Disk = { factory: IDBFactory; journal: ReturnType<typeof memoryJournal>; dbName: string };

/** One running instance of the app on a laptop; replaced by a new one after a kill. */
export type Incarnation = {
  store: TribunalStore;
  local: SyncLocal;
  engine: SyncEngine;
  /** Resolves when this incarnation is killed (its sync run is frozen for good). */
  killed: Promise<'killed'>;
  kill(): void;
  dead: boolean;
};

/** What a laptop is apart from its running app (the fault layer reads and writes these). */
export type LaptopCore = {
  name: string;
  user: UserRecord;
  supervisor: boolean;
  /** Added to the hub's time to give this laptop's clock. */
  skewMs: number;
  offline: boolean;
  deviceId: string;
  disk: Disk;
  /** Events this laptop saw acknowledged (accepted or duplicate), with the hash it had sent. */
  acked: Map<string, string>;
  /** id → hash of the events most recently handed to push (pending()), to know what an ack was for. */
  offered: Map<string, string>;
};

export type Laptop = LaptopCore & {
  app: Incarnation;
  /** Wraps each incarnation's SyncLocal and fetch (kill points, fault layer, the broken variant). */
  wiring: Wiring;
};

const calendar = (() => {
  const c = bundledHolidayCalendar();
  if (!c.ok) throw new Error('bundled calendar failed');
  return c.value;
})();

let dbCounter = 0;

/** How an incarnation talks to the hub: its (wrapped) SyncLocal and its fetch. */
export type Wiring = (inc: Incarnation, local: SyncLocal) => { local: SyncLocal; fetch: FetchLike };

function openIncarnation(
  hub: SimHub,
  l: Pick<LaptopCore, 'skewMs' | 'disk'>,
  rng: Rng,
  wiring: Wiring | null,
): Incarnation {
  const now = (): number => hub.clock.now + l.skewMs;
  const store = openStore({
    dbName: l.disk.dbName,
    codec: plainCodec,
    journal: l.disk.journal,
    calendar,
    now,
    indexedDB: l.disk.factory,
    IDBKeyRange,
    newId: createUuidV7(now, (n) => rng.bytes(n)),
  });
  let resolveKill: (v: 'killed') => void = () => undefined;
  const killed = new Promise<'killed'>((r) => {
    resolveKill = r;
  });
  const plain = createSyncLocal(store);
  const inc: Incarnation = {
    store,
    local: plain,
    engine: createSyncEngine({
      local: plain,
      fetch: () => Promise.reject(new Error('this incarnation only enrols')),
      now,
      ownPublicKey: () => store.publicKeyJwk(),
    }),
    killed,
    kill: () => {
      inc.dead = true;
      resolveKill('killed');
    },
    dead: false,
  };
  if (wiring) {
    const w = wiring(inc, plain);
    inc.local = w.local;
    inc.engine = createSyncEngine({
      local: w.local,
      fetch: w.fetch,
      now,
      // Retries wait no simulated time: a lost answer is retried at once, as after a short real wait.
      sleep: () => Promise.resolve(),
      ownPublicKey: () => store.publicKeyJwk(),
    });
  }
  return inc;
}

export type LaptopSpec = {
  name: string;
  user: UserRecord;
  supervisor: boolean;
  skewMs: number;
  rng: Rng;
  wiring: (l: LaptopCore) => Wiring;
};

/** A new laptop enrolled (over a clean network) as `user`. */
export async function enrolLaptop(hub: SimHub, o: LaptopSpec): Promise<Laptop> {
  const disk: Disk = {
    factory: new IDBFactory(),
    journal: memoryJournal(),
    dbName: `sim-${String(++dbCounter)}`,
  };
  const core: LaptopCore = {
    name: o.name,
    user: o.user,
    supervisor: o.supervisor,
    skewMs: o.skewMs,
    offline: false,
    deviceId: '',
    disk,
    acked: new Map(),
    offered: new Map(),
  };
  const wiring = o.wiring(core);
  const l: Laptop = Object.assign(core, { app: openIncarnation(hub, core, o.rng, wiring), wiring });
  const code = await createEnrollCode(hub.deps, { user: o.user.id, ttlMs: 3_600_000 });
  if (!code.ok) throw new Error(code.error.message);
  const store = l.app.store;
  const enrolled = await enrollDevice(
    {
      local: l.app.local,
      publicKey: () => store.publicKeyJwk(),
      fetch: (input, init) => deliver(hub.app, toWire(input, init)),
    },
    { hubUrl: HUB_URL, code: code.value.code, deviceName: o.name },
  );
  if (!enrolled.ok) throw new Error(`enroll failed: ${JSON.stringify(enrolled.error)}`);
  l.deviceId = enrolled.value.deviceId;
  return l;
}

/** After a kill (or a plain quit): a new app instance over the same disk, recovered from the journal. */
export async function restart(hub: SimHub, l: Laptop, rng: Rng): Promise<void> {
  l.app.dead = true;
  l.app.store.close();
  l.app = openIncarnation(hub, l, rng, l.wiring);
  const r = await l.app.store.recover();
  if (!r.ok) throw new Error(`recovery failed on ${l.name}: ${r.error.message}`);
}

/** Runs one sync on the laptop; a kill during it answers 'killed' (the run itself never finishes). */
export function syncOnce(l: Laptop): Promise<SyncOutcome | 'killed'> {
  return Promise.race([l.app.engine.run(), l.app.killed]);
}
