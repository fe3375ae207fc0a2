// Automatic sync with fake time: a run at start, then every interval after a success; after failures
// the waits back off (doubling, capped, jittered, Retry-After honoured); the network coming back runs at
// once and resets the backoff; offline and stop cancel the timer; revoked or unenrolled devices stop.
import { describe, expect, it } from 'vitest';
import type { RunFailure, SyncOutcome } from '../../../../renderer/sync/engine';
import { backoffDelay, createSyncScheduler, type Timers } from '../../../../renderer/sync/scheduler';

/** Timers on a manual clock: advance() fires what is due, in order. */
function fakeTime() {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => {
      due.delete(h as number);
    },
  };
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    timers,
    now: () => now,
    pending: () => [...due.values()].map((t) => t.at).sort((a, b) => a - b),
    async advance(ms: number) {
      const until = now + ms;
      await settle();
      for (;;) {
        const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > until) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await settle();
      }
      now = until;
      await settle();
    },
    settle,
  };
}

const okOutcome = (at: number): SyncOutcome =>
  ({ ok: true, at, push: {}, pull: {}, upload: {} }) as unknown as SyncOutcome;
const failOutcome = (at: number, failure: RunFailure): SyncOutcome => ({ ok: false, at, failure });

function setup(outcomes: ((at: number) => SyncOutcome)[], online = { up: true }) {
  const t = fakeTime();
  const runs: number[] = [];
  const s = createSyncScheduler({
    run: () => {
      runs.push(t.now());
      const next = outcomes.shift() ?? okOutcome;
      return Promise.resolve(next(t.now()));
    },
    timers: t.timers,
    isOnline: () => online.up,
    now: t.now,
    random: () => 0.5,
    intervalMs: 60_000,
    backoffMs: 10_000,
    maxBackoffMs: 40_000,
  });
  return { t, s, runs, online };
}

const network: RunFailure = { kind: 'network', message: 'down' };

describe('sync scheduler', () => {
  it('runs at start and then once per interval while runs succeed', async () => {
    const { t, s, runs } = setup([]);
    s.start();
    await t.settle();
    expect(runs).toEqual([0]);
    expect(s.getState()).toEqual({ paused: null, nextAt: 60_000, failures: 0 });
    await t.advance(59_999);
    expect(runs).toEqual([0]);
    await t.advance(1);
    expect(runs).toEqual([0, 60_000]);
    await t.advance(120_000);
    expect(runs).toEqual([0, 60_000, 120_000, 180_000]);
    s.stop();
    expect(t.pending()).toEqual([]);
  });

  it('backs off after failures (10 s, 20 s, 40 s, capped at 40 s) and returns to the interval after a success', async () => {
    const fail = (at: number) => failOutcome(at, network);
    const { t, s, runs } = setup([fail, fail, fail, fail]);
    s.start();
    await t.advance(200_000);
    expect(runs.slice(0, 6)).toEqual([0, 10_000, 30_000, 70_000, 110_000, 170_000]);
    expect(s.getState().failures).toBe(0);
  });

  it('honours a longer Retry-After from a 429', async () => {
    const { t, s, runs } = setup([
      (at) => failOutcome(at, { kind: 'hub', code: 'rate_limited', message: 'slow', retryAfterS: 90 }),
    ]);
    s.start();
    await t.settle();
    expect(s.getState().nextAt).toBe(90_000);
    await t.advance(90_000);
    expect(runs).toEqual([0, 90_000]);
  });

  it('going offline cancels the next run; the network coming back runs at once and forgets the backoff', async () => {
    const fail = (at: number) => failOutcome(at, network);
    const { t, s, runs, online } = setup([fail, fail]);
    s.start();
    await t.advance(10_000);
    expect(runs).toEqual([0, 10_000]);
    expect(s.getState().failures).toBe(2);
    online.up = false;
    s.offline();
    expect(s.getState()).toMatchObject({ paused: 'offline', nextAt: null });
    expect(t.pending()).toEqual([]);
    await t.advance(600_000);
    expect(runs).toEqual([0, 10_000]);
    online.up = true;
    s.online();
    await t.settle();
    expect(runs).toEqual([0, 10_000, 610_000]);
    expect(s.getState()).toEqual({ paused: null, nextAt: 670_000, failures: 0 });
  });

  it('does not run at start while offline, and a timer that fires offline plans nothing', async () => {
    const { t, s, runs, online } = setup([], { up: false });
    s.start();
    await t.settle();
    expect(runs).toEqual([]);
    expect(s.getState().paused).toBe('offline');
    online.up = true;
    s.online();
    await t.settle();
    expect(runs).toEqual([0]);
    online.up = false; // the OS never sent "offline"
    await t.advance(60_000);
    expect(runs).toEqual([0]);
    expect(s.getState()).toMatchObject({ paused: 'offline', nextAt: null });
  });

  it('stops for a revoked or unenrolled device: retrying cannot help', async () => {
    for (const failure of [{ kind: 'revoked', code: 'device_revoked' }, { kind: 'not_enrolled' }] as const) {
      const { t, s, runs } = setup([(at) => failOutcome(at, failure)]);
      s.start();
      await t.advance(3_600_000);
      expect(runs).toEqual([0]);
      expect(s.getState()).toMatchObject({
        paused: failure.kind === 'revoked' ? 'revoked' : 'not_enrolled',
        nextAt: null,
      });
    }
  });

  it('a run that ends after stop() plans nothing', async () => {
    const t = fakeTime();
    let finish: (o: SyncOutcome) => void = () => undefined;
    const s = createSyncScheduler({
      run: () =>
        new Promise<SyncOutcome>((r) => {
          finish = r;
        }),
      timers: t.timers,
      isOnline: () => true,
      now: t.now,
      random: () => 0.5,
    });
    s.start();
    s.stop();
    finish(okOutcome(0));
    await t.settle();
    expect(t.pending()).toEqual([]);
    expect(s.getState().nextAt).toBeNull();
  });

  it('jitter spreads a backoff between 75 % and 125 %', () => {
    expect(backoffDelay(1, 0, 1000, 8000)).toBe(750);
    expect(backoffDelay(3, 0.5, 1000, 8000)).toBe(4000);
    expect(backoffDelay(9, 0.999, 1000, 8000)).toBe(9996);
  });
});
