// A small seeded PRNG (mulberry32) and the few draws the simulation needs. Same seed, same run.

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  /** A fresh generator derived from this one (so adding draws in one stream does not shift another). */
  fork(): Rng;
  /** n pseudo-random bytes (for UUIDv7 generators). */
  bytes(n: number): Uint8Array;
};

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    fork: () => mulberry32(Math.floor(next() * 4294967296)),
    bytes: (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
  };
  return rng;
}
