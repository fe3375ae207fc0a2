// Push: accepted / duplicate / every rejection reason, one result per event in order, nothing stored for
// a rejected event; referral visibility through pull; official case numbers as hub-signed events.
import { createHash, webcrypto } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgRecord, UserRecord } from '../../../hub/src/storage/types';
import { computeHash, verifySig } from '../../../hub/src/sync/event-lib';
import { BACKENDS } from './support/backends';
import { testDevice, type TestDevice } from './support/devices';
import { bearer, startHub, type Harness } from './support/harness';

describe.each(BACKENDS)('push on $name', ({ config }) => {
  let h: Harness;
  let org: OrgRecord;
  let court: OrgRecord;
  let med: UserRecord;
  let a: TestDevice;
  beforeEach(async () => {
    h = await startHub(config());
    org = await h.org('荆门市劳动人事争议仲裁院');
    court = await h.org('掇刀区法院', '荆掇法', 'court');
    med = await h.user(org, '王调解', ['mediator']);
    a = await testDevice(h, med, 'mediator');
  });
  afterEach(async () => {
    await h.close();
  });

  it('accepts, answers duplicates with the stored hubSeq, and pulls the event back unchanged', async () => {
    const open = await a.emit('case-1', 'case.opened', { category: 'wage' });
    const note = await a.emit('case-1', 'note.recorded', { text: '双方同意调解' }, 'internal');
    const [r1, r2] = await a.push([open, note]);
    expect(r1).toMatchObject({ id: open.id, status: 'accepted' });
    expect(r2).toMatchObject({ id: note.id, status: 'accepted' });
    expect(await a.push([open])).toEqual([{ id: open.id, status: 'duplicate', hubSeq: r1?.hubSeq }]);
    const pulled = await a.pull();
    expect(pulled.events).toEqual([open, note]);
  });

  it('rejects each bad event with its reason and stores none of them', async () => {
    const open = await a.emit('case-1', 'case.opened');
    expect((await a.push([open]))[0]?.status).toBe('accepted');
    const before = await h.storage.q.lastHubSeq();
    const reasons: [string, Promise<unknown>][] = [];
    const one = async (e: unknown) => (await a.push([e as never]))[0]?.reason;

    const tampered = { ...(await a.emit('case-1', 'note.recorded', { text: 'a' })), payload: { text: 'b' } };
    reasons.push(['hash_mismatch', one(tampered)]);
    a.setHead(1, open.hash);
    const good = await a.emit('case-1', 'note.recorded', { text: 'x' });
    reasons.push(['bad_signature', one({ ...good, sig: good.sig.split('').reverse().join('') })]);
    a.setHead(1, open.hash);
    const other = await h.user(org, '李', ['mediator']);
    reasons.push([
      'not_your_device',
      one(
        await a.emit('case-1', 'note.recorded', {}, 'public', {
          actor: { userId: other.id, deviceId: a.enrolled.deviceId, orgId: org.id, role: 'mediator' },
        }),
      ),
    ]);
    a.setHead(1, open.hash);
    reasons.push([
      'clock_drift',
      one(
        await a.emit('case-1', 'note.recorded', {}, 'public', {
          at: { hlc: 'x', wall: new Date(h.clock.now + 6 * 60_000).toISOString() },
        }),
      ),
    ]);
    a.setHead(1, open.hash);
    reasons.push(['forbidden', one(await a.emit('case-unknown', 'note.recorded'))]);
    a.setHead(1, open.hash);
    reasons.push(['forbidden', one(await a.emit('case-1', 'case.assigned', { userId: other.id }))]);
    a.setHead(5, open.hash);
    reasons.push(['chain_gap', one(await a.emit('case-1', 'note.recorded'))]);
    a.setHead(0, null);
    reasons.push(['chain_fork', one(await a.emit('case-1', 'note.recorded'))]);
    a.setHead(1, 'f'.repeat(64));
    reasons.push(['chain_fork', one(await a.emit('case-1', 'note.recorded'))]);
    reasons.push(['schema_invalid', one({ ...open, conf: 'secret' })]);
    const conflict = await (async () => {
      a.setHead(1, open.hash);
      const e = await a.emit('case-1', 'note.recorded', { text: 'first' });
      await a.push([e]);
      a.setHead(1, open.hash);
      return one(await a.emit('case-1', 'note.recorded', { text: 'second' }, 'public', { id: e.id }));
    })();
    for (const [want, got] of reasons) expect(await got).toBe(want);
    expect(conflict).toBe('id_conflict');
    expect(await h.storage.q.lastHubSeq()).toBe(before + 1);
  });

  it('judges events of one request on their own, one result each, in order', async () => {
    const open = await a.emit('case-1', 'case.opened');
    const stray = { ...(await a.emit('case-1', 'note.recorded')), payload: { x: 1 } };
    const next = await a.emit('case-1', 'note.recorded');
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
    const open = await a.emit('case-1', 'case.opened');
    const secret = await a.emit('case-1', 'note.recorded', { text: '副卷' }, 'internal');
    const caucus = await a.emit('case-1', 'note.recorded', { text: '背靠背' }, 'caucus:p1');
    await a.push([open, secret, caucus]);
    expect((await c.pull(before.cursor)).events).toEqual([]);
    expect((await c.push([await c.emit('case-1', 'note.recorded')]))[0]?.reason).toBe('forbidden');
    c.setHead(0, null);
    const refer = await a.emit('case-1', 'case.referred', { toOrgId: court.id });
    expect((await a.push([refer]))[0]?.status).toBe('accepted');
    const seen = await c.pull(before.cursor);
    expect(seen.events.map((e) => e.id)).toEqual([open.id, refer.id]);
    const assign = await c.emit('case-1', 'case.assigned', { userId: judge.id });
    expect((await c.push([assign]))[0]?.status).toBe('accepted');
    expect((await c.push([await c.emit('case-1', 'note.recorded', {}, 'internal')]))[0]?.reason).toBe(
      'forbidden',
    );
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
    const open = await a.emit('case-1', 'case.opened');
    const accept = await a.emit('case-1', 'case.accepted', {});
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
    const key = await webcrypto.subtle.importKey(
      'jwk',
      a.enrolled.hubPublicKey as webcrypto.JsonWebKey,
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    expect(await computeHash(numbered)).toBe(numbered.hash);
    expect(await verifySig(key, numbered.hash, numbered.sig)).toBe(true);
    await a.push([await a.emit('case-1', 'case.accepted', {})]);
    expect((await a.pull()).events.filter((e) => e.type === 'case.numbered')).toHaveLength(1);
    expect((await h.storage.q.getCase('case-1'))?.caseNumber).toBe('荆劳人仲字〔2026〕第1号');
  });

  it('gives concurrent accepts from many devices distinct numbers without gaps', async () => {
    const devices = await Promise.all(
      Array.from({ length: 12 }, async (_, i) =>
        testDevice(h, await h.user(org, `m${String(i)}`, ['mediator']), 'mediator'),
      ),
    );
    const batches = await Promise.all(
      devices.map(async (d, i) => [
        await d.emit(`case-${String(i)}`, 'case.opened'),
        await d.emit(`case-${String(i)}`, 'case.accepted', {}),
      ]),
    );
    await Promise.all(devices.map((d, i) => d.push(batches[i] ?? [])));
    const numbers = await Promise.all(
      devices.map(async (_, i) => (await h.storage.q.getCase(`case-${String(i)}`))?.caseNumber),
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
      await a.emit('case-1', 'case.opened'),
      await a.emit('case-1', 'evidence.added', { sha256: sha, size: bytes.length }),
    ]);
    expect((await upload()).statusCode).toBe(204);
  });
});
