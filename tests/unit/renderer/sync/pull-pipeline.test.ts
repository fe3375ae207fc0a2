// Pull pages as large as the hub allows, the next one fetched while the current one is checked and
// committed (#7 item 8): still applied strictly in order, each page's checkpoint saved only after its
// commit; a page that fails to commit leaves the checkpoint before it and the page already fetched
// after it unused; pulling the same pages again stores nothing twice.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { WIRE_LIMITS, type Jwk, type PullResponse } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { SyncLocal } from '../../../../renderer/data/outbox';
import type { HubClient, SyncFailure } from '../../../../renderer/sync/hub-client';
import { pullAll } from '../../../../renderer/sync/pull';
import type { TokenSource } from '../../../../renderer/sync/session';
import { openCase, world, writeNote, type Laptop, type World } from './support';

let w: World;
afterEach(async () => {
  await w.close();
});

const tokens: TokenSource = { withToken: (call) => call('t') };
const caseId = (n: number): string => `01930000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`;

/** Three cases of two events each on laptop a, in its chain order. */
async function sixEvents(a: Laptop): Promise<CaseEvent[]> {
  const out: CaseEvent[] = [];
  for (let c = 1; c <= 3; c++) {
    await openCase(a, caseId(c));
    await writeNote(a, caseId(c), `01930000-0000-7000-8000-0000000001${String(c).padStart(2, '0')}`);
    const r = await a.store.caseEvents(caseId(c));
    if (!r.ok) throw new Error(r.error.message);
    out.push(...r.value);
  }
  return out.sort((x, y) => x.deviceSeq - y.deviceSeq);
}

/** A hub answering pages of two events after cursors '' → c1 → c2 → c3, logging every step. */
function pagedHub(events: readonly CaseEvent[], log: string[], keys: Record<string, Jwk>) {
  const limits: number[] = [];
  const none = () => Promise.reject(new Error('not used'));
  const client: HubClient = {
    enroll: none,
    refresh: none,
    push: none,
    blobHead: none,
    blobPatch: none,
    blobGet: none,
    pull: (_t, after, limit): Promise<Result<PullResponse, SyncFailure>> => {
      limits.push(limit);
      const i = after === '' ? 0 : Number(after.slice(1));
      log.push(`fetch ${after || 'start'}`);
      return Promise.resolve(
        ok({
          events: events.slice(i * 2, i * 2 + 2),
          keys,
          cursor: `c${String(i + 1)}`,
          hasMore: i + 1 < 3,
          hubTime: '2026-11-28T09:00:00.000Z',
        }),
      );
    },
  };
  return { client, limits };
}

/** b's SyncLocal with receive and saveCursor logged; `failAt` makes that receive call fail. */
function logged(local: SyncLocal, log: string[], failAt?: number): SyncLocal {
  let receives = 0;
  return {
    ...local,
    receive: async (events) => {
      receives++;
      log.push(`receive ${events.map((e) => e.id.slice(-3)).join(',')}`);
      if (receives === failAt) return err({ code: 'storage_failed', message: 'disk full' });
      const r = await local.receive(events);
      log.push('committed');
      return r;
    },
    saveCursor: async (c) => {
      await local.saveCursor(c);
      log.push(`cursor ${c}`);
    },
  };
}

async function setup(): Promise<{ b: Laptop; events: CaseEvent[]; keys: Record<string, Jwk> }> {
  w = await world();
  const a = await w.laptop('王调解', ['mediator']);
  const b = await w.laptop('赵主任', ['supervisor']);
  const events = await sixEvents(a);
  const enrolled = await a.local.enrollment();
  if (!enrolled) throw new Error('not enrolled');
  return { b, events, keys: { [enrolled.deviceId]: (await a.store.publicKeyJwk()) as Jwk } };
}

const tail = (e: CaseEvent | undefined): string => e?.id.slice(-3) ?? '?';

describe('pipelined pull', () => {
  it('asks for the largest page, fetches the next page before committing this one, applies in order', async () => {
    const { b, events, keys } = await setup();
    const log: string[] = [];
    const hub = pagedHub(events, log, keys);
    const r = await pullAll({ local: logged(b.local, log), client: hub.client, tokens, keys: new Map() });
    expect(r.ok && r.value).toMatchObject({ pulled: 6, stored: 6, refused: [] });
    expect(hub.limits).toEqual([
      WIRE_LIMITS.maxPullLimit,
      WIRE_LIMITS.maxPullLimit,
      WIRE_LIMITS.maxPullLimit,
    ]);
    const [e1, e2, e3, e4, e5, e6] = events;
    expect(log).toEqual([
      'fetch start',
      // Page 2 is requested as soon as page 1 has arrived, before page 1 is committed.
      'fetch c1',
      `receive ${tail(e1)},${tail(e2)}`,
      'committed',
      'cursor c1',
      'fetch c2',
      `receive ${tail(e3)},${tail(e4)}`,
      'committed',
      'cursor c2',
      // The last page says hasMore: false, so nothing more is asked for.
      `receive ${tail(e5)},${tail(e6)}`,
      'committed',
      'cursor c3',
    ]);
    for (let c = 1; c <= 3; c++) expect((await b.store.caseState(caseId(c)))?.caseId).toBe(caseId(c));
  });

  it('a page that fails to commit leaves the checkpoint before it and the page fetched after it unused', async () => {
    const { b, events, keys } = await setup();
    const log: string[] = [];
    const hub = pagedHub(events, log, keys);
    const r = await pullAll({ local: logged(b.local, log, 2), client: hub.client, tokens, keys: new Map() });
    expect(r).toEqual({ ok: false, error: { kind: 'local', message: 'disk full' } });
    // Page 3 was fetched while page 2 was being committed, but nothing of it was applied.
    expect(log.slice(-3)).toEqual(['cursor c1', 'fetch c2', `receive ${tail(events[2])},${tail(events[3])}`]);
    expect(await b.local.cursor()).toBe('c1');
    expect(await b.store.caseState(caseId(1))).not.toBeNull();
    expect(await b.store.caseState(caseId(2))).toBeNull();
    expect(await b.store.caseState(caseId(3))).toBeNull();

    // The next run starts again at page 2 and applies everything once.
    const again: string[] = [];
    const next = await pullAll({
      local: logged(b.local, again),
      client: pagedHub(events, again, keys).client,
      tokens,
      keys: new Map(),
    });
    expect(next.ok && next.value).toMatchObject({ pulled: 4, stored: 4, refused: [] });
    expect(again[0]).toBe('fetch c1');
    const stored = await Promise.all([1, 2, 3].map((c) => b.store.caseEvents(caseId(c))));
    expect(stored.map((s) => (s.ok ? s.value.length : -1))).toEqual([2, 2, 2]);
  });

  it('pulling the same pages again (a cursor lost) stores nothing twice and keeps the projections', async () => {
    const { b, events, keys } = await setup();
    const first = await pullAll({
      local: b.local,
      client: pagedHub(events, [], keys).client,
      tokens,
      keys: new Map(),
    });
    expect(first.ok && first.value.stored).toBe(6);
    const before = await b.store.allCaseStates();
    await b.local.saveCursor('');
    const second = await pullAll({
      local: b.local,
      client: pagedHub(events, [], keys).client,
      tokens,
      keys: new Map(),
    });
    expect(second.ok && second.value).toMatchObject({ pulled: 6, stored: 0, refused: [] });
    expect(await b.store.allCaseStates()).toEqual(before);
  });

  it('a failed fetch of the next page ends the run after the current page is committed', async () => {
    const { b, events, keys } = await setup();
    const log: string[] = [];
    const hub = pagedHub(events, log, keys);
    const flaky: HubClient = {
      ...hub.client,
      pull: (t, after, limit) =>
        after === 'c1' ? Promise.reject(new Error('socket hang up')) : hub.client.pull(t, after, limit),
    };
    const r = await pullAll({ local: logged(b.local, log), client: flaky, tokens, keys: new Map() });
    expect(r).toEqual({ ok: false, error: { kind: 'network', message: 'socket hang up' } });
    expect(await b.local.cursor()).toBe('c1');
    expect(await b.store.caseState(caseId(1))).not.toBeNull();
  });
});
