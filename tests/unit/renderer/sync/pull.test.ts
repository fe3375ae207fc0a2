// Pull checks with the shared verifier: a bad hash, a bad or unverifiable signature, a fork, a broken
// chain link or a reused id puts the event in the quarantine (kept, reported, not applied); the good
// ones are stored and the cursor still moves (after the commit). Keys come with the page and are pinned.
// A reused refresh token ends the session with its own name.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent, UnsignedEvent } from '#shared/events/envelope';
import { exportPublicKeyJwk, generateDeviceKeyPair, sealEvent } from '#shared/events/signing';
import type { Jwk } from '#shared/sync/wire';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { ok } from '#shared/util/result';
import type { HubClient } from '../../../../renderer/sync/hub-client';
import { pullAll } from '../../../../renderer/sync/pull';
import type { TokenSource } from '../../../../renderer/sync/session';
import { openCase, world, writeNote, type Laptop, type World } from './support';

const CASE_A = '01930000-0000-7000-8000-0000000000c1';

let w: World;
afterEach(async () => {
  await w.close();
});

async function eventsOf(l: Laptop): Promise<CaseEvent[]> {
  const r = await l.store.caseEvents(CASE_A);
  if (!r.ok) throw new Error(r.error.message);
  return [...r.value].sort((x, y) => x.deviceSeq - y.deviceSeq);
}

const tokens: TokenSource = { withToken: (call) => call('t') };

async function deviceOf(l: Laptop): Promise<string> {
  const e = await l.local.enrollment();
  if (!e) throw new Error('not enrolled');
  return e.deviceId;
}

function unsign(e: CaseEvent): UnsignedEvent {
  const rest: Record<string, unknown> = { ...e };
  delete rest['hash'];
  delete rest['sig'];
  return rest as UnsignedEvent;
}

/** A hub that answers one page with the given events (and signer keys). */
function oneShot(events: unknown[], keys?: Record<string, Jwk>): HubClient {
  const none = () => Promise.reject(new Error('not used'));
  return {
    enroll: none,
    refresh: none,
    push: none,
    blobHead: none,
    blobPatch: none,
    blobGet: none,
    pull: () =>
      Promise.resolve(
        ok({
          events,
          ...(keys ? { keys } : {}),
          cursor: 'c1',
          hasMore: false,
          hubTime: '2026-11-28T09:00:00.000Z',
        }),
      ),
  };
}

describe('pull verification', () => {
  it('quarantines a tampered event, a forged signature and junk, stores the rest, moves the cursor', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    await writeNote(a, CASE_A, '01930000-0000-7000-8000-000000000101');
    await writeNote(a, CASE_A, '01930000-0000-7000-8000-000000000102');
    const [opened, n1, n2] = await eventsOf(a);
    if (!opened || !n1 || !n2) throw new Error('three events expected');
    const tampered = { ...n1, payload: { ...n1.payload, stage: 2 } };
    const forged = { ...n2, sig: opened.sig };
    const keys = new Map([[await deviceOf(a), await a.store.publicKeyJwk()]]);

    const r = await pullAll({
      local: b.local,
      client: oneShot([opened, tampered, forged, { junk: 1 }]),
      tokens,
      keys,
      now: () => 42,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.stored).toBe(1);
    expect(r.value.refused.map((x) => [x.id, x.why])).toEqual([
      ['?', 'schema_invalid'],
      [n1.id, 'bad_hash'],
      [n2.id, 'bad_signature'],
    ]);
    expect(await b.local.cursor()).toBe('c1');
    // Kept as received, with the reason; only the good event reached the case.
    const q = await b.local.quarantined();
    expect(q.map((x) => [x.id, x.why, x.caseId, x.receivedAt])).toEqual([
      ['?', 'schema_invalid', null, 42],
      [n1.id, 'bad_hash', CASE_A, 42],
      [n2.id, 'bad_signature', CASE_A, 42],
    ]);
    expect(q[1]?.raw).toEqual(tampered);
    expect((await eventsOf(b)).map((e) => e.id)).toEqual([opened.id]);
  });

  it('an event whose signer the hub gave no key for is quarantined as unknown_device, not trusted', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    const [opened] = await eventsOf(a);
    const r = await pullAll({ local: b.local, client: oneShot([opened]), tokens, keys: new Map() });
    expect(r.ok && r.value.stored).toBe(0);
    expect(r.ok && r.value.refused.map((x) => x.why)).toEqual(['unknown_device']);
    expect(await b.store.caseState(CASE_A)).toBeNull();
  });

  it('verifies with the keys the page brings and pins them: a later different key is not believed', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    await writeNote(a, CASE_A, '01930000-0000-7000-8000-000000000101');
    const [opened, n1] = await eventsOf(a);
    if (!opened || !n1) throw new Error('two events expected');
    const aId = await deviceOf(a);
    const aKey = (await a.store.publicKeyJwk()) as Jwk;
    const first = await pullAll({
      local: b.local,
      client: oneShot([opened], { [aId]: aKey }),
      tokens,
      keys: new Map(),
    });
    expect(first.ok && first.value).toMatchObject({ stored: 1, refused: [] });
    expect(await b.local.deviceKeys()).toEqual({ [aId]: aKey });

    // A hub (or a man in the middle) now claims another key for the same device and re-signs with it.
    const impostor = await generateDeviceKeyPair();
    const resigned = await sealEvent(unsign(n1), impostor.privateKey);
    const second = await pullAll({
      local: b.local,
      client: oneShot([resigned], { [aId]: (await exportPublicKeyJwk(impostor.publicKey)) as Jwk }),
      tokens,
      keys: new Map(),
    });
    expect(second.ok && second.value.refused.map((x) => [x.id, x.why])).toEqual([[n1.id, 'bad_signature']]);
    expect(await b.local.deviceKeys()).toEqual({ [aId]: aKey });
  });

  it('checks chains against what is stored: a fork, a broken prev link and a reused id are quarantined', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    await writeNote(a, CASE_A, '01930000-0000-7000-8000-000000000101');
    const [opened, n1] = await eventsOf(a);
    if (!opened || !n1) throw new Error('two events expected');
    const author = await a.store.author();
    if (!author) throw new Error('not enrolled');
    const aId = await deviceOf(a);
    const keys = new Map([[aId, await a.store.publicKeyJwk()]]);
    const pulled = await pullAll({ local: b.local, client: oneShot([opened, n1]), tokens, keys });
    expect(pulled.ok && pulled.value.stored).toBe(2);

    // Validly signed by the same device, but: a second event at seq 2 (fork), a seq 3 whose prev is not
    // seq 2's hash, and the id of seq 2 with other content.
    const fork = await sealEvent(
      { ...unsign(n1), id: '01930000-0000-7000-8000-0000000009f1' },
      author.privateKey,
    );
    const badLink = await sealEvent(
      { ...unsign(n1), id: '01930000-0000-7000-8000-0000000009f2', deviceSeq: 3, prev: opened.hash },
      author.privateKey,
    );
    const reused = await sealEvent(
      { ...unsign(n1), payload: { ...n1.payload, stage: 4 } } as UnsignedEvent,
      author.privateKey,
    );
    const r = await pullAll({ local: b.local, client: oneShot([fork, badLink, reused]), tokens, keys });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.stored).toBe(0);
    expect(new Map(r.value.refused.map((x) => [x.id, x.why]))).toEqual(
      new Map([
        [fork.id, 'fork'],
        [badLink.id, 'prev_mismatch'],
        [n1.id, 'id_conflict'],
      ]),
    );
    expect((await eventsOf(b)).map((e) => e.id)).toEqual([opened.id, n1.id]);
    expect((await b.local.quarantined()).map((q) => q.id).sort()).toEqual(
      [fork.id, badLink.id, n1.id].sort(),
    );
  });
});

describe('hub-signed events', () => {
  it('the official case number the hub signs is verified with the hub key from enrollment and stored', async () => {
    w = await world();
    const a = await w.laptop('李仲裁', ['arbitrator']);
    await openCase(a, CASE_A);
    const author = await a.store.author();
    if (!author) throw new Error('not enrolled');
    const accepted = await a.store.write(author, [
      { caseId: CASE_A, type: 'case.accepted', payload: SAMPLE_PAYLOADS['case.accepted'] },
    ]);
    expect(accepted.ok).toBe(true);
    const r = await a.engine.run();
    expect(r.ok && r.pull).toMatchObject({ stored: 1, refused: [] });
    expect((await a.store.caseState(CASE_A))?.numbers.official?.number).toMatch(/^荆劳人仲字〔\d{4}〕第1号$/);
  });
});

describe('token reuse', () => {
  it('a rotated refresh token presented again revokes the device and the run says token_reused', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const old = await a.local.loadSession();
    if (!old) throw new Error('no session');
    w.hub.clock.now += 20 * 60_000;
    expect((await a.engine.run()).ok).toBe(true);
    // A restored backup (or a thief) brings the old pair back after the grace window.
    w.hub.clock.now += 20 * 60_000;
    await a.local.saveSession(old);
    const r = await a.engine.run();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failure).toEqual({ kind: 'revoked', code: 'token_reused' });
    expect(a.sleeps).toEqual([]);
  });
});
