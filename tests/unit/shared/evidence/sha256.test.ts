import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSha256, sha256HexOneShot, sha256OfChunks } from '#shared/evidence/sha256';

async function* chunksOf(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(c, bytes.length);
    if (end < at) continue;
    yield bytes.subarray(at, end);
    at = end;
  }
  yield bytes.subarray(at);
  await Promise.resolve();
}

describe('incremental SHA-256', () => {
  it('matches the FIPS 180-2 vectors', () => {
    const h = createSha256();
    h.update(new TextEncoder().encode('abc'));
    expect(h.digestHex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const empty = createSha256();
    expect(empty.digestHex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('equals a WebCrypto digest for random inputs split at random points', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 5000 }),
        fc.array(fc.nat({ max: 5000 }), { maxLength: 8 }),
        async (bytes, cuts) => {
          const streamed = await sha256OfChunks(chunksOf(bytes, cuts));
          expect(streamed.size).toBe(bytes.length);
          expect(streamed.sha256).toBe(await sha256HexOneShot(bytes));
        },
      ),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('handles a multi-megabyte input fed in 64 KiB chunks', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) & 0xff);
    const cuts = Array.from({ length: 49 }, (_, i) => (i + 1) * 65536);
    expect((await sha256OfChunks(chunksOf(bytes, cuts))).sha256).toBe(await sha256HexOneShot(bytes));
  });
});
