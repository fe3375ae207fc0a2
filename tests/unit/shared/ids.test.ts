import { describe, expect, it } from 'vitest';
import { createUuidV7, UUID_V7_RE } from '#shared/util/ids';

const fixedRandom = (n: number) => new Uint8Array(n).fill(0xab);

describe('createUuidV7', () => {
  it('encodes the injected clock and is a valid v7', () => {
    const id = createUuidV7(() => 0x0193_0000_0001, fixedRandom)();
    expect(id).toMatch(UUID_V7_RE);
    expect(id.startsWith('01930000-0001-7')).toBe(true);
  });
  it('is strictly increasing within one millisecond and when the clock steps back', () => {
    let now = 1_700_000_000_000;
    const next = createUuidV7(() => now, fixedRandom);
    const ids = [next(), next(), next()];
    now -= 5000;
    ids.push(next(), next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
