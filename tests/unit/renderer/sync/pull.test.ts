// Pull checks: an event whose hash does not match, or whose signature fails for a known key, is refused and
// reported, the good ones are stored, and the cursor still moves (after the commit). A reused refresh
// token ends the session with its own name.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
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

/** A hub that answers one page with the given events. */
function oneShot(events: unknown[]): HubClient {
  const none = () => Promise.reject(new Error('not used'));
  return {
    enroll: none,
    refresh: none,
    push: none,
    blobHead: none,
    blobPatch: none,
    pull: () =>
      Promise.resolve(ok({ events, cursor: 'c1', hasMore: false, hubTime: '2026-11-28T09:00:00.000Z' })),
  };
}

describe('pull verification', () => {
  it('refuses a tampered event and a forged signature, stores the rest, moves the cursor', async () => {
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
    const enrollment = await a.local.enrollment();
    const keys = new Map([[enrollment?.deviceId ?? '', await a.store.publicKeyJwk()]]);

    const r = await pullAll({
      local: b.local,
      client: oneShot([opened, tampered, forged, { junk: 1 }]),
      tokens,
      keys,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.stored).toBe(1);
    expect(r.value.refused.map((x) => x.why)).toEqual(['hash_mismatch', 'bad_signature', 'schema_invalid']);
    expect(await b.local.cursor()).toBe('c1');
    expect(await b.store.caseState(CASE_A)).not.toBeNull();
  });

  it('checks by hash only when the signer is unknown here (the hub checked the signature on push)', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    const [opened] = await eventsOf(a);
    const r = await pullAll({ local: b.local, client: oneShot([opened]), tokens, keys: new Map() });
    expect(r.ok && r.value.stored).toBe(1);
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
