/*
 * Auto-lock (R7): after a quiet spell (10 minutes by default) or when the window is hidden / the machine
 * suspends, call `onLock`. Locking itself (dropping the key, reloading the renderer) is the gate's job;
 * this module only decides when. Clock, timers and the event target are injected so tests step time
 * by hand instead of waiting.
 */

export const DEFAULT_IDLE_MS = 10 * 60_000;
/** How often idleness is checked; a lock happens at most this late. */
const CHECK_EVERY_MS = 5_000;

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export type AutoLockTimers = {
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
};

export type AutoLockOptions = {
  onLock: () => void;
  idleMs?: number;
  now?: () => number;
  /** Where activity and visibility are observed; `document` by default. */
  target?: Pick<Document, 'addEventListener' | 'removeEventListener'> & { visibilityState?: string };
  timers?: AutoLockTimers;
  /** Lock as soon as the page is hidden (minimised, screen locked, suspend); default true. */
  lockOnHidden?: boolean;
};

export type AutoLock = {
  /** Record user activity (also wired to pointer/keyboard events of the target). */
  activity: () => void;
  /** Check idleness now (the interval calls this; tests call it after stepping the clock). */
  tick: () => void;
  /** Lock right away (suspend signal from the host, the lock button). */
  lockNow: () => void;
  stop: () => void;
};

export function startAutoLock(o: AutoLockOptions): AutoLock {
  const idleMs = o.idleMs ?? DEFAULT_IDLE_MS;
  const now = o.now ?? (() => Date.now());
  const target = o.target ?? document;
  const timers: AutoLockTimers = o.timers ?? {
    setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
    clearInterval: (h) => {
      globalThis.clearInterval(h as ReturnType<typeof setInterval>);
    },
  };
  let last = now();
  let done = false;

  const lockNow = () => {
    if (done) return;
    stop();
    o.onLock();
  };
  const activity = () => {
    last = now();
  };
  const tick = () => {
    if (now() - last >= idleMs) lockNow();
  };
  const onVisibility = () => {
    if (o.lockOnHidden !== false && target.visibilityState === 'hidden') lockNow();
  };
  const handle = timers.setInterval(tick, Math.min(CHECK_EVERY_MS, idleMs));
  for (const ev of ACTIVITY_EVENTS) target.addEventListener(ev, activity, { passive: true });
  target.addEventListener('visibilitychange', onVisibility);

  function stop() {
    done = true;
    timers.clearInterval(handle);
    for (const ev of ACTIVITY_EVENTS) target.removeEventListener(ev, activity);
    target.removeEventListener('visibilitychange', onVisibility);
  }

  return { activity, tick, lockNow, stop };
}
