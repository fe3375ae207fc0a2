import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_MS, startAutoLock } from '../../../../renderer/security/auto-lock';

function rig(lockOnHidden?: boolean) {
  let t = 0;
  let locks = 0;
  const intervals = new Set<unknown>();
  const target = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const auto = startAutoLock({
    onLock: () => {
      locks++;
    },
    now: () => t,
    target,
    timers: {
      setInterval: () => {
        const h = {};
        intervals.add(h);
        return h;
      },
      clearInterval: (h) => {
        intervals.delete(h);
      },
    },
    ...(lockOnHidden === undefined ? {} : { lockOnHidden }),
  });
  return {
    auto,
    target,
    intervals,
    advance: (ms: number) => {
      t += ms;
    },
    locks: () => locks,
  };
}

describe('auto-lock', () => {
  it('locks after 10 idle minutes by default, once', () => {
    expect(DEFAULT_IDLE_MS).toBe(600_000);
    const r = rig();
    r.advance(DEFAULT_IDLE_MS - 1);
    r.auto.tick();
    expect(r.locks()).toBe(0);
    r.advance(1);
    r.auto.tick();
    r.auto.tick();
    expect(r.locks()).toBe(1);
    expect(r.intervals.size).toBe(0);
  });

  it('activity on the target restarts the idle count', () => {
    const r = rig();
    r.advance(DEFAULT_IDLE_MS - 10);
    r.target.dispatchEvent(new Event('keydown'));
    r.advance(DEFAULT_IDLE_MS - 10);
    r.auto.tick();
    expect(r.locks()).toBe(0);
    r.advance(10);
    r.auto.tick();
    expect(r.locks()).toBe(1);
  });

  it('locks when the page is hidden (suspend, lid closed), unless told not to', () => {
    const r = rig();
    r.target.visibilityState = 'hidden';
    r.target.dispatchEvent(new Event('visibilitychange'));
    expect(r.locks()).toBe(1);
    const keep = rig(false);
    keep.target.visibilityState = 'hidden';
    keep.target.dispatchEvent(new Event('visibilitychange'));
    expect(keep.locks()).toBe(0);
  });

  it('stop() ends watching; lockNow() locks at once', () => {
    const r = rig();
    r.auto.stop();
    r.advance(DEFAULT_IDLE_MS * 2);
    r.auto.tick();
    expect(r.locks()).toBe(0);
    const s = rig();
    s.auto.lockNow();
    expect(s.locks()).toBe(1);
  });
});
