/*
 * Evidence bytes on the laptop: a streaming import that hashes and stores a file chunk by chunk
 * (memory stays flat: one `file.slice` at a time), and a streaming read back. Every chunk passes through
 * codec.sealBytes('blobs', …), so encryption at rest (#8) covers originals without touching this file.
 * Nothing half-imported stays: a failed or abandoned import is deleted, and leftovers from a crash are
 * swept by `sweepPendingBlobs` at start.
 */
import type { Table } from 'dexie';
import { createSha256, sha256HexOneShot } from '#shared/evidence/sha256';
import { err, ok, type Result } from '#shared/util/result';
import type { DataContext } from './event-store';
import { checkStorage, type StorageEstimate } from './blobs-storage';

/** Chunk size in IndexedDB: big enough for few transactions, small enough to keep memory flat. */
export const CHUNK_SIZE = 4 * 1024 * 1024;
/** Files up to this size are read whole and hashed by WebCrypto in one shot (several times faster). */
export const ONE_SHOT_LIMIT = 64 * 1024 * 1024;

/**
 * A stored evidence file; `state` is 'pending' while an import runs, 'downloading' while it arrives
 * from the hub (row `download:<sha256>`, `received` bytes so far: blobs-download.ts).
 */
export type StoredBlob = {
  sha256: string;
  size: number;
  mime: string;
  blobKey: string;
  chunkCount: number;
  state: 'pending' | 'complete' | 'downloading';
  received?: number;
};
/** One sealed chunk; derived copies (blobs-derived.ts) also record their image type. */
export type ChunkRow = { blobKey: string; index: number; bytes: Uint8Array; mime?: string };

export type BlobError = {
  code: 'storage_low' | 'empty_file' | 'read_failed' | 'storage_failed' | 'not_found' | 'corrupt';
  message: string;
};

export type ImportOptions = {
  mime: string;
  onProgress?: (done: number, total: number) => void;
  estimate?: () => Promise<StorageEstimate>;
  newKey?: () => string;
  chunkSize?: number;
  oneShotLimit?: number;
};

export type ImportedBlob = { sha256: string; size: number; mime: string; alreadyStored: boolean };

export const blobTable = (ctx: DataContext): Table<StoredBlob, string> => ctx.db.table('blobs');
export const chunkTable = (ctx: DataContext): Table<ChunkRow, [string, number]> => ctx.db.table('blobChunks');

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const PENDING = 'pending:';

/**
 * Hashes and stores a file; resolves with its SHA-256. The same bytes stored before are not stored
 * twice (`alreadyStored`); whether the *case* already has them is the caller's question.
 */
export async function importEvidenceFile(
  ctx: DataContext,
  file: Blob,
  o: ImportOptions,
): Promise<Result<ImportedBlob, BlobError>> {
  if (file.size === 0) return err({ code: 'empty_file', message: '文件是空的（0 字节），不能作为证据' });
  const space = await checkStorage(file.size, o.estimate);
  if (!space.ok) return space;
  const chunkSize = o.chunkSize ?? CHUNK_SIZE;
  const blobKey = o.newKey?.() ?? crypto.randomUUID();
  const pendingId = PENDING + blobKey;
  const total = file.size;
  const oneShot = total <= (o.oneShotLimit ?? ONE_SHOT_LIMIT);
  const hasher = oneShot ? null : createSha256();
  let whole: Uint8Array | null = null;
  // One chunk is written while the next is read, hashed and sealed (the codec's work and IndexedDB's
  // run on different threads): at most two chunks in memory, so a 2 GB import stays flat.
  let writing: Promise<void> = Promise.resolve();
  try {
    if (oneShot) whole = new Uint8Array(await file.arrayBuffer());
    await blobTable(ctx).put({ ...rowBase(pendingId, total, o.mime, blobKey, 0), state: 'pending' });
    let index = 0;
    for (let at = 0; at < total; at += chunkSize, index++) {
      // A copy, never a view: IndexedDB would clone a view's whole underlying buffer into every row.
      const chunk = whole
        ? whole.slice(at, at + chunkSize)
        : new Uint8Array(await file.slice(at, at + chunkSize).arrayBuffer());
      hasher?.update(chunk);
      const bytes = await ctx.codec.sealBytes('blobs', chunk);
      await writing;
      const row = { blobKey, index, bytes };
      const done = Math.min(at + chunkSize, total);
      writing = chunkTable(ctx)
        .put(row)
        .then(() => o.onProgress?.(done, total));
      // Awaited on the next turn or after the loop; marked handled so a failure while the next chunk is
      // being sealed is not reported as unhandled before that.
      writing.catch(() => undefined);
    }
    await writing;
    const sha256 = whole ? await sha256HexOneShot(whole) : (hasher?.digestHex() ?? '');
    return await finish(ctx, pendingId, rowBase(sha256, total, o.mime, blobKey, index));
  } catch (e) {
    // A chunk still being written must land before the chunks are deleted, or it would outlive them.
    await writing.catch(() => undefined);
    await discard(ctx, pendingId, blobKey);
    return err({ code: 'storage_failed', message: `证据未能保存到本机，已撤销导入：${message(e)}` });
  }
}

const rowBase = (sha256: string, size: number, mime: string, blobKey: string, chunkCount: number) => ({
  sha256,
  size,
  mime,
  blobKey,
  chunkCount,
});

async function finish(
  ctx: DataContext,
  pendingId: string,
  row: Omit<StoredBlob, 'state'>,
): Promise<Result<ImportedBlob, BlobError>> {
  // Checked and written in one transaction, so two imports of the same bytes cannot both claim it.
  const existing = await ctx.db.transaction('rw', blobTable(ctx), async () => {
    const stored = await blobTable(ctx).get(row.sha256);
    await blobTable(ctx).delete(pendingId);
    if (stored?.state !== 'complete') await blobTable(ctx).put({ ...row, state: 'complete' });
    return stored?.state === 'complete' ? stored : null;
  });
  if (existing) {
    await discard(ctx, pendingId, row.blobKey);
    return ok({ sha256: row.sha256, size: row.size, mime: existing.mime, alreadyStored: true });
  }
  return ok({ sha256: row.sha256, size: row.size, mime: row.mime, alreadyStored: false });
}

async function discard(ctx: DataContext, rowId: string, blobKey: string): Promise<void> {
  try {
    await chunkTable(ctx)
      .where('[blobKey+index]')
      .between([blobKey, 0], [blobKey, Number.MAX_SAFE_INTEGER])
      .delete();
    await blobTable(ctx).delete(rowId);
  } catch {
    // Left for sweepPendingBlobs at next start: the row still says pending.
  }
}

/** Deletes imports a crash or a closed window left half done (run once at start). */
export async function sweepPendingBlobs(ctx: DataContext): Promise<number> {
  const pending = await blobTable(ctx).where('state').equals('pending').toArray();
  for (const p of pending) await discard(ctx, p.sha256, p.blobKey);
  return pending.length;
}

export async function blobInfo(ctx: DataContext, sha256: string): Promise<StoredBlob | null> {
  const row = await blobTable(ctx).get(sha256);
  return row?.state === 'complete' ? row : null;
}

/** The stored bytes, chunk by chunk (opened through the codec); null when not stored here. */
export async function readBlob(
  ctx: DataContext,
  sha256: string,
): Promise<Result<{ info: StoredBlob; chunks: AsyncIterable<Uint8Array> }, BlobError>> {
  const info = await blobInfo(ctx, sha256);
  if (!info) return err({ code: 'not_found', message: '本机没有这份证据的原件' });
  const chunks = (async function* () {
    for (let i = 0; i < info.chunkCount; i++) {
      const row = await chunkTable(ctx).get([info.blobKey, i]);
      if (!row) throw new Error(`证据原件缺少第 ${String(i + 1)} 块`);
      yield await ctx.codec.openBytes('blobs', row.bytes);
    }
  })();
  return ok({ info, chunks });
}

/** The whole original as a Blob (for display and export; the browser may page big Blobs to disk). */
export async function readBlobAsBlob(ctx: DataContext, sha256: string): Promise<Result<Blob, BlobError>> {
  const r = await readBlob(ctx, sha256);
  if (!r.ok) return r;
  const parts: BlobPart[] = [];
  try {
    for await (const c of r.value.chunks) parts.push(c as Uint8Array<ArrayBuffer>);
  } catch (e) {
    return err({ code: 'corrupt', message: message(e) });
  }
  return ok(new Blob(parts, { type: r.value.info.mime }));
}

/** Deletes a stored original (e.g. an import the case refused as a duplicate). */
export async function deleteBlob(ctx: DataContext, sha256: string): Promise<void> {
  const info = await blobTable(ctx).get(sha256);
  if (info) await discard(ctx, sha256, info.blobKey);
}
