/*
 * A blob arriving from the hub, stored range by range so a download that is cut (network, closed
 * laptop, quit app) resumes from the last stored range. While it runs, a `blobs` row under
 * `download:<sha256>` (state 'downloading') records the bytes received and the chunks stored; every
 * chunk is sealed through codec.sealBytes('blobs', …) like an imported original, so the bytes are
 * encrypted at rest from the first range on. Only when the whole reads back to the SHA-256 the signed
 * event names does the blob become 'complete' under its hash; a mismatch deletes every stored byte and
 * nothing of it is ever shown. sweepPendingBlobs leaves 'downloading' rows alone (they are resumable).
 */
import { createSha256, sha256HexOneShot } from '#shared/evidence/sha256';
import { sniffType } from '#shared/evidence/sniff';
import { err, ok, type Result } from '#shared/util/result';
import type { DataContext } from './event-store';
import { blobInfo, blobTable, chunkTable, ONE_SHOT_LIMIT, type StoredBlob } from './blobs';
import { checkStorage, type StorageEstimate } from './blobs-storage';

const PREFIX = 'download:';
const rowId = (sha256: string): string => PREFIX + sha256;

/** How far a download got: `received` bytes in `chunkCount` stored chunks of `size`. */
export type DownloadProgress = { size: number; received: number; chunkCount: number };

export type DownloadError = {
  code: 'hash_mismatch' | 'storage_low' | 'storage_failed' | 'size_mismatch';
  message: string;
};

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What is stored of an unfinished download, or null when none is under way. */
export async function downloadProgress(ctx: DataContext, sha256: string): Promise<DownloadProgress | null> {
  const row = await blobTable(ctx).get(rowId(sha256));
  if (row?.state !== 'downloading') return null;
  return { size: row.size, received: rowBytes(row), chunkCount: row.chunkCount };
}

const rowBytes = (row: StoredBlob): number => row.received ?? 0;

/**
 * Starts (or finds) the download of `sha256`; refuses up front when the laptop lacks the room.
 * A download already under way for another size is started over (the event names one size).
 */
export async function beginDownload(
  ctx: DataContext,
  sha256: string,
  size: number,
  estimate?: () => Promise<StorageEstimate>,
): Promise<Result<DownloadProgress, DownloadError>> {
  const existing = await downloadProgress(ctx, sha256);
  if (existing?.size === size) return ok(existing);
  if (existing) await abandonDownload(ctx, sha256);
  const space = await checkStorage(size, estimate);
  if (!space.ok) return err({ code: 'storage_low', message: space.error.message });
  const row: StoredBlob = {
    sha256: rowId(sha256),
    size,
    mime: 'application/octet-stream',
    blobKey: rowId(sha256),
    chunkCount: 0,
    state: 'downloading',
    received: 0,
  };
  await blobTable(ctx).put(row);
  return ok({ size, received: 0, chunkCount: 0 });
}

/** Stores the next range (sealed) and moves the row's count, in one transaction. */
export async function appendDownloadChunk(
  ctx: DataContext,
  sha256: string,
  bytes: Uint8Array,
): Promise<Result<DownloadProgress, DownloadError>> {
  try {
    const sealed = await ctx.codec.sealBytes('blobs', bytes);
    return await ctx.db.transaction('rw', [blobTable(ctx), chunkTable(ctx)], async () => {
      const row = await blobTable(ctx).get(rowId(sha256));
      if (row?.state !== 'downloading')
        return err<DownloadError>({ code: 'storage_failed', message: '下载记录已不存在' });
      const received = rowBytes(row) + bytes.byteLength;
      if (received > row.size)
        return err<DownloadError>({
          code: 'size_mismatch',
          message: `枢纽发来的数据比记录的文件大小（${String(row.size)} 字节）多`,
        });
      await chunkTable(ctx).put({ blobKey: row.blobKey, index: row.chunkCount, bytes: sealed });
      const next: StoredBlob = { ...row, chunkCount: row.chunkCount + 1, received };
      await blobTable(ctx).put(next);
      return ok({ size: row.size, received, chunkCount: next.chunkCount });
    });
  } catch (e) {
    return err({ code: 'storage_failed', message: `下载的数据未能保存到本机：${message(e)}` });
  }
}

/** The SVG of a signature pad, or an evidence type by its magic bytes. */
export function sniffDownloaded(head: Uint8Array): string | null {
  const t = sniffType(head);
  if (t) return t;
  const text = new TextDecoder().decode(head.subarray(0, 256)).trimStart();
  return text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))
    ? 'image/svg+xml'
    : null;
}

/**
 * Reads every stored chunk back through the codec and hashes the whole. Equal to `sha256`: the blob
 * becomes complete under its hash (with `mime`, or what its bytes say). Not equal: every stored byte
 * is deleted and `hash_mismatch` returned, so a damaged or forged download is never shown.
 */
export async function finishDownload(
  ctx: DataContext,
  sha256: string,
  mime: string | null,
): Promise<Result<StoredBlob, DownloadError>> {
  const row = await blobTable(ctx).get(rowId(sha256));
  if (row?.state !== 'downloading') return err({ code: 'storage_failed', message: '下载记录已不存在' });
  if (rowBytes(row) !== row.size) {
    await abandonDownload(ctx, sha256);
    return err({ code: 'size_mismatch', message: '下载的字节数与记录的文件大小不符，已删除，稍后重新下载' });
  }
  let actual: string;
  let head = new Uint8Array(0);
  try {
    const oneShot = row.size <= ONE_SHOT_LIMIT;
    const parts: Uint8Array[] = [];
    const hasher = oneShot ? null : createSha256();
    for (let i = 0; i < row.chunkCount; i++) {
      const c = await chunkTable(ctx).get([row.blobKey, i]);
      if (!c) throw new Error(`缺少第 ${String(i + 1)} 块`);
      const bytes = await ctx.codec.openBytes('blobs', c.bytes);
      if (i === 0) head = bytes.slice(0, 256);
      if (hasher) hasher.update(bytes);
      else parts.push(bytes);
    }
    if (hasher) actual = hasher.digestHex();
    else {
      const whole = new Uint8Array(row.size);
      let at = 0;
      for (const p of parts) {
        whole.set(p, at);
        at += p.byteLength;
      }
      actual = await sha256HexOneShot(whole);
    }
  } catch (e) {
    await abandonDownload(ctx, sha256);
    return err({ code: 'storage_failed', message: `下载的数据读不回来，已删除：${message(e)}` });
  }
  if (actual !== sha256) {
    await abandonDownload(ctx, sha256);
    return err({
      code: 'hash_mismatch',
      message: `下载的文件校验值（SHA-256 ${actual.slice(0, 12)}…）与签名记录中的 ${sha256.slice(0, 12)}… 不符，未保存，稍后重新下载`,
    });
  }
  const done: StoredBlob = {
    sha256,
    size: row.size,
    mime: mime ?? sniffDownloaded(head) ?? 'application/octet-stream',
    blobKey: row.blobKey,
    chunkCount: row.chunkCount,
    state: 'complete',
  };
  await ctx.db.transaction('rw', blobTable(ctx), async () => {
    await blobTable(ctx).delete(rowId(sha256));
    // Imported here meanwhile (the same file from a USB stick): keep that one, drop the download.
    if ((await blobTable(ctx).get(sha256))?.state !== 'complete') await blobTable(ctx).put(done);
  });
  const stored = await blobInfo(ctx, sha256);
  if (stored && stored.blobKey !== row.blobKey) await deleteChunks(ctx, row.blobKey);
  return ok(stored ?? done);
}

async function deleteChunks(ctx: DataContext, blobKey: string): Promise<void> {
  await chunkTable(ctx)
    .where('[blobKey+index]')
    .between([blobKey, 0], [blobKey, Number.MAX_SAFE_INTEGER])
    .delete();
}

/** Deletes whatever an unfinished download stored. */
export async function abandonDownload(ctx: DataContext, sha256: string): Promise<void> {
  await deleteChunks(ctx, rowId(sha256));
  await blobTable(ctx).delete(rowId(sha256));
}
