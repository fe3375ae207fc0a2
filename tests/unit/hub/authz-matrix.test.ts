// Authorization matrix (R21, issue #7): seeded worlds of organisations of several kinds, users with
// roles and devices, cases opened, assigned, referred to other organisations, with public, internal and
// caucus records and evidence. Everything goes through real HTTP (the hub listens on a loopback port):
// every user pulls their feed at checkpoints, then tries writes on every case, then downloads every
// blob; each answer is compared with the independent oracle in support/authz-oracle.ts and every
// mismatch is named (seed, step, user, case, event).
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { SAMPLE_IDS } from '#shared/events/testing-samples';
import type { OrgKind, Role } from '#shared/sync/wire';
import { BACKENDS } from './support/backends';
import {
  isSupervisor,
  mayWrite,
  seededRng,
  seesBlob,
  seesCase,
  seesEvent,
  writingRole,
  type ModelCase,
  type ModelUser,
} from './support/authz-oracle';
import { testDevice, type PushAnswer, type TestDevice } from './support/devices';
import { startHub, type Harness } from './support/harness';

const SEEDS = [20261128, 7];
const ORG_KINDS: [OrgKind, string][] = [
  ['arbitration', '荆劳人仲字'],
  ['mediation', '荆调字'],
  ['union', '荆工调'],
  ['court', '荆掇法'],
  ['legal_aid', '荆援字'],
];
const ROLE_SETS: Role[][] = [['mediator'], ['arbitrator'], ['clerk'], ['mediator', 'supervisor']];
const CAUCUS = `caucus:${SAMPLE_IDS.worker}`;

type Actor = ModelUser & { dev: TestDevice; token: string };

/** One world on one hub: model, actors and an HTTP client. */
class World {
  readonly actors: Actor[] = [];
  readonly cases: ModelCase[] = [];
  readonly blobs = new Map<string, Buffer>();
  readonly mismatches: string[] = [];
  readonly cursors = new Map<string, string>();
  readonly r: ReturnType<typeof seededRng>;
  readonly delivered = new Map<string, Map<string, CaseEvent>>();
  constructor(
    readonly h: Harness,
    readonly base: string,
    readonly seed: number,
  ) {
    this.r = seededRng(seed);
  }

  http(
    a: Actor,
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${a.token}`, ...init.headers };
    let body: Uint8Array<ArrayBuffer> | string | undefined;
    if (init.body instanceof Buffer) body = Uint8Array.from(init.body);
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    return fetch(this.base + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  }

  /** Emits and pushes one event as `a` in `role`; a rejected event gives its chain place back. */
  async write(a: Actor, c: ModelCase, type: string, payload: object, conf: string, role: Role) {
    const before = a.dev.head();
    const actor = { userId: a.id, deviceId: a.dev.enrolled.deviceId, orgId: a.dev.enrolled.user.orgId, role };
    const e = await a.dev.emit(c.id, type as 'note.recorded', payload, conf, { actor });
    const res = await this.http(a, 'POST', '/v1/sync/push', { body: { events: [e] } });
    const answer = ((await res.json()) as { results: PushAnswer[] }).results[0];
    if (answer?.status !== 'accepted') a.dev.setHead(before.seq, before.hash);
    return { e, answer };
  }

  /** A world-building write that must be accepted. */
  async must(step: string, a: Actor, c: ModelCase, type: string, payload: object, conf = 'public') {
    const { e, answer } = await this.write(
      a,
      c,
      type,
      payload,
      conf,
      type === 'case.assigned' ? 'supervisor' : writingRole(a),
    );
    if (answer?.status !== 'accepted')
      throw new Error(
        `seed ${String(this.seed)} ${step}: ${a.name} ${type} refused: ${JSON.stringify(answer)}`,
      );
    return e;
  }

  /** Every user pages their feed from their cursor; the accumulated set must equal the oracle's. */
  async checkpoint(label: string) {
    for (const a of this.actors) {
      const got = this.delivered.get(a.id) ?? new Map<string, CaseEvent>();
      this.delivered.set(a.id, got);
      for (let more = true; more;) {
        const res = await this.http(a, 'GET', `/v1/sync/pull?after=${this.cursors.get(a.id) ?? ''}&limit=7`);
        const page = (await res.json()) as { events: CaseEvent[]; cursor: string; hasMore: boolean };
        for (const e of page.events) {
          if (got.has(e.id)) this.mismatches.push(`${label}: ${a.name} got ${e.type} ${e.id} twice`);
          got.set(e.id, e);
        }
        this.cursors.set(a.id, page.cursor);
        more = page.hasMore;
      }
      this.compareFeed(label, a, got);
    }
  }

  private compareFeed(label: string, a: Actor, got: Map<string, CaseEvent>) {
    for (const [ci, c] of this.cases.entries()) {
      for (const e of c.events) {
        const want = seesEvent(a, c, e.conf);
        if (want !== got.has(e.id))
          this.mismatches.push(
            `${label}: ${a.name} case#${String(ci)} ${e.type}(${e.conf}) ${e.id}: oracle ${want ? 'visible' : 'hidden'}, hub ${want ? 'withheld' : 'delivered'}`,
          );
      }
      const numbered = [...got.values()].some((e) => e.caseId === c.id && e.type === 'case.numbered');
      if (numbered !== (c.accepted && seesCase(a, c)))
        this.mismatches.push(
          `${label}: ${a.name} case#${String(ci)} case.numbered delivered=${String(numbered)}`,
        );
    }
    const known = new Set(this.cases.flatMap((c) => c.events.map((e) => e.id)));
    for (const e of got.values())
      if (!known.has(e.id) && e.type !== 'case.numbered')
        this.mismatches.push(`${label}: ${a.name} got unknown event ${e.type} ${e.id}`);
  }
}

async function populate(w: World) {
  const { h } = w;
  const r = w.r;
  for (const [oi, [kind, prefix]] of ORG_KINDS.entries()) {
    const org = await h.org(`${kind}机构`, prefix, kind);
    const roleSets: Role[][] = [
      ['supervisor'],
      r.pick(ROLE_SETS),
      r.pick(ROLE_SETS),
      ...(oi === 0 ? [['admin'] as Role[]] : []),
    ];
    for (const [k, roles] of roleSets.entries()) {
      const user = await h.user(org, `${kind}-${String(k)}-${roles.join('+')}`, roles);
      const dev = await testDevice(h, user, roles[0] ?? 'admin');
      w.actors.push({ id: user.id, name: user.name, org: oi, roles, dev, token: dev.enrolled.token });
    }
  }
}

async function step(w: World, n: number) {
  const r = w.r;
  const workers = w.actors.filter((a) => a.roles.some((x) => x !== 'admin'));
  const label = `step ${String(n)}`;
  const kind = w.cases.length < 2 ? 0 : r.next();
  if (kind < 0.2) {
    const opener = r.pick(workers);
    const c: ModelCase = {
      id: w.h.ids(),
      owner: opener.org,
      team: new Set([opener.id]),
      orgs: new Set([opener.org]),
      events: [],
      accepted: false,
    };
    w.cases.push(c);
    const e = await w.must(label, opener, c, 'case.opened', {});
    c.events.push({ id: e.id, type: e.type, conf: 'public' });
    return;
  }
  const c = r.pick(w.cases);
  const insiders = w.actors.filter(
    (a) => a.org === c.owner && a.roles.some((x) => x !== 'admin') && seesCase(a, c),
  );
  const writer = r.pick(insiders);
  if (kind < 0.4) {
    const sup = r.pick(w.actors.filter((a) => isSupervisor(a) && c.orgs.has(a.org)));
    const assignee = r.pick(workers.filter((a) => a.org === sup.org));
    const e = await w.must(label, sup, c, 'case.assigned', { assigneeId: assignee.id });
    c.team.add(assignee.id);
    c.events.push({ id: e.id, type: e.type, conf: 'public' });
  } else if (kind < 0.55) {
    const targets = ORG_KINDS.map((_, o) => o).filter((o) => !c.orgs.has(o));
    if (targets.length === 0) return;
    const target = r.pick(targets);
    const toOrg = w.actors.find((a) => a.org === target);
    if (!toOrg) return;
    const toOrgId = toOrg.dev.enrolled.user.orgId;
    const e = await w.must(label, writer, c, 'case.referred', { toOrgId, referralId: w.h.ids() });
    c.orgs.add(target);
    c.events.push({ id: e.id, type: e.type, conf: 'public' });
  } else if (kind < 0.65 && !c.accepted) {
    const e = await w.must(label, writer, c, 'case.accepted', {});
    c.accepted = true;
    c.events.push({ id: e.id, type: e.type, conf: 'public' });
  } else if (kind < 0.8) {
    const bytes = Buffer.from(`证据 ${String(w.seed)} ${String(n)}`);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const conf = r.pick(['public', 'internal']);
    const e = await w.must(
      label,
      writer,
      c,
      'evidence.added',
      { evidenceId: w.h.ids(), sha256: sha, size: bytes.length },
      conf,
    );
    c.events.push({ id: e.id, type: e.type, conf, sha });
    w.blobs.set(sha, bytes);
    const up = await w.http(writer, 'PATCH', `/v1/blobs/${sha}`, {
      body: bytes,
      headers: {
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
        'upload-length': String(bytes.length),
      },
    });
    if (up.status !== 204)
      throw new Error(`seed ${String(w.seed)} ${label}: upload answered ${String(up.status)}`);
  } else {
    const conf = r.pick(['public', 'internal', CAUCUS]);
    const e = await w.must(label, writer, c, 'note.recorded', { noteId: w.h.ids() }, conf);
    c.events.push({ id: e.id, type: e.type, conf });
  }
}

/** Every user tries every kind of write on every case; accepted iff the oracle allows it. */
async function probeWrites(w: World) {
  const probes: [string, string, (a: Actor) => object][] = [
    ['note.recorded', 'public', () => ({ noteId: w.h.ids() })],
    ['note.recorded', 'internal', () => ({ noteId: w.h.ids() })],
    ['note.recorded', CAUCUS, () => ({ noteId: w.h.ids() })],
    ['case.closed', 'public', () => ({})],
    ['case.assigned', 'public', (a) => ({ assigneeId: a.id })],
  ];
  for (const a of w.actors) {
    for (const [ci, c] of w.cases.entries()) {
      for (const [type, conf, payload] of probes) {
        const role: Role = type === 'case.assigned' && isSupervisor(a) ? 'supervisor' : writingRole(a);
        const want = mayWrite(a, role, c, type, conf);
        const { e, answer } = await w.write(a, c, type, payload(a), conf, role);
        const got = answer?.status === 'accepted';
        if (got !== want || (!got && answer?.reason !== 'forbidden'))
          w.mismatches.push(
            `write: ${a.name} as ${role} case#${String(ci)} ${type}(${conf}): oracle ${want ? 'allow' : 'deny'}, hub ${JSON.stringify(answer)}`,
          );
        if (!got) continue;
        c.events.push({ id: e.id, type, conf });
        if (type === 'case.assigned') c.team.add(a.id);
      }
    }
  }
}

/** Every user HEADs and GETs every blob (and one nobody references): 200 iff the oracle allows. */
async function probeBlobs(w: World) {
  const stranger = createHash('sha256').update('nobody references this').digest('hex');
  for (const a of w.actors) {
    for (const [sha, bytes] of [...w.blobs.entries(), [stranger, Buffer.alloc(0)] as const]) {
      const want = seesBlob(a, w.cases, sha);
      const get = await w.http(a, 'GET', `/v1/blobs/${sha}`);
      const body = Buffer.from(await get.arrayBuffer());
      const head = await w.http(a, 'HEAD', `/v1/blobs/${sha}`);
      if ((get.status === 200) !== want || (want && !body.equals(bytes)) || (!want && get.status !== 404))
        w.mismatches.push(
          `blob GET: ${a.name} ${sha.slice(0, 12)}: oracle ${want ? '200' : '404'}, hub ${String(get.status)}`,
        );
      if ((head.status === 200) !== want || (!want && head.status !== 404))
        w.mismatches.push(
          `blob HEAD: ${a.name} ${sha.slice(0, 12)}: oracle ${want ? '200' : '404'}, hub ${String(head.status)}`,
        );
    }
  }
}

describe.each(BACKENDS)('authorization matrix over HTTP on $name', ({ config }) => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it.each(SEEDS)(
    'seed %i: every feed, write and download matches the oracle',
    async (seed) => {
      h = await startHub(config(), { authPerMinute: 10_000, syncPerMinute: 100_000 });
      await h.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = h.app.server.address() as AddressInfo;
      const w = new World(h, `http://127.0.0.1:${String(port)}`, seed);
      await populate(w);
      await w.checkpoint('before any case');
      for (let n = 1; n <= 36; n++) {
        await step(w, n);
        if (n % 9 === 0) await w.checkpoint(`seed ${String(seed)} after step ${String(n)}`);
      }
      await probeWrites(w);
      await w.checkpoint(`seed ${String(seed)} after the write probes`);
      await probeBlobs(w);
      expect(w.mismatches).toEqual([]);
      console.log(
        `seed ${String(seed)}: ${String(w.actors.length)} users, ${String(w.cases.length)} cases, ${String(w.cases.flatMap((c) => c.events).length)} events, ${String(w.blobs.size)} blobs`,
      );
      // The world exercised what it is meant to: referrals, confidential records, evidence, numbers.
      const events = w.cases.flatMap((c) => c.events);
      expect(w.cases.some((c) => c.orgs.size > 1)).toBe(true);
      expect(events.some((e) => e.conf === 'internal') && events.some((e) => e.conf === CAUCUS)).toBe(true);
      expect(w.blobs.size).toBeGreaterThan(0);
    },
    180_000,
  ); // ~1,500 real HTTP requests with a durable commit each; PostgreSQL on a busy CI box is slow
});
