// Authorization matrix (R21): a seeded world of organisations, users, cases, assignments, referrals and
// confidential events; every user pages through their feed (in two rounds, so grants made later must
// append older history after the saved cursor) and the delivered set is compared with a small,
// independent oracle of the scope rules.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, Role } from '#shared/sync/wire';
import { BACKENDS } from './support/backends';
import { bearer, startHub, type Harness } from './support/harness';
import { seedCase, seedEvent } from './support/seed';

type U = { id: string; org: number; supervisor: boolean; dev: EnrollResponse };
type C = {
  id: string;
  owner: number;
  assigned: Set<string>;
  referred: Set<number>;
  events: { id: string; conf: string }[];
};

/** The oracle: the scope rules of architecture.md and sync-protocol.md, stated directly. */
function oracleSees(u: U, c: C, conf: string): boolean {
  const seesCase = c.assigned.has(u.id) || (u.supervisor && (u.org === c.owner || c.referred.has(u.org)));
  return seesCase && (conf === 'public' || u.org === c.owner);
}

function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe.each(BACKENDS)('scope matrix on $name', ({ config }) => {
  let h: Harness;
  const users: U[] = [];
  const cases: C[] = [];
  const cursors = new Map<string, string>();
  const seen = new Map<string, string[]>();
  const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

  beforeAll(async () => {
    h = await startHub(config());
    const orgs = [
      await h.org('仲裁院'),
      await h.org('工会', '荆工调', 'union'),
      await h.org('法院', '荆法', 'court'),
    ];
    orgIds = orgs.map((o) => o.id);
    for (const [i, org] of orgs.entries()) {
      for (let k = 0; k < 4; k++) {
        const roles: Role[] = k === 0 ? ['supervisor'] : ['mediator'];
        const user = await h.user(org, `u${String(i)}${String(k)}`, roles);
        users.push({ id: user.id, org: i, supervisor: k === 0, dev: await h.enroll(user) });
      }
    }
  });
  afterAll(async () => {
    await h.close();
  });

  async function grow(r: () => number, n: number, label: string): Promise<void> {
    for (let i = 0; i < n; i++) {
      const roll = r();
      if (cases.length === 0 || roll < 0.2) {
        const opener = pick(
          r,
          users.filter((u) => !u.supervisor),
        );
        const c: C = {
          id: `c-${label}-${String(i)}`,
          owner: opener.org,
          assigned: new Set([opener.id]),
          referred: new Set(),
          events: [],
        };
        const eid = `${c.id}-open`;
        await seedCase(h.storage, {
          caseId: c.id,
          orgId: orgIds[opener.org] as string,
          userId: opener.id,
          deviceId: opener.dev.deviceId,
          eventId: eid,
        });
        c.events.push({ id: eid, conf: 'public' });
        cases.push(c);
        continue;
      }
      const c = pick(r, cases);
      const eid = `${c.id}-${label}-${String(i)}`;
      const author = users.find((u) => c.assigned.has(u.id));
      if (!author) throw new Error('a case always has its opener assigned');
      if (roll < 0.35) {
        const target = pick(
          r,
          users.filter((u) => u.org === c.owner || c.referred.has(u.org)),
        );
        const seq = await seedEvent(h.storage, {
          id: eid,
          caseId: c.id,
          deviceId: author.dev.deviceId,
          type: 'case.assigned',
        });
        await h.storage.tx((q) => q.grant(c.id, 'user', target.id, seq));
        c.assigned.add(target.id);
        c.events.push({ id: eid, conf: 'public' });
      } else if (roll < 0.45) {
        const to = Math.floor(r() * 3);
        const seq = await seedEvent(h.storage, {
          id: eid,
          caseId: c.id,
          deviceId: author.dev.deviceId,
          type: 'case.referred',
        });
        await h.storage.tx((q) => q.grant(c.id, 'org', orgIds[to] as string, seq));
        c.referred.add(to);
        c.events.push({ id: eid, conf: 'public' });
      } else {
        const conf = pick(r, ['public', 'public', 'internal', 'caucus:p1']);
        await seedEvent(h.storage, {
          id: eid,
          caseId: c.id,
          deviceId: author.dev.deviceId,
          type: 'note.recorded',
          conf,
        });
        c.events.push({ id: eid, conf });
      }
    }
  }

  let orgIds: string[] = [];

  async function pullAll(u: U): Promise<void> {
    let more = true;
    while (more) {
      const after = cursors.get(u.id) ?? '';
      const res = await h.app.inject({
        method: 'GET',
        url: `/v1/sync/pull?after=${after}&limit=7`,
        headers: bearer(u.dev.token),
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ events: { id: string }[]; cursor: string; hasMore: boolean }>();
      seen.set(u.id, [...(seen.get(u.id) ?? []), ...body.events.map((e) => e.id)]);
      cursors.set(u.id, body.cursor);
      more = body.hasMore;
    }
  }

  it('delivers to every user exactly the events the oracle allows, across later grants', async () => {
    const r = rng(20261128);
    await grow(r, 150, 'a');
    for (const u of users) await pullAll(u);
    await grow(r, 150, 'b');
    for (const u of users) await pullAll(u);
    let delivered = 0;
    for (const u of users) {
      const expected = cases.flatMap((c) =>
        c.events.filter((e) => oracleSees(u, c, e.conf)).map((e) => e.id),
      );
      const got = seen.get(u.id) ?? [];
      expect(new Set(got).size).toBe(got.length);
      expect([...got].sort()).toEqual([...expected].sort());
      delivered += got.length;
    }
    expect(delivered).toBeGreaterThan(100);
  });

  it('answers nothing new from a caught-up cursor', async () => {
    for (const u of users) {
      const res = await h.app.inject({
        method: 'GET',
        url: `/v1/sync/pull?after=${cursors.get(u.id) ?? ''}`,
        headers: bearer(u.dev.token),
      });
      expect(res.json()).toMatchObject({ events: [], hasMore: false, cursor: cursors.get(u.id) });
    }
  });

  it('serves evidence blobs exactly to the users the oracle lets see the naming event', async () => {
    const r = rng(77);
    const blobs: { sha: string; c: C; conf: string }[] = [];
    for (const c of cases.slice(0, 25)) {
      const conf = pick(r, ['public', 'internal', 'caucus:p2']);
      const bytes = Buffer.from(`证据-${c.id}-${conf}`);
      const sha = createHash('sha256').update(bytes).digest('hex');
      mkdirSync(join(h.blobDir, sha.slice(0, 2)), { recursive: true });
      writeFileSync(join(h.blobDir, sha.slice(0, 2), sha), bytes);
      await h.storage.q.putBlob({
        sha256: sha,
        length: bytes.length,
        received: bytes.length,
        complete: true,
        createdAt: 0,
      });
      await h.storage.q.addBlobRef({ sha256: sha, eventId: `blob-${c.id}`, caseId: c.id, conf });
      blobs.push({ sha, c, conf });
    }
    let allowed = 0;
    for (const u of users) {
      for (const b of blobs) {
        const res = await h.app.inject({
          method: 'GET',
          url: `/v1/blobs/${b.sha}`,
          headers: bearer(u.dev.token),
        });
        const want = oracleSees(u, b.c, b.conf);
        expect([u.id, b.sha, res.statusCode]).toEqual([u.id, b.sha, want ? 200 : 404]);
        if (want) allowed += 1;
      }
    }
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(users.length * blobs.length);
  });
});
