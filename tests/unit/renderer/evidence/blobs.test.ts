import { describe, expect, it } from 'vitest';
import { sha256HexOneShot } from '#shared/evidence/sha256';
import {
  blobTable,
  chunkTable,
  deleteBlob,
  importEvidenceFile,
  readBlob,
  readBlobAsBlob,
  sweepPendingBlobs,
} from '../../../../renderer/data/blobs';
import { checkStorage, formatBytes, STORAGE_MARGIN } from '../../../../renderer/data/blobs-storage';
import type { Codec } from '../../../../renderer/data/codec';
import { plainCodec } from '../../../../renderer/data/codec';
import { harness } from '../data/store-harness';

const bytesOf = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * seed + 7) & 0xff);
const plenty = () => Promise.resolve({ quota: 10 * 1024 ** 3, usage: 0 });
let k = 0;
const keys = () => `key-${String(k++)}`;

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('evidence blob store', () => {
  it('stores a multi-chunk file streamed (incremental hash) and reads it back byte for byte', async () => {
    const { store } = harness();
    const bytes = bytesOf(10_000, 13);
    const progress: number[] = [];
    const r = await importEvidenceFile(store.ctx, new Blob([bytes]), {
      mime: 'image/jpeg',
      chunkSize: 3000,
      oneShotLimit: 0,
      estimate: plenty,
      newKey: keys,
      onProgress: (done) => progress.push(done),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sha256).toBe(await sha256HexOneShot(bytes));
    expect(progress).toEqual([3000, 6000, 9000, 10_000]);
    expect(await chunkTable(store.ctx).count()).toBe(4);
    const back = await readBlob(store.ctx, r.value.sha256);
    if (!back.ok) throw new Error(back.error.message);
    expect(await collect(back.value.chunks)).toEqual(bytes);
    const blob = await readBlobAsBlob(store.ctx, r.value.sha256);
    expect(blob.ok && blob.value.size).toBe(10_000);
  });

  it('hashes a small file in one shot with the same result', async () => {
    const { store } = harness();
    const bytes = bytesOf(5000, 3);
    const r = await importEvidenceFile(store.ctx, new Blob([bytes]), {
      mime: 'image/png',
      estimate: plenty,
      chunkSize: 1000,
    });
    expect(r.ok && r.value.sha256).toBe(await sha256HexOneShot(bytes));
    // Each row holds only its own chunk (a view would drag the whole file's buffer into every row).
    const rows = await chunkTable(store.ctx).toArray();
    expect(rows.map((c) => c.bytes.buffer.byteLength)).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('passes every chunk through the codec (sealed at rest, opened on read)', async () => {
    const seen: string[] = [];
    const xor: Codec = {
      ...plainCodec,
      sealBytes: (ctx, b) => {
        seen.push(ctx);
        return Promise.resolve(b.map((x) => x ^ 0xff));
      },
      openBytes: (_ctx, b) => Promise.resolve(b.map((x) => x ^ 0xff)),
    };
    const { store } = harness(xor);
    const bytes = bytesOf(2500, 5);
    const r = await importEvidenceFile(store.ctx, new Blob([bytes]), {
      mime: 'image/png',
      chunkSize: 1000,
      estimate: plenty,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(seen).toEqual(['blobs', 'blobs', 'blobs']);
    const raw = await chunkTable(store.ctx).toArray();
    expect(raw[0]?.bytes[0]).toBe((bytes[0] ?? 0) ^ 0xff);
    const back = await readBlob(store.ctx, r.value.sha256);
    expect(back.ok && (await collect(back.value.chunks))).toEqual(bytes);
  });

  it('stores the same bytes once and says so', async () => {
    const { store } = harness();
    const bytes = bytesOf(4000, 9);
    const o = { mime: 'image/jpeg', chunkSize: 1500, estimate: plenty, newKey: keys };
    const first = await importEvidenceFile(store.ctx, new Blob([bytes]), o);
    const second = await importEvidenceFile(store.ctx, new Blob([bytes]), o);
    expect(first.ok && first.value.alreadyStored).toBe(false);
    expect(second.ok && second.value.alreadyStored).toBe(true);
    expect(await chunkTable(store.ctx).count()).toBe(3);
    expect(await blobTable(store.ctx).count()).toBe(1);
  });

  it('refuses an empty file and a file the disk has no room for, storing nothing', async () => {
    const { store } = harness();
    const empty = await importEvidenceFile(store.ctx, new Blob([]), { mime: 'image/png', estimate: plenty });
    expect(!empty.ok && empty.error.code).toBe('empty_file');
    const full = await importEvidenceFile(store.ctx, new Blob([bytesOf(100, 1)]), {
      mime: 'image/png',
      estimate: () => Promise.resolve({ quota: STORAGE_MARGIN + 50, usage: 0 }),
    });
    expect(!full.ok && full.error.code).toBe('storage_low');
    expect(!full.ok && full.error.message).toContain('存储空间不足');
    expect(await chunkTable(store.ctx).count()).toBe(0);
    expect(await blobTable(store.ctx).count()).toBe(0);
  });

  it('undoes a half-written import when reading the file fails midway', async () => {
    const { store } = harness();
    const good = new Blob([bytesOf(3000, 2)]);
    let reads = 0;
    const flaky = {
      size: good.size,
      type: '',
      slice: (a: number, b: number) => {
        if (++reads === 2) throw new Error('disk removed');
        return good.slice(a, b);
      },
    } as unknown as Blob;
    const r = await importEvidenceFile(store.ctx, flaky, {
      mime: 'image/png',
      chunkSize: 1000,
      oneShotLimit: 0,
      estimate: plenty,
    });
    expect(!r.ok && r.error.code).toBe('storage_failed');
    expect(await chunkTable(store.ctx).count()).toBe(0);
    expect(await blobTable(store.ctx).count()).toBe(0);
  });

  it('a seal that fails mid-import (pipelined writes) leaves no chunk and no pending row behind', async () => {
    const { store } = harness();
    let seals = 0;
    const failing: Codec = {
      ...plainCodec,
      sealBytes: async (ctx, b) => {
        // The third seal fails while the second chunk's write is still pending (pipelined import).
        if (++seals === 3) throw new Error('key gone');
        return plainCodec.sealBytes(ctx, b);
      },
    };
    const ctx = { ...store.ctx, codec: failing };
    const progress: number[] = [];
    const r = await importEvidenceFile(ctx, new Blob([bytesOf(5000, 3)]), {
      mime: 'image/png',
      chunkSize: 1000,
      oneShotLimit: 0,
      estimate: plenty,
      onProgress: (done) => progress.push(done),
    });
    expect(!r.ok && r.error.code).toBe('storage_failed');
    expect(!r.ok && r.error.message).toContain('key gone');
    expect(await chunkTable(store.ctx).count()).toBe(0);
    expect(await blobTable(store.ctx).count()).toBe(0);
    // Progress only ever counts chunks that were written.
    expect(progress.every((d) => d <= 2000)).toBe(true);
  });

  it('reports progress in order, once per written chunk', async () => {
    const { store } = harness();
    const progress: number[] = [];
    const r = await importEvidenceFile(store.ctx, new Blob([bytesOf(3500, 5)]), {
      mime: 'image/png',
      chunkSize: 1000,
      oneShotLimit: 0,
      estimate: plenty,
      onProgress: (done) => progress.push(done),
    });
    expect(r.ok).toBe(true);
    expect(progress).toEqual([1000, 2000, 3000, 3500]);
    expect(await chunkTable(store.ctx).count()).toBe(4);
  });

  it('sweeps imports a crash left pending, and deletes blobs on request', async () => {
    const { store } = harness();
    await blobTable(store.ctx).put({
      sha256: 'pending:k1',
      size: 1,
      mime: 'image/png',
      blobKey: 'k1',
      chunkCount: 0,
      state: 'pending',
    });
    await chunkTable(store.ctx).put({ blobKey: 'k1', index: 0, bytes: new Uint8Array([1]) });
    expect(await sweepPendingBlobs(store.ctx)).toBe(1);
    expect(await chunkTable(store.ctx).count()).toBe(0);
    const r = await importEvidenceFile(store.ctx, new Blob([bytesOf(10, 1)]), {
      mime: 'x/y',
      estimate: plenty,
    });
    if (!r.ok) throw new Error(r.error.message);
    await deleteBlob(store.ctx, r.value.sha256);
    expect(await blobTable(store.ctx).count()).toBe(0);
    expect((await readBlob(store.ctx, r.value.sha256)).ok).toBe(false);
  });

  it('storage check: unknown quota is allowed, a failing estimate is allowed, sizes read well', async () => {
    expect((await checkStorage(1, () => Promise.resolve({}))).ok).toBe(true);
    expect((await checkStorage(1, () => Promise.reject(new Error('x')))).ok).toBe(true);
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
    expect(formatBytes(300 * 1024 ** 2)).toBe('300 MB');
  });
});
