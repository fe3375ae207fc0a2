// The sync engine against a real in-process hub: push in chain order, pull to another user, rejections
// kept with their reason, token rotation, revocation, retries that never duplicate or lose an event.
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { revokeDevice } from '../../../../hub/src/admin/commands';
import { injectFetch, openCase, world, writeNote, type World } from './support';

const CASE_A = '01930000-0000-7000-8000-0000000000c1';
const CASE_B = '01930000-0000-7000-8000-0000000000c2';
const note = (n: number) => `01930000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

let w: World;
afterEach(async () => {
  await w.close();
});

describe('sync engine', () => {
  it('pushes a case to the hub and a supervisor of the same org pulls it', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    await writeNote(a, CASE_A, note(1));
    expect(await a.local.pendingCount()).toBe(2);

    const pushed = await a.engine.run();
    expect(pushed.ok && pushed.push).toEqual({ pushed: 2, rejected: 0, blocked: false });
    expect(await a.local.pendingCount()).toBe(0);
    // Its own events come back on pull; they are known and skipped, not stored twice.
    expect(pushed.ok && pushed.pull.stored).toBe(0);

    const pulled = await b.engine.run();
    expect(pulled.ok).toBe(true);
    if (!pulled.ok) return;
    expect(pulled.pull.stored).toBe(2);
    expect(pulled.pull.refused).toEqual([]);
    expect(await b.store.caseState(CASE_A)).not.toBeNull();
    expect(await b.local.pendingCount()).toBe(0);

    // The cursor moved: the next run pulls nothing new.
    const again = await b.engine.run();
    expect(again.ok && again.pull.pulled).toBe(0);
    expect((await b.local.status()).lastSyncAt).toBe(w.hub.clock.now);
  });

  it('sends at most one page per request and follows hasMore to the end', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    for (let i = 1; i <= 4; i++) await writeNote(a, CASE_A, note(i));
    expect((await a.engine.run()).ok).toBe(true);
    const small = injectFetch(w.hub.app);
    const { createSyncEngine } = await import('../../../../renderer/sync/engine');
    const engine = createSyncEngine({
      local: b.local,
      fetch: small,
      now: () => w.hub.clock.now,
      ownPublicKey: () => b.store.publicKeyJwk(),
      pullPageSize: 2,
    });
    const r = await engine.run();
    expect(r.ok && r.pull.stored).toBe(5);
    expect(small.calls.filter((c) => c.startsWith('GET /v1/sync/pull'))).toHaveLength(3);
  });

  it('sets a refused event aside with its reason, re-links the later events and pushes them in the same run', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    const author = await a.store.author();
    if (!author) throw new Error('not enrolled');
    // Only the hub may number a case: the hub refuses this one as forbidden, for good.
    const bad = await a.store.write(author, [
      { caseId: CASE_A, type: 'case.numbered', payload: SAMPLE_PAYLOADS['case.numbered'] },
    ]);
    if (!bad.ok) throw new Error('write failed');
    await writeNote(a, CASE_A, note(1));
    await writeNote(a, CASE_A, note(2));

    const r = await a.engine.run();
    expect(r.ok && r.push).toEqual({ pushed: 3, rejected: 1, blocked: false });
    expect(await a.local.pending(10)).toEqual([]);
    expect(await a.local.pendingCount()).toBe(0);
    const aside = await a.local.setAsideList();
    expect(aside.map((p) => [p.event.id, p.lastError?.split(':')[0], p.setAside])).toEqual([
      [bad.value[0]?.id, 'forbidden', true],
    ]);
    // Kept on this laptop (the case still shows it, and the caseload calls the case refused).
    const mine = await a.store.caseEvents(CASE_A);
    expect(mine.ok && mine.value.map((e) => e.type).sort()).toEqual(
      ['case.numbered', 'case.opened', 'note.recorded', 'note.recorded'].sort(),
    );
    expect((await a.store.pendingCaseIds()).refused.has(CASE_A)).toBe(true);
    // Its own events came back re-linked and verified: nothing quarantined.
    expect(r.ok && r.pull.refused).toEqual([]);

    // The notes took the refused event's place in the chain; another device verifies them.
    const pulled = await b.engine.run();
    expect(pulled.ok && pulled.pull).toMatchObject({ stored: 3, refused: [] });
    const theirs = await b.store.caseEvents(CASE_A);
    expect(theirs.ok && theirs.value.map((e) => [e.type, e.deviceSeq]).sort()).toEqual([
      ['case.opened', 1],
      ['note.recorded', 2],
      ['note.recorded', 3],
    ]);

    // Later writes extend the re-linked chain, not the refused event.
    await writeNote(a, CASE_A, note(3));
    const later = await a.engine.run();
    expect(later.ok && later.push).toEqual({ pushed: 1, rejected: 0, blocked: false });
  });

  it('a refused last event leaves the chain too: the next write is accepted', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    await openCase(a, CASE_A);
    const author = await a.store.author();
    if (!author) throw new Error('not enrolled');
    await a.store.write(author, [
      { caseId: CASE_A, type: 'case.numbered', payload: SAMPLE_PAYLOADS['case.numbered'] },
    ]);
    const r = await a.engine.run();
    expect(r.ok && r.push).toEqual({ pushed: 1, rejected: 1, blocked: false });
    await writeNote(a, CASE_A, note(1));
    const pending = await a.local.pending(10);
    expect(pending.map((p) => p.event.deviceSeq)).toEqual([2]);
    const again = await a.engine.run();
    expect(again.ok && again.push).toEqual({ pushed: 1, rejected: 0, blocked: false });
    expect(await a.local.setAsideList()).toHaveLength(1);
  });

  it('rotates an expired access token and keeps the new refresh token', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const before = await a.local.loadSession();
    w.hub.clock.now += 20 * 60_000;
    await openCase(a, CASE_B);
    const r = await a.engine.run();
    expect(r.ok).toBe(true);
    const after = await a.local.loadSession();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.token).not.toBe(before?.token);
    expect(w.fetch.calls.filter((c) => c === 'POST /v1/devices/token')).toHaveLength(1);
  });

  it('stops on a revoked device and says so, without retrying', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    await openCase(a, CASE_A);
    const session = await a.local.loadSession();
    const enrollment = await a.local.enrollment();
    if (!session || !enrollment) throw new Error('not enrolled');
    await revokeDevice(
      { storage: w.hub.storage, clock: () => w.hub.clock.now, ids: w.hub.ids },
      { device: enrollment.deviceId },
    );
    const r = await a.engine.run();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure).toEqual({ kind: 'revoked', code: 'device_revoked' });
    expect(a.sleeps).toEqual([]);
    expect(await a.local.pendingCount()).toBe(1);
    expect((await a.local.status()).lastFailure).toBe('revoked:device_revoked');
  });

  it('retries after a lost answer: the hub says duplicate, nothing is lost or doubled', async () => {
    w = await world();
    let drops = 1;
    const flaky = injectFetch(w.hub.app, {
      after: (path) => {
        // The hub committed the push, then the connection died before the answer arrived.
        if (path === '/v1/sync/push' && drops-- > 0) throw new TypeError('Failed to fetch');
      },
    });
    const a = await w.laptop('王调解', ['mediator'], flaky);
    await openCase(a, CASE_A);
    await writeNote(a, CASE_A, note(1));
    const r = await a.engine.run();
    expect(r.ok && r.push.pushed).toBe(2);
    expect(a.sleeps).toEqual([1000]);
    expect(await a.local.pendingCount()).toBe(0);
    const b = await w.laptop('赵主任', ['supervisor']);
    const pulled = await b.engine.run();
    expect(pulled.ok && pulled.pull.stored).toBe(2);
  });

  it('gives up after the retries on a dead network, keeping everything queued', async () => {
    w = await world();
    let down = false;
    const dead = injectFetch(w.hub.app, {
      before: () => {
        if (down) throw new TypeError('Failed to fetch');
      },
    });
    const a = await w.laptop('王调解', ['mediator'], dead);
    down = true;
    await openCase(a, CASE_A);
    const r = await a.engine.run();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failure.kind).toBe('network');
    expect(a.sleeps).toEqual([1000, 2000, 4000]);
    expect(await a.local.pendingCount()).toBe(1);
  });

  it('runs once at a time: a second run joins the first', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    await openCase(a, CASE_A);
    const [x, y] = await Promise.all([a.engine.run(), a.engine.run()]);
    expect(x).toBe(y);
    expect(w.fetch.calls.filter((c) => c.includes('/sync/push'))).toHaveLength(1);
  });
});
