/*
 * seedDemo: fills a hub with a demo world through the hub's own code paths: organisations and users
 * by the admin functions, devices enrolled by POST /v1/devices/enroll, and every case event sealed by
 * its author's device and sent through POST /v1/sync/push (full validation, official numbers by the hub).
 * Runs the hub in-process (app.inject), so no port is opened. Deterministic from the seed.
 */
import type { FastifyInstance } from 'fastify';
import { seededRng } from '#shared/law/identifiers';
import type { EnrollResponse, PushResult, Role } from '#shared/sync/wire';
import { createUuidV7 } from '#shared/util/ids';
import { createEnrollCode, createOrg, createUser, type AdminDeps } from '../admin/commands';
import { buildHub } from '../app';
import type { Storage } from '../storage/types';
import { chineseName } from './people';
import { planCase, type ActorKey, type PlannedEvent } from './plan';
import { createDemoDevice, type DemoDevice } from './writer';

export type SeedOptions = {
  storage: Storage;
  blobDir: string;
  cases: number;
  seed: number;
  /** "Now" for the demo: cases are received within `spanDays` before it. */
  now: number;
  spanDays?: number;
  /** Enrollment codes printed for browsers live this long (default 7 days). */
  codeTtlMs?: number;
  log?: (line: string) => void;
};

export type DemoUser = { key: ActorKey; id: string; name: string; orgId: string; roles: Role[] };
export type SeedResult = {
  orgs: { arbitration: string; union: string; court: string };
  users: DemoUser[];
  /** Fresh one-time codes for browsers (e2e tests, demos), by user key. */
  enrollCodes: Partial<Record<ActorKey, string>>;
  caseIds: string[];
  events: number;
};

const ARBITRATORS = 3;
const MEDIATORS = 3;
const BATCH = 200;

type Staff = {
  key: ActorKey;
  org: 'arbitration' | 'union' | 'court';
  roles: Role[];
  role: Role;
  title: string;
};

const STAFF: Staff[] = [
  {
    key: 'supArb',
    org: 'arbitration',
    roles: ['arbitrator', 'supervisor'],
    role: 'supervisor',
    title: '院长',
  },
  ...Array.from({ length: ARBITRATORS }, (_, i): Staff => ({
    key: `arb${String(i)}`,
    org: 'arbitration',
    roles: ['arbitrator'],
    role: 'arbitrator',
    title: '仲裁员',
  })),
  { key: 'supUnion', org: 'union', roles: ['mediator', 'supervisor'], role: 'supervisor', title: '主任' },
  ...Array.from({ length: MEDIATORS }, (_, i): Staff => ({
    key: `med${String(i)}`,
    org: 'union',
    roles: ['mediator'],
    role: 'mediator',
    title: '调解员',
  })),
  { key: 'court', org: 'court', roles: ['supervisor'], role: 'supervisor', title: '法官' },
];

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function enroll(
  app: FastifyInstance,
  code: string,
  jwk: JsonWebKey,
  name: string,
): Promise<EnrollResponse> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/devices/enroll',
    payload: { code, deviceName: name, publicKey: jwk },
  });
  if (res.statusCode !== 201) throw new Error(`enroll ${String(res.statusCode)} ${res.body}`);
  return res.json<EnrollResponse>();
}

async function push(app: FastifyInstance, token: string, events: readonly unknown[]): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: { events: events.slice(i, i + BATCH) },
    });
    if (res.statusCode !== 200) throw new Error(`push ${String(res.statusCode)} ${res.body}`);
    const bad = res.json<{ results: PushResult[] }>().results.find((r) => r.status === 'rejected');
    if (bad) throw new Error(`push rejected ${bad.id}: ${bad.reason ?? ''} ${bad.detail ?? ''}`);
  }
}

export async function seedDemo(o: SeedOptions): Promise<SeedResult> {
  const log = o.log ?? (() => undefined);
  const rng = seededRng(o.seed);
  const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(rng() * 256));
  const ids = createUuidV7(() => o.now, bytes);
  const clock = (): number => o.now;
  const deps: AdminDeps = { storage: o.storage, clock, ids };
  const app = await buildHub({
    storage: o.storage,
    blobDir: o.blobDir,
    clock,
    ids,
    limits: { syncPerMinute: Number.MAX_SAFE_INTEGER, authPerMinute: Number.MAX_SAFE_INTEGER },
  });
  try {
    const orgs = {
      arbitration: must(
        await createOrg(deps, {
          name: '荆门市劳动人事争议仲裁委员会',
          kind: 'arbitration',
          prefix: '荆劳人仲案字',
        }),
      ).id,
      union: must(
        await createOrg(deps, { name: '荆门市总工会劳动争议调解中心', kind: 'union', prefix: '荆工调字' }),
      ).id,
      court: must(
        await createOrg(deps, { name: '荆门市掇刀区人民法院', kind: 'court', prefix: '掇法诉调字' }),
      ).id,
    };
    const users: DemoUser[] = [];
    const devices = new Map<ActorKey, { device: DemoDevice; token: string }>();
    for (const s of STAFF) {
      const name = chineseName(rng);
      const user = must(await createUser(deps, { org: orgs[s.org], name, roles: s.roles.join(',') }));
      users.push({ key: s.key, id: user.id, name, orgId: user.orgId, roles: s.roles });
      const code = must(await createEnrollCode(deps, { user: user.id, ttlMs: 3_600_000 })).code;
      let token = '';
      const device = await createDemoDevice(
        { userId: user.id, orgId: user.orgId, role: s.role },
        async (jwk) => {
          const r = await enroll(app, code, jwk, `${s.title}${name}的演示设备`);
          token = r.token;
          return r.deviceId;
        },
      );
      devices.set(s.key, { device, token });
    }
    const userIdOf = (k: ActorKey): string => users.find((u) => u.key === k)?.id ?? '';
    const planned: PlannedEvent[] = [];
    const caseIds: string[] = [];
    const ctx = {
      rng,
      uuid: ids,
      now: o.now,
      spanDays: o.spanDays ?? 365,
      userIdOf,
      orgs,
      arbitrators: ARBITRATORS,
      mediators: MEDIATORS,
    };
    for (let i = 0; i < o.cases; i++) {
      const events = planCase(ctx, i);
      if (events[0]) caseIds.push(events[0].caseId);
      planned.push(...events);
    }
    // Written in time order, so every device's HLC and chain advance as they would have in the field.
    planned.sort((a, b) => a.at - b.at || a.order - b.order);
    const byActor = new Map<ActorKey, unknown[]>();
    for (const p of planned) {
      const d = devices.get(p.actor);
      if (!d) throw new Error(`no device for ${p.actor}`);
      const eventId = createUuidV7(() => p.at, bytes)();
      const e = await d.device.write(p.at, eventId, p.caseId, p.type, p.payload, p.conf);
      const list = byActor.get(p.actor) ?? [];
      list.push(e);
      byActor.set(p.actor, list);
    }
    log(`planned ${String(planned.length)} events for ${String(caseIds.length)} cases`);
    // Handlers first (they open the cases), then supervisors, then the court (it needs the referral).
    const order = [
      ...STAFF.filter((s) => s.role !== 'supervisor'),
      ...STAFF.filter((s) => s.role === 'supervisor' && s.key !== 'court'),
      ...STAFF.filter((s) => s.key === 'court'),
    ];
    for (const s of order) {
      const d = devices.get(s.key);
      const events = byActor.get(s.key) ?? [];
      if (d && events.length > 0) await push(app, d.token, events);
      log(`pushed ${String(events.length)} events of ${s.key}`);
    }
    const enrollCodes: SeedResult['enrollCodes'] = {};
    for (const key of ['supArb', 'arb0', 'supUnion', 'med0', 'court'] as const)
      enrollCodes[key] = must(
        await createEnrollCode(deps, { user: userIdOf(key), ttlMs: o.codeTtlMs ?? 7 * 86_400_000 }),
      ).code;
    return { orgs, users, enrollCodes, caseIds, events: planned.length };
  } finally {
    await app.close();
  }
}
