// The set-at-a-time push (issue #7 item 8) gives exactly what judging the events one by one gives: one
// mixed request of 30-odd events (new cases, duplicates inside the request and of stored events, an id
// conflict, a chain gap and fork, forbidden writes, an assignment, a referral, a blob reference, an
// acceptance whose official number is a hub event in the middle of the request, an extension judged
// over the stored case) is pushed to one hub in ONE request and to a twin hub ONE EVENT PER REQUEST;
// the answers (status, reason, detail, hubSeq) and every row the push writes must be equal.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import type { EnrollResponse } from '#shared/sync/wire';
import { openBackend, type StorageConfig } from '../../../hub/src/storage/open';
import type { OrgRecord, UserRecord } from '../../../hub/src/storage/types';
import { BACKENDS } from './support/backends';
import { testDevice, type PushAnswer, type TestDevice } from './support/devices';
import { bearer, startHub, type Harness } from './support/harness';

type World = { h: Harness; org: OrgRecord; court: OrgRecord; sup: UserRecord; med: UserRecord };

/** The same organisations and users, in the same order, so both hubs hand out the same ids. */
async function world(h: Harness): Promise<World> {
  const org = await h.org('荆门市劳动人事争议仲裁院');
  const court = await h.org('掇刀区法院', '荆掇法', 'court');
  const sup = await h.user(org, '赵主任', ['supervisor']);
  const med = await h.user(org, '王调解', ['mediator']);
  return { h, org, court, sup, med };
}

async function pushWith(h: Harness, token: string, events: unknown[]): Promise<PushAnswer[]> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/sync/push',
    headers: bearer(token),
    payload: { events },
  });
  if (res.statusCode !== 200) throw new Error(`push ${String(res.statusCode)} ${res.body}`);
  return res.json<{ results: PushAnswer[] }>().results;
}

/** The mixed request, signed by `d` (the supervisor's device). */
async function mixedBatch(w: World, d: TestDevice): Promise<unknown[]> {
  const out: unknown[] = [];
  const c1 = w.h.ids();
  const c2 = w.h.ids();
  const open1 = await d.emit(c1, 'case.opened', { disputeCategories: ['wage_arrears'] });
  out.push(open1);
  out.push(await d.emit(c1, 'note.recorded', { stage: 1 }, 'internal'));
  out.push(open1); // the same event again inside the request: duplicate with its hubSeq
  out.push(await d.emit(c1, 'case.assigned', { assigneeId: w.med.id, team: [w.sup.id] }));
  out.push(await d.emit(c1, 'evidence.added', {}, 'public'));
  // Same id as the opening, other content: id_conflict; the chain place is reused afterwards.
  const head = d.head();
  out.push(await d.emit(c1, 'note.recorded', { stage: 2 }, 'public', { id: open1.id }));
  d.setHead(head.seq, head.hash);
  out.push(await d.emit(c1, 'stage.advanced', { to: 'in_session' }));
  out.push(await d.emit(c1, 'case.accepted'));
  out.push(await d.emit(c1, 'stage.advanced', { to: 'in_session' }));
  out.push(await d.emit(c1, 'note.recorded', { stage: 3 }, 'internal'));
  // Judged over the stored case (a flush in the middle of the request).
  out.push(await d.emit(c1, 'deadline.extended'));
  const extended = d.head();
  out.push(await d.emit(c1, 'deadline.extended')); // a second extension: forbidden, place reused
  d.setHead(extended.seq, extended.hash);
  out.push(await d.emit(c1, 'case.referred', { toOrgId: w.court.id }));
  // Forbidden: only the hub numbers cases; the chain place is reused.
  const before = d.head();
  out.push(await d.emit(c1, 'case.numbered'));
  d.setHead(before.seq, before.hash);
  out.push(await d.emit(c2, 'case.opened', { disputeCategories: ['social_insurance'] }));
  const after = d.head();
  out.push(await d.emit(c2, 'case.opened')); // a second opening of the same case: forbidden
  d.setHead(after.seq - 1, open1.hash);
  out.push(await d.emit(c2, 'note.recorded', {}, 'public')); // does not extend the chain: fork
  d.setHead(after.seq + 5, after.hash);
  out.push(await d.emit(c2, 'note.recorded', {}, 'public')); // beyond the head: gap
  d.setHead(after.seq, after.hash);
  out.push(await d.emit(w.h.ids(), 'note.recorded', {}, 'public')); // unknown case: forbidden
  d.setHead(after.seq, after.hash);
  for (let i = 0; i < 8; i++) out.push(await d.emit(c2, 'review.commented'));
  out.push(await d.emit(c2, 'case.accepted'));
  out.push(await d.emit(c2, 'case.closed'));
  out.push({ ...(await d.emit(c2, 'note.recorded')), sig: 'AAAA' }); // bad signature, place reused
  return out;
}

/** Every row a push writes, with the hub's own events reduced to what does not depend on its key. */
async function dump(cfg: StorageConfig, hubDevice: string): Promise<Record<string, unknown[]>> {
  const backend = await openBackend(cfg);
  try {
    const all = (sql: string, params: string[] = []): Promise<Record<string, unknown>[]> =>
      backend.db.all(sql, params);
    const rows = {
      events: (
        await all(
          'SELECT hub_seq, id, case_id, device_id, device_seq, hash, type, conf, body FROM events ORDER BY hub_seq',
        )
      ).map((r) =>
        r['device_id'] === hubDevice
          ? { hub_seq: Number(r['hub_seq']), case_id: r['case_id'], type: r['type'] }
          : { ...r, hub_seq: Number(r['hub_seq']), device_seq: Number(r['device_seq']) },
      ),
      cases: (
        await all(
          'SELECT case_id, owner_org_id, opened_seq, case_number, status, category, channel FROM cases ORDER BY case_id',
        )
      ).map((r) => ({ ...r, opened_seq: Number(r['opened_seq']) })),
      grants: (await all('SELECT * FROM case_grants ORDER BY case_id, principal_type, principal_id')).map(
        (r) => ({ ...r, granted_seq: Number(r['granted_seq']) }),
      ),
      blobRefs: await all('SELECT * FROM blob_refs ORDER BY sha256, event_id'),
      assignees: await all('SELECT * FROM case_assignees ORDER BY case_id, org_id'),
      facts: await all('SELECT * FROM case_facts ORDER BY case_id, audience'),
      devices: (
        await all('SELECT id, last_seq, last_hash FROM devices WHERE id <> ? ORDER BY id', [hubDevice])
      ).map((r) => ({ ...r, last_seq: Number(r['last_seq']) })),
    };
    return rows;
  } finally {
    await backend.close();
  }
}

describe.each(BACKENDS)('set-at-a-time push on $name', ({ config }) => {
  const hubs: Harness[] = [];
  afterEach(async () => {
    for (const h of hubs.splice(0)) await h.close();
  });

  it('answers and stores exactly what pushing the same events one per request does', async () => {
    const cfgOne = config();
    const cfgEach = config();
    const one = await startHub(cfgOne);
    const each = await startHub(cfgEach);
    hubs.push(one, each);
    const w1 = await world(one);
    const w2 = await world(each);
    expect(w2.sup.id).toBe(w1.sup.id);
    const d = await testDevice(one, w1.sup, 'supervisor');
    const twin: EnrollResponse = await each.enroll(w2.sup, d.device.jwk);
    expect(twin.deviceId).toBe(d.enrolled.deviceId);
    const events = await mixedBatch(w1, d);

    const together = await pushWith(one, d.enrolled.token, events);
    const alone: PushAnswer[] = [];
    for (const e of events) alone.push(...(await pushWith(each, twin.token, [e])));

    expect(together).toEqual(alone);
    const statuses = new Set(together.map((r) => `${r.status}:${r.reason ?? ''}`));
    for (const s of [
      'accepted:',
      'duplicate:',
      'rejected:id_conflict',
      'rejected:forbidden',
      'rejected:chain_fork',
      'rejected:chain_gap',
      'rejected:bad_signature',
    ])
      expect(statuses).toContain(s);
    const rows = await dump(cfgOne, d.enrolled.hubDeviceId);
    // Hub seqs are consecutive over the accepted events and the hub's numbering events.
    expect(rows['events']?.map((r) => (r as { hub_seq: number }).hub_seq)).toEqual(
      rows['events']?.map((_r, i) => i + 1),
    );
    expect(rows['events']?.filter((r) => (r as { type: string }).type === 'case.numbered')).toHaveLength(2);
    expect(together[0]?.id).toBe((events[0] as CaseEvent).id);
    expect(rows).toEqual(await dump(cfgEach, twin.hubDeviceId));
  });
});
