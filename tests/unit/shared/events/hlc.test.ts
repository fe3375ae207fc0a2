import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, createHlc, formatHlc, parseHlc } from '#shared/events/hlc';

const clockAt = (t: { now: number }) => () => t.now;

describe('HLC stamps', () => {
  it('format and parse round-trip and sort as strings', () => {
    const s = formatHlc({ ms: 1_764_322_502_123, counter: 7, node: 'dev-a' });
    expect(s).toBe('000001764322502123-00007-dev-a');
    expect(parseHlc(s)).toEqual({ ms: 1_764_322_502_123, counter: 7, node: 'dev-a' });
    expect(parseHlc('1764322502123-7-dev-a')).toBeNull();
    expect(
      compareHlc(formatHlc({ ms: 9, counter: 0, node: 'z' }), formatHlc({ ms: 10, counter: 0, node: 'a' })),
    ).toBe(-1);
  });

  it('string order equals (ms, counter, node) order', () => {
    fc.assert(
      fc.property(
        fc.record({
          ms: fc.nat({ max: 2 ** 50 }),
          counter: fc.nat({ max: 99_999 }),
          node: fc.constantFrom('a', 'b', 'dev-1'),
        }),
        fc.record({
          ms: fc.nat({ max: 2 ** 50 }),
          counter: fc.nat({ max: 99_999 }),
          node: fc.constantFrom('a', 'b', 'dev-1'),
        }),
        (a, b) => {
          const byParts =
            a.ms - b.ms || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
          expect(Math.sign(compareHlc(formatHlc(a), formatHlc(b)))).toBe(Math.sign(byParts));
        },
      ),
      { numRuns: 1000, seed: 42 },
    );
  });
});

describe('createHlc', () => {
  it('ticks strictly upward even when the wall clock stalls or runs backwards', () => {
    const t = { now: 1000 };
    const hlc = createHlc({ now: clockAt(t), nodeId: 'a', maxDriftMs: 60_000 });
    const s1 = hlc.tick();
    const s2 = hlc.tick();
    t.now = 500;
    const s3 = hlc.tick();
    t.now = 2000;
    const s4 = hlc.tick();
    expect([s1, s2, s3, s4]).toEqual([...[s1, s2, s3, s4]].sort());
    expect(new Set([s1, s2, s3, s4]).size).toBe(4);
    expect(parseHlc(s3)).toEqual({ ms: 1000, counter: 2, node: 'a' });
    expect(parseHlc(s4)).toEqual({ ms: 2000, counter: 0, node: 'a' });
  });

  it('adopts a remote stamp within the drift bound so later local stamps sort after it', () => {
    const t = { now: 1000 };
    const hlc = createHlc({ now: clockAt(t), nodeId: 'a', maxDriftMs: 60_000 });
    const remote = formatHlc({ ms: 30_000, counter: 5, node: 'b' });
    const r = hlc.receive(remote);
    expect(r.drift).toBeNull();
    expect(parseHlc(r.stamp)).toEqual({ ms: 30_000, counter: 6, node: 'a' });
    expect(hlc.tick() > remote).toBe(true);
  });

  it('flags and ignores a remote stamp too far ahead', () => {
    const t = { now: 1000 };
    const hlc = createHlc({ now: clockAt(t), nodeId: 'a', maxDriftMs: 60_000 });
    const r = hlc.receive(formatHlc({ ms: 1000 + 3_600_000, counter: 0, node: 'b' }));
    expect(r.drift).toEqual({ aheadMs: 3_600_000 });
    expect(parseHlc(r.stamp)?.ms).toBe(1000);
    expect(parseHlc(hlc.tick())?.ms).toBe(1000);
  });

  it('measures drift from a trusted later time (the hub time) when the local clock is behind it', () => {
    // A laptop 10 min behind the hub pulls a stamp 3 min ahead of the hub: far ahead of its own wall,
    // but one the hub accepted. Adopting it keeps what the laptop writes next after what it saw.
    const t = { now: 1000 };
    const hlc = createHlc({ now: clockAt(t), nodeId: 'a', maxDriftMs: 300_000 });
    const hubNow = 1000 + 600_000;
    const remote = formatHlc({ ms: hubNow + 180_000, counter: 0, node: 'b' });
    const r = hlc.receive(remote, hubNow);
    expect(r.drift).toBeNull();
    expect(hlc.tick() > remote).toBe(true);
    // Beyond the hub's time + the bound it is still flagged, measured from the hub's time.
    const far = hlc.receive(formatHlc({ ms: hubNow + 400_000, counter: 0, node: 'b' }), hubNow);
    expect(far.drift).toEqual({ aheadMs: 400_000 });
    // A trusted time behind the local clock never loosens the bound.
    const ahead = createHlc({ now: () => 1_000_000, nodeId: 'c', maxDriftMs: 60_000 });
    expect(ahead.receive(formatHlc({ ms: 1_100_000, counter: 0, node: 'b' }), 5).drift).toEqual({
      aheadMs: 100_000,
    });
  });

  it('reports an unparsable remote stamp and still ticks', () => {
    const hlc = createHlc({ now: () => 5, nodeId: 'a', maxDriftMs: 0 });
    expect(hlc.receive('garbage')).toMatchObject({ invalid: true, drift: null });
  });

  it('carries counter overflow into the millisecond', () => {
    const hlc = createHlc({ now: () => 7, nodeId: 'a', maxDriftMs: 0 });
    hlc.restore({ ms: 7, counter: 99_999 });
    expect(parseHlc(hlc.tick())).toEqual({ ms: 8, counter: 0, node: 'a' });
  });

  it('serializes and restores, never moving backwards', () => {
    const t = { now: 10_000 };
    const a = createHlc({ now: clockAt(t), nodeId: 'a', maxDriftMs: 0 });
    a.tick();
    a.tick();
    const saved = a.serialize();
    t.now = 1;
    const b = createHlc({ now: clockAt(t), nodeId: 'a', maxDriftMs: 0 });
    b.restore(saved);
    expect(parseHlc(b.tick())).toEqual({ ms: 10_000, counter: 2, node: 'a' });
    b.restore({ ms: 0, counter: 0 });
    expect(parseHlc(b.tick())).toEqual({ ms: 10_000, counter: 3, node: 'a' });
  });

  it('keeps causality across devices with skewed clocks (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.nat({ max: 2 }),
            send: fc.boolean(),
            advance: fc.integer({ min: -50, max: 100 }),
          }),
          {
            maxLength: 60,
          },
        ),
        fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 3, maxLength: 3 }),
        (steps, skews) => {
          const t = { now: 100_000 };
          const clocks = skews.map((skew, i) =>
            createHlc({ now: () => t.now + skew, nodeId: `n${String(i)}`, maxDriftMs: 60_000 }),
          );
          let lastSent: string | null = null;
          for (const s of steps) {
            t.now += s.advance;
            const c = clocks[s.who];
            if (!c) continue;
            if (!s.send && lastSent !== null) {
              const got = c.receive(lastSent).stamp;
              expect(got > lastSent).toBe(true);
            } else lastSent = c.tick();
          }
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
  });
});
