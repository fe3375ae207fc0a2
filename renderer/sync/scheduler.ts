/*
 * Automatic sync: while the device is enrolled and the network is up, a run now, then one every
 * `intervalMs` after a success; after a failed run the next comes sooner but backs off (base, 2×, 4× …
 * up to `maxBackoffMs`, with jitter so a room of laptops coming back online does not hit the hub in
 * step; a 429's Retry-After is honoured). The network coming back runs at once and forgets the backoff;
 * going offline cancels the timer. A revoked or unenrolled device stops: retrying cannot help. Timers,
 * the clock, the randomness and the online flag are injected, so tests drive it with fake time.
 */
import type { SyncOutcome } from './engine';

export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type SchedulerDeps = {
  run: () => Promise<SyncOutcome>;
  timers: Timers;
  isOnline: () => boolean;
  now: () => number;
  /** 0 ≤ x < 1; jitter multiplies a backoff by 0.75 + x / 2. */
  random: () => number;
  /** Between successful runs (default 5 min). */
  intervalMs?: number;
  /** First wait after a failure (default 30 s), doubling up to `maxBackoffMs` (default 15 min). */
  backoffMs?: number;
  maxBackoffMs?: number;
};

export type SchedulerState = {
  /** Why no run is planned: offline, or a failure retrying cannot fix. */
  paused: 'offline' | 'not_enrolled' | 'revoked' | null;
  /** When the next automatic run starts (ms), or null. */
  nextAt: number | null;
  /** Failed runs in a row. */
  failures: number;
};

/** Function-valued fields (not methods), so `getState`/`subscribe` can be handed to React unbound. */
export type SyncScheduler = {
  start: () => void;
  stop: () => void;
  /** The browser says the network is back. */
  online: () => void;
  offline: () => void;
  getState: () => SchedulerState;
  subscribe: (listener: () => void) => () => void;
};

export const SCHEDULE_DEFAULTS = { intervalMs: 5 * 60_000, backoffMs: 30_000, maxBackoffMs: 15 * 60_000 };

/** Wait before the next run after `failures` failed runs in a row (≥ 1). */
export function backoffDelay(
  failures: number,
  random: number,
  baseMs = SCHEDULE_DEFAULTS.backoffMs,
  maxMs = SCHEDULE_DEFAULTS.maxBackoffMs,
): number {
  const plain = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(plain * (0.75 + random / 2));
}

export function createSyncScheduler(d: SchedulerDeps): SyncScheduler {
  const intervalMs = d.intervalMs ?? SCHEDULE_DEFAULTS.intervalMs;
  const baseMs = d.backoffMs ?? SCHEDULE_DEFAULTS.backoffMs;
  const maxMs = d.maxBackoffMs ?? SCHEDULE_DEFAULTS.maxBackoffMs;
  let state: SchedulerState = { paused: null, nextAt: null, failures: 0 };
  let active = false;
  let timer: unknown = null;
  /** Bumped by every start/stop/online/offline, so a run that ends after one of them plans nothing. */
  let epoch = 0;
  const listeners = new Set<() => void>();
  const set = (next: Partial<SchedulerState>): void => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  const cancel = (): void => {
    if (timer !== null) d.timers.clearTimeout(timer);
    timer = null;
  };
  const plan = (ms: number): void => {
    cancel();
    const mine = epoch;
    timer = d.timers.setTimeout(() => {
      timer = null;
      if (mine === epoch) void tick();
    }, ms);
    set({ nextAt: d.now() + ms });
  };

  const tick = async (): Promise<void> => {
    if (!active) return;
    if (!d.isOnline()) {
      cancel();
      set({ paused: 'offline', nextAt: null });
      return;
    }
    const mine = epoch;
    set({ paused: null, nextAt: null });
    const outcome = await d.run().catch((e: unknown): SyncOutcome => ({
      ok: false,
      at: d.now(),
      failure: { kind: 'local', message: e instanceof Error ? e.message : String(e) },
    }));
    if (mine !== epoch) return; // stopped, or offline/online since it began
    if (outcome.ok) {
      set({ failures: 0 });
      plan(intervalMs);
      return;
    }
    const f = outcome.failure;
    if (f.kind === 'not_enrolled' || f.kind === 'revoked') {
      set({ paused: f.kind, nextAt: null, failures: state.failures + 1 });
      return;
    }
    const failures = state.failures + 1;
    set({ failures });
    const wait = backoffDelay(failures, d.random(), baseMs, maxMs);
    const retryAfter = f.kind === 'hub' && f.retryAfterS !== undefined ? f.retryAfterS * 1000 : 0;
    plan(Math.max(wait, retryAfter));
  };

  return {
    start: () => {
      if (active) return;
      active = true;
      epoch++;
      void tick();
    },
    stop: () => {
      active = false;
      epoch++;
      cancel();
      set({ nextAt: null });
    },
    online: () => {
      if (!active) return;
      epoch++;
      cancel();
      set({ failures: 0 });
      void tick();
    },
    offline: () => {
      if (!active) return;
      epoch++;
      cancel();
      set({ paused: 'offline', nextAt: null });
    },
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
  };
}
