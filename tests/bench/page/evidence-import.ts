/*
 * Evidence import cost (#5 part 7), each compared with a baseline measured in the same run:
 *   - hashing: incremental SHA-256 (@noble/hashes, 4 MiB chunks) vs one WebCrypto digest of the same
 *     64 MiB (the goal is ≥ 0.8×; pure JS is slower, which is why files ≤ 64 MiB use WebCrypto);
 *   - import: importEvidenceFile (hash + seal + 4 MiB chunks into IndexedDB) vs raw IndexedDB puts of the
 *     same chunks, for 64 MiB one-shot-hashed, 64 MiB stream-hashed, and 200 photos of 500 KB.
 */
import { createSha256, sha256HexOneShot } from '#shared/evidence/sha256';
import { CHUNK_SIZE, importEvidenceFile } from '../../../renderer/data/blobs';
import { plainCodec, type Codec } from '../../../renderer/data/codec';
import { openTribunalDb } from '../../../renderer/data/db';
import type { DataContext } from '../../../renderer/data/event-store';
import { codecFromRawKey } from '../../../renderer/security/crypto-codec';
import { register } from './registry';

const MB = 1024 * 1024;
/**
 * Incompressible bytes, like the JPEG, HEIC and PDF evidence they stand for (seeded xorshift32, the same
 * every run). The earlier fixture, `(i * 2654435761) >>> 24`, repeated with a short period: Chromium
 * compresses large IndexedDB values, so the plain import stored almost nothing while the AES-GCM one
 * (ciphertext does not compress) stored all 64 MB — the ratio measured the fixture, not the encryption.
 */
function incompressible(bytes: number, seed: number): Uint8Array {
  const words = new Uint32Array(bytes / 4);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    words[i] = x;
  }
  return new Uint8Array(words.buffer);
}
const big = incompressible(64 * MB, 0x9e3779b9);
const photos = Array.from({ length: 200 }, (_, k) => big.subarray(k * 300_000, k * 300_000 + 500_000));
const plenty = () => Promise.resolve({ quota: 1e12, usage: 0 });
let seq = 0;

function rawDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('chunks');
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('open failed'));
    };
  });
}

function put(db: IDBDatabase, key: string, value: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('chunks', 'readwrite', { durability: 'strict' });
    tx.objectStore('chunks').put(value, key);
    tx.oncomplete = () => {
      resolve();
    };
    tx.onerror = () => {
      reject(tx.error ?? new Error('put failed'));
    };
  });
}

/** Raw puts of the same bytes in the same 4 MiB chunks, one transaction each (as the import does). */
async function rawWrite(files: readonly Uint8Array[]): Promise<number> {
  const db = await rawDb(`bench-ev-raw-${String(seq++)}`);
  const t0 = performance.now();
  for (const [f, bytes] of files.entries())
    for (let at = 0, i = 0; at < bytes.length; at += CHUNK_SIZE, i++)
      await put(db, `${String(f)}:${String(i)}`, bytes.slice(at, at + CHUNK_SIZE));
  const ms = performance.now() - t0;
  db.close();
  indexedDB.deleteDatabase(db.name);
  return ms;
}

let aesCodec: Codec | null = null;
/** #8: the same imports with every chunk sealed by the AES-256-GCM codec (a fresh random key per page). */
const aes = async (): Promise<Codec> =>
  (aesCodec ??= (await codecFromRawKey(crypto.getRandomValues(new Uint8Array(32)))).codec);

async function appImport(
  files: readonly Uint8Array[],
  oneShotLimit?: number,
  codec: Codec = plainCodec,
): Promise<number> {
  const db = openTribunalDb(`bench-ev-app-${String(seq++)}`);
  await db.open();
  const ctx = { db, codec } as unknown as DataContext;
  const blobs = files.map((b) => new Blob([b as Uint8Array<ArrayBuffer>]));
  const t0 = performance.now();
  for (const blob of blobs) {
    const r = await importEvidenceFile(ctx, blob, {
      mime: 'image/jpeg',
      estimate: plenty,
      ...(oneShotLimit === undefined ? {} : { oneShotLimit }),
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  const ms = performance.now() - t0;
  db.close();
  await db.delete();
  return ms;
}

register({
  name: 'evidence-hash-webcrypto-64mb',
  runs: 5,
  run: async () => {
    const t0 = performance.now();
    await sha256HexOneShot(big);
    return performance.now() - t0;
  },
});
register({
  name: 'evidence-hash-incremental-64mb',
  baseline: 'evidence-hash-webcrypto-64mb',
  runs: 3,
  run: () => {
    const t0 = performance.now();
    const h = createSha256();
    for (let at = 0; at < big.length; at += CHUNK_SIZE) h.update(big.subarray(at, at + CHUNK_SIZE));
    h.digestHex();
    return Promise.resolve(performance.now() - t0);
  },
});
register({ name: 'evidence-raw-idb-64mb', runs: 3, run: () => rawWrite([big]) });
register({
  name: 'evidence-import-64mb',
  baseline: 'evidence-raw-idb-64mb',
  runs: 3,
  run: () => appImport([big]),
});
register({
  name: 'evidence-import-64mb-streamed',
  baseline: 'evidence-raw-idb-64mb',
  runs: 3,
  run: () => appImport([big], 0),
});
register({ name: 'evidence-raw-idb-200x500kb', runs: 3, run: () => rawWrite(photos) });
register({
  name: 'evidence-import-200x500kb',
  baseline: 'evidence-raw-idb-200x500kb',
  runs: 3,
  run: () => appImport(photos),
});
// #8 part 6: #5's imports with and without encryption in the same run (goal ≤ 1.3×).
register({
  name: 'evidence-import-64mb-aes-gcm',
  baseline: 'evidence-import-64mb',
  runs: 3,
  run: async () => appImport([big], undefined, await aes()),
});
register({
  name: 'evidence-import-200x500kb-aes-gcm',
  baseline: 'evidence-import-200x500kb',
  runs: 3,
  run: async () => appImport(photos, undefined, await aes()),
});
