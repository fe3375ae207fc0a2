/*
 * Incremental SHA-256 for evidence files. WebCrypto's digest() takes the whole input at once, so a 2 GB
 * file would have to sit in memory; this hashes chunk by chunk with @noble/hashes (audited, pure JS,
 * identical in Chromium, Electron and Node). Small inputs still go through WebCrypto in one shot, which
 * is several times faster; both give the same digest (tested on random inputs).
 */
import { sha256 } from '@noble/hashes/sha2';

/** A running SHA-256: feed bytes in any split, read the digest once at the end. */
export type Sha256 = {
  update(bytes: Uint8Array): void;
  /** Lowercase hex digest; the hasher cannot be used after this. */
  digestHex(): string;
};

export function createSha256(): Sha256 {
  const h = sha256.create();
  return {
    update: (bytes) => {
      h.update(bytes);
    },
    digestHex: () => bytesToHex(h.digest()),
  };
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** One-shot SHA-256 through WebCrypto (fast; for inputs that are in memory anyway). */
export async function sha256HexOneShot(bytes: Uint8Array): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** SHA-256 and length of a stream of chunks, holding one chunk at a time. */
export async function sha256OfChunks(
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ sha256: string; size: number }> {
  const h = createSha256();
  let size = 0;
  for await (const c of chunks) {
    h.update(c);
    size += c.length;
  }
  return { sha256: h.digestHex(), size };
}
