// Pull gives the public key of every device that signed an event of the page (hub/README.md, an
// addition to the contract): with them alone a client verifies each pulled signature, including the
// hub's own case.numbered events; a page carries only its own signers; a revoked device's key is still
// given, since its earlier events stay valid.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { importPublicKeyJwk, verifyHashSignature } from '#shared/events/signing';
import { pullResponseSchema, type Jwk } from '#shared/sync/wire';
import { revokeDevice } from '../../../hub/src/admin/commands';
import type { OrgRecord, UserRecord } from '../../../hub/src/storage/types';
import { BACKENDS } from './support/backends';
import { testDevice, type TestDevice } from './support/devices';
import { bearer, startHub, type Harness } from './support/harness';

type Page = { events: CaseEvent[]; keys: Record<string, Jwk>; cursor: string; hasMore: boolean };

describe.each(BACKENDS)('pull keys on $name', ({ config }) => {
  let h: Harness;
  let org: OrgRecord;
  let med: UserRecord;
  let sup: UserRecord;
  let a: TestDevice;
  let s: TestDevice;
  beforeEach(async () => {
    h = await startHub(config());
    org = await h.org('荆门市劳动人事争议仲裁院');
    med = await h.user(org, '王调解', ['mediator']);
    sup = await h.user(org, '赵主任', ['supervisor']);
    a = await testDevice(h, med, 'mediator');
    s = await testDevice(h, sup, 'supervisor');
  });
  afterEach(async () => {
    await h.close();
  });

  const pull = async (d: TestDevice, after = '', limit = 1000): Promise<Page> => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/v1/sync/pull?after=${after}&limit=${String(limit)}`,
      headers: bearer(d.enrolled.token),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<Page>();
    expect(pullResponseSchema.safeParse(body).success).toBe(true);
    return body;
  };

  const verifies = async (page: Page): Promise<boolean[]> =>
    Promise.all(
      page.events.map(async (e) => {
        const jwk = page.keys[e.actor.deviceId];
        const key = jwk ? await importPublicKeyJwk(jwk) : null;
        return key !== null && (await verifyHashSignature(key, e.hash, e.sig));
      }),
    );

  it('names every signer of the page with a key that verifies its events, the hub included', async () => {
    const c1 = h.ids();
    const open = await a.emit(c1, 'case.opened');
    const accept = await a.emit(c1, 'case.accepted', {});
    const note = await s.emit(c1, 'note.recorded', { stage: 1 });
    expect((await a.push([open, accept])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect((await s.push([note]))[0]?.status).toBe('accepted');

    const page = await pull(s);
    expect(page.events.map((e) => e.type)).toEqual([
      'case.opened',
      'case.accepted',
      'case.numbered',
      'note.recorded',
    ]);
    expect(Object.keys(page.keys).sort()).toEqual(
      [a.enrolled.deviceId, s.enrolled.deviceId, a.enrolled.hubDeviceId].sort(),
    );
    expect(page.keys[a.enrolled.hubDeviceId]).toEqual(a.enrolled.hubPublicKey);
    expect(await verifies(page)).toEqual([true, true, true, true]);
    // A key does not verify another device's event.
    const swapped = {
      ...page,
      keys: { ...page.keys, [a.enrolled.deviceId]: page.keys[s.enrolled.deviceId] ?? {} },
    };
    expect((await verifies(swapped as Page))[0]).toBe(false);
  });

  it('a page carries only the keys of its own signers; an empty page an empty map', async () => {
    const c1 = h.ids();
    await a.push([await a.emit(c1, 'case.opened')]);
    await s.push([await s.emit(c1, 'note.recorded', { stage: 1 })]);
    const first = await pull(s, '', 1);
    expect(Object.keys(first.keys)).toEqual([a.enrolled.deviceId]);
    const second = await pull(s, first.cursor, 1);
    expect(Object.keys(second.keys)).toEqual([s.enrolled.deviceId]);
    const empty = await pull(s, second.cursor, 1);
    expect(empty.events).toEqual([]);
    expect(empty.keys).toEqual({});
  });

  it("still gives a revoked device's key for the events it wrote before", async () => {
    const c1 = h.ids();
    await a.push([await a.emit(c1, 'case.opened')]);
    await revokeDevice(
      { storage: h.storage, clock: () => h.clock.now, ids: h.ids },
      { device: a.enrolled.deviceId },
    );
    const page = await pull(s);
    expect(Object.keys(page.keys)).toEqual([a.enrolled.deviceId]);
    expect(await verifies(page)).toEqual([true]);
  });
});
