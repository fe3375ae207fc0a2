// Push: accepted / duplicate / every rejection reason, one result per event in order, nothing stored for
// a rejected event; referral visibility through pull; official case numbers as hub-signed events.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgRecord, UserRecord } from '../../../hub/src/storage/types';
import { hashEvent, importPublicKeyJwk, verifyHashSignature } from '#shared/events/signing';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { formatHlc } from '#shared/events/hlc';
import { parseCaseEvent } from '#shared/events/parse';
import { BACKENDS } from './support/backends';
import { testDevice, type TestDevice } from './support/devices';
import { bearer, startHub, type Harness } from './support/harness';
import { describeTwoHubs } from './support/two-hubs';

const SAMPLE_PAYLOADS_NOTE = SAMPLE_PAYLOADS['note.recorded'];

describe.each(BACKENDS)('push on $name', ({ config }) => {
  let h: Harness;
  let org: OrgRecord;
  let court: OrgRecord;
  let med: UserRecord;
  let a: TestDevice;
  let c1: string;
  beforeEach(async () => {
    h = await startHub(config());
    org = await h.org('荆门市劳动人事争议仲裁院');
    court = await h.org('掇刀区法院', '荆掇法', 'court');
    med = await h.user(org, '王调解', ['mediator']);
    a = await testDevice(h, med, 'mediator');
    c1 = h.ids();
  });
  afterEach(async () => {
    await h.close();
  });

  it('accepts, answers duplicates with the stored hubSeq, and pulls the event back unchanged', async () => {
    const open = await a.emit(c1, 'case.opened', { disputeCategories: ['wage_arrears', 'social_insurance'] });
    const note = await a.emit(c1, 'note.recorded', { stage: 2 }, 'internal');
    const [r1, r2] = await a.push([open, note]);
    expect(r1).toMatchObject({ id: open.id, status: 'accepted' });
    expect(r2).toMatchObject({ id: note.id, status: 'accepted' });
    expect(await a.push([open])).toEqual([{ id: open.id, status: 'duplicate', hubSeq: r1?.hubSeq }]);
    const pulled = await a.pull();
    expect(pulled.events).toEqual([open, note]);
  });

  it('rejects each bad event with its reason and stores none of them', async () => {
    const open = await a.emit(c1, 'case.opened');
    expect((await a.push([open]))[0]?.status).toBe('accepted');
    const before = await h.storage.q.lastHubSeq();
    const reasons: [string, Promise<unknown>][] = [];
    const one = async (e: unknown) => (await a.push([e]))[0]?.reason;

    const tampered = {
      ...(await a.emit(c1, 'note.recorded', { stage: 1 })),
      payload: { ...SAMPLE_PAYLOADS_NOTE, stage: 2 },
    };
    reasons.push(['hash_mismatch', one(tampered)]);
    a.setHead(1, open.hash);
    const good = await a.emit(c1, 'note.recorded', { stage: 3 });
    reasons.push(['bad_signature', one({ ...good, sig: good.sig.split('').reverse().join('') })]);
    a.setHead(1, open.hash);
    const other = await h.user(org, '李', ['mediator']);
    reasons.push([
      'not_your_device',
      one(
        await a.emit(c1, 'note.recorded', {}, 'public', {
          actor: { userId: other.id, deviceId: a.enrolled.deviceId, orgId: org.id, role: 'mediator' },
        }),
      ),
    ]);
    a.setHead(1, open.hash);
    reasons.push([
      'clock_drift',
      one(
        await a.emit(c1, 'note.recorded', {}, 'public', {
          at: { hlc: a.device.hlc.tick(), wall: new Date(h.clock.now + 6 * 60_000).toISOString() },
        }),
      ),
    ]);
    a.setHead(1, open.hash);
    const futureHlc = formatHlc({ ms: h.clock.now + 6 * 60_000, counter: 0, node: a.enrolled.deviceId });
    reasons.push([
      'clock_drift',
      one(
        await a.emit(c1, 'note.recorded', {}, 'public', {
          at: { hlc: futureHlc, wall: new Date(h.clock.now).toISOString() },
        }),
      ),
    ]);
    a.setHead(1, open.hash);
    reasons.push(['forbidden', one(await a.emit(h.ids(), 'note.recorded'))]);
    a.setHead(1, open.hash);
    reasons.push(['forbidden', one(await a.emit(c1, 'case.assigned', { assigneeId: other.id }))]);
    a.setHead(5, open.hash);
    reasons.push(['chain_gap', one(await a.emit(c1, 'note.recorded'))]);
    a.setHead(0, null);
    reasons.push(['chain_fork', one(await a.emit(c1, 'note.recorded'))]);
    a.setHead(1, 'f'.repeat(64));
    reasons.push(['chain_fork', one(await a.emit(c1, 'note.recorded'))]);
    reasons.push(['schema_invalid', one({ ...open, conf: 'secret' })]);
    const conflict = await (async () => {
      a.setHead(1, open.hash);
      const e = await a.emit(c1, 'note.recorded', { stage: 1 });
      await a.push([e]);
      a.setHead(1, open.hash);
      return one(await a.emit(c1, 'note.recorded', { stage: 2 }, 'public', { id: e.id }));
    })();
    for (const [want, got] of reasons) expect(await got).toBe(want);
    expect(conflict).toBe('id_conflict');
    expect(await h.storage.q.lastHubSeq()).toBe(before + 1);
  });

  it('enforces the payload schema of each type and names the failing field', async () => {
    const bad = await a.emit(c1, 'case.opened', {}, 'public', {
      payload: { ...SAMPLE_PAYLOADS['case.opened'], kind: 'lawsuit' } as never,
    });
    const [r] = await a.push([bad]);
    expect(r).toMatchObject({ id: bad.id, status: 'rejected', reason: 'schema_invalid' });
    expect(r?.detail).toMatch(/^payload\.kind: /);
    a.setHead(0, null);
    const open = await a.emit(c1, 'case.opened');
    const pushed = await a.push([open]);
    expect(pushed[0]?.status).toBe('accepted');
    a.setHead(1, open.hash);
    const forged = await a.emit(c1, 'case.numbered');
    expect((await a.push([forged]))[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(await h.storage.q.lastHubSeq()).toBe(pushed[0]?.hubSeq);
  });

  it('judges events of one request on their own, one result each, in order', async () => {
    const open = await a.emit(c1, 'case.opened');
    const stray = { ...(await a.emit(c1, 'note.recorded')), payload: { ...SAMPLE_PAYLOADS_NOTE, stage: 4 } };
    const next = await a.emit(c1, 'note.recorded');
    const results = await a.push([open, stray, next, open]);
    expect(results.map((r) => [r.id, r.status, r.reason])).toEqual([
      [open.id, 'accepted', undefined],
      [stray.id, 'rejected', 'hash_mismatch'],
      [next.id, 'rejected', 'chain_gap'],
      [open.id, 'duplicate', undefined],
    ]);
  });

  it('shows a referred case to the other org from the referral on, public events only, history appended', async () => {
    const sup = await h.user(court, '法官', ['supervisor']);
    const judge = await h.user(court, '书记员', ['clerk']);
    const c = await testDevice(h, sup, 'supervisor');
    const j = await testDevice(h, judge, 'clerk');
    const before = await c.pull();
    const open = await a.emit(c1, 'case.opened');
    const secret = await a.emit(c1, 'note.recorded', { stage: 2 }, 'internal');
    const caucus = await a.emit(c1, 'note.recorded', { stage: 3 }, `caucus:${SAMPLE_IDS.worker}`);
    await a.push([open, secret, caucus]);
    expect((await c.pull(before.cursor)).events).toEqual([]);
    expect((await c.push([await c.emit(c1, 'note.recorded')]))[0]?.reason).toBe('forbidden');
    c.setHead(0, null);
    const refer = await a.emit(c1, 'case.referred', { toOrgId: court.id });
    expect((await a.push([refer]))[0]?.status).toBe('accepted');
    const seen = await c.pull(before.cursor);
    expect(seen.events.map((e) => e.id)).toEqual([open.id, refer.id]);
    const assign = await c.emit(c1, 'case.assigned', { assigneeId: judge.id });
    expect((await c.push([assign]))[0]?.status).toBe('accepted');
    expect((await c.push([await c.emit(c1, 'note.recorded', {}, 'internal')]))[0]?.reason).toBe('forbidden');
    expect((await j.pull()).events.map((e) => e.id)).toEqual([open.id, refer.id, assign.id]);
    expect((await a.pull()).events.map((e) => e.id)).toEqual([
      open.id,
      secret.id,
      caucus.id,
      refer.id,
      assign.id,
    ]);
  });

  it('numbers accepted cases gaplessly with a hub-signed case.numbered event', async () => {
    const sup = await h.user(org, '院长', ['supervisor']);
    const s = await testDevice(h, sup, 'supervisor');
    const open = await a.emit(c1, 'case.opened');
    const accept = await a.emit(c1, 'case.accepted', {});
    await a.push([open, accept]);
    const events = (await s.pull()).events;
    const numbered = events.find((e) => e.type === 'case.numbered');
    expect(numbered?.payload).toEqual({
      caseNumber: '荆劳人仲字〔2026〕第1号',
      year: 2026,
      seq: 1,
    });
    if (!numbered) throw new Error('no case.numbered');
    expect(numbered.actor.deviceId).toBe(a.enrolled.hubDeviceId);
    expect(numbered.actor.role).toBe('admin');
    expect(numbered.at.hlc > accept.at.hlc).toBe(true);
    const key = await importPublicKeyJwk(a.enrolled.hubPublicKey);
    if (!key) throw new Error('hub key is not Ed25519');
    expect(await hashEvent(numbered)).toBe(numbered.hash);
    expect(await verifyHashSignature(key, numbered.hash, numbered.sig)).toBe(true);
    expect(parseCaseEvent(numbered).ok).toBe(true);
    await a.push([await a.emit(c1, 'case.accepted', {})]);
    expect((await a.pull()).events.filter((e) => e.type === 'case.numbered')).toHaveLength(1);
    expect((await h.storage.q.getCase(c1))?.caseNumber).toBe('荆劳人仲字〔2026〕第1号');
  });

  it('gives concurrent accepts from many devices distinct numbers without gaps', async () => {
    const devices = await Promise.all(
      Array.from({ length: 12 }, async (_, i) =>
        testDevice(h, await h.user(org, `m${String(i)}`, ['mediator']), 'mediator'),
      ),
    );
    const caseIds = devices.map(() => h.ids());
    const batches = await Promise.all(
      devices.map(async (d, i) => [
        await d.emit(caseIds[i] ?? '', 'case.opened'),
        await d.emit(caseIds[i] ?? '', 'case.accepted', {}),
      ]),
    );
    await Promise.all(devices.map((d, i) => d.push(batches[i] ?? [])));
    const numbers = await Promise.all(
      devices.map(async (_, i) => (await h.storage.q.getCase(caseIds[i] ?? ''))?.caseNumber),
    );
    const seqs = numbers.map((n) => Number(/第(\d+)号/.exec(n ?? '')?.[1])).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('takes evidence bytes only after an accepted evidence.added names the hash', async () => {
    const bytes = Buffer.from('工资条照片');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const upload = () =>
      h.app.inject({
        method: 'PATCH',
        url: `/v1/blobs/${sha}`,
        headers: {
          ...bearer(a.enrolled.token),
          'content-type': 'application/offset+octet-stream',
          'upload-offset': '0',
          'upload-length': String(bytes.length),
        },
        payload: bytes,
      });
    expect((await upload()).statusCode).toBe(404);
    await a.push([
      await a.emit(c1, 'case.opened'),
      await a.emit(c1, 'evidence.added', { sha256: sha, size: bytes.length }),
    ]);
    expect((await upload()).statusCode).toBe(204);
  });
});

describeTwoHubs();
