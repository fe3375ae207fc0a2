/*
 * Downloading the files pulled events name (evidence originals, signature and seal images, issued
 * documents) so another laptop can show them. Pull queues what is not stored here; each file is read
 * from the hub in Range requests of at most DOWNLOAD_RANGE bytes, every range stored (sealed by the
 * codec) as it arrives, so a cut connection resumes from the last stored range, in this run after the
 * engine's retry wait or in the next one. The whole is hashed when complete: only a file whose SHA-256
 * is the one the signed event names is kept; a mismatch deletes every byte, says so, and the file
 * stays queued to try again later. Thumbnails and display copies are made here after the download
 * (`derive`, injected: the image code lives with the evidence feature).
 *
 * Per-file state for the screens (下载中 n% / 未下载 / 校验不符) is on a small observable board.
 */
import { blobRefsOf } from '#shared/events/blob-refs';
import type { CaseEvent } from '#shared/events/envelope';
import { ok, type Result } from '#shared/util/result';
import type { DerivedCopy } from '../data/blobs-derived';
import type { DownloadItem, SyncLocal } from '../data/outbox';
import type { BlobRange, HubClient, SyncFailure } from './hub-client';
import type { TokenSource } from './session';

/** Bytes per Range request (and per stored chunk): the store's chunk size. */
export const DOWNLOAD_RANGE = 4 * 1024 * 1024;

/** What a screen shows for a file that is not (yet) on this laptop. */
export type BlobTransfer =
  | { state: 'downloading'; received: number; size: number }
  | { state: 'failed'; code: string; message: string }
  | { state: 'done' };

/** Function-valued fields, so they can be handed to React unbound. */
export type TransferBoard = {
  get: (sha256: string) => BlobTransfer | undefined;
  set: (sha256: string, t: BlobTransfer) => void;
  subscribe: (listener: () => void) => () => void;
  /** Changes on every set (for useSyncExternalStore). */
  version: () => number;
};

export function createTransferBoard(): TransferBoard {
  const map = new Map<string, BlobTransfer>();
  const listeners = new Set<() => void>();
  let v = 0;
  return {
    get: (sha) => map.get(sha),
    set: (sha, t) => {
      map.set(sha, t);
      v++;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
    version: () => v,
  };
}

/** The app's board (the engine and the evidence and agreement screens share it). */
export const blobTransfers: TransferBoard = createTransferBoard();

/** Makes the thumbnail and display copy of a downloaded image; null when it is not one. */
export type DeriveCopies = (blob: Blob, mime: string) => Promise<readonly DerivedCopy[] | null>;

export type DownloadReport = {
  completed: number;
  failed: { sha256: string; why: string }[];
  bytesReceived: number;
};

export type DownloadDeps = {
  local: SyncLocal;
  client: HubClient;
  tokens: TokenSource;
  board?: TransferBoard;
  derive?: DeriveCopies;
  rangeSize?: number;
  onProgress?: (received: number, total: number) => void;
};

/** Why one file did not arrive (it stays queued): words for the screen, code for the record. */
export type DownloadMiss = { code: string; message: string };

/** The download items of a pulled event (the type from the event when it says). */
export function downloadItemsOf(e: CaseEvent): DownloadItem[] {
  const mime = e.type === 'evidence.added' ? e.payload.mime : null;
  return blobRefsOf(e).map((r) => ({
    sha256: r.sha256,
    caseId: e.caseId,
    label: r.label,
    size: r.size,
    mime,
    attempts: 0,
  }));
}

const NOT_ON_HUB: DownloadMiss = {
  code: 'not_on_hub',
  message: '枢纽上还没有这份文件（采集它的电脑尚未上传），稍后再下载',
};

export async function downloadQueued(d: DownloadDeps): Promise<Result<DownloadReport, SyncFailure>> {
  const queue = await d.local.downloadQueue();
  const report: DownloadReport = { completed: 0, failed: [], bytesReceived: 0 };
  const total = queue.reduce((n, b) => n + (b.size ?? 0), 0);
  let done = 0;
  for (const item of queue) {
    const r = await downloadOne(d, item, (received) => {
      d.onProgress?.(done + received, total);
    });
    if (!r.ok) return r;
    done += item.size ?? 0;
    if (r.value.miss === null) {
      report.completed++;
      report.bytesReceived += r.value.received;
    } else report.failed.push({ sha256: item.sha256, why: r.value.miss.code });
  }
  return ok(report);
}

type OneOutcome = { miss: DownloadMiss | null; received: number };

/** Calls for one file on one store share the one running download (a viewer may ask during a sync). */
const inflight = new WeakMap<SyncLocal, Map<string, Promise<Result<OneOutcome, SyncFailure>>>>();

/**
 * Downloads one file, resuming what is stored of it, and updates its queue entry: removed when stored,
 * kept with `lastError` otherwise. A network failure is returned (the stored ranges stay for the retry).
 */
export function downloadOne(
  d: DownloadDeps,
  item: DownloadItem,
  progress?: (received: number) => void,
): Promise<Result<OneOutcome, SyncFailure>> {
  let running = inflight.get(d.local);
  if (!running) {
    running = new Map();
    inflight.set(d.local, running);
  }
  const existing = running.get(item.sha256);
  if (existing) return existing;
  const map = running;
  const p = (async () => {
    const r = await fetchOne(d, item, progress);
    const board = d.board ?? blobTransfers;
    if (r.ok && r.value.miss) board.set(item.sha256, { state: 'failed', ...r.value.miss });
    if (r.ok) await settleQueue(d.local, item, r.value.miss);
    if (!r.ok) {
      const at = await d.local.blobDownload.progress(item.sha256);
      board.set(
        item.sha256,
        at
          ? { state: 'downloading', received: at.received, size: at.size }
          : { state: 'failed', code: 'network', message: r.error.message },
      );
    }
    return r;
  })().finally(() => {
    map.delete(item.sha256);
  });
  map.set(item.sha256, p);
  return p;
}

async function settleQueue(local: SyncLocal, item: DownloadItem, miss: DownloadMiss | null): Promise<void> {
  const queue = await local.downloadQueue();
  if (miss === null) {
    await local.saveDownloadQueue(queue.filter((q) => q.sha256 !== item.sha256));
    return;
  }
  const inQueue = queue.some((q) => q.sha256 === item.sha256);
  const update = (q: DownloadItem): DownloadItem =>
    q.sha256 === item.sha256 ? { ...q, attempts: q.attempts + 1, lastError: miss.code } : q;
  await local.saveDownloadQueue(inQueue ? queue.map(update) : [...queue, update(item)]);
}

async function fetchOne(
  d: DownloadDeps,
  item: DownloadItem,
  progress?: (received: number) => void,
): Promise<Result<OneOutcome, SyncFailure>> {
  const board = d.board ?? blobTransfers;
  const port = d.local.blobDownload;
  if (await port.stored(item.sha256)) {
    board.set(item.sha256, { state: 'done' });
    return ok({ miss: null, received: 0 });
  }
  let size = item.size;
  if (size === null) {
    const head = await d.tokens.withToken((t) => d.client.blobHead(t, item.sha256));
    if (!head.ok) return head.error.kind === 'hub' ? ok({ miss: hubMiss(head.error), received: 0 }) : head;
    if (!head.value?.complete || head.value.length === null) return ok({ miss: NOT_ON_HUB, received: 0 });
    size = head.value.length;
  }
  const begun = await port.begin(item.sha256, size);
  if (!begun.ok) return ok({ miss: begun.error, received: 0 });
  let at = begun.value.received;
  const startedAt = at;
  const range = d.rangeSize ?? DOWNLOAD_RANGE;
  board.set(item.sha256, { state: 'downloading', received: at, size });
  while (at < size) {
    const to: number = Math.min(at + range, size) - 1;
    const from: number = at;
    const got: Result<BlobRange, SyncFailure> = await d.tokens.withToken((t) =>
      d.client.blobGet(t, item.sha256, from, to),
    );
    if (!got.ok) return got.error.kind === 'hub' ? ok({ miss: hubMiss(got.error), received: 0 }) : got;
    let bytes: Uint8Array = got.value.bytes;
    if (!got.value.partial) {
      // The whole file in one answer (no Range support): keep only what is not stored yet.
      if (bytes.byteLength !== size) return abandonWith(d, item, sizeMiss(size, bytes.byteLength));
      bytes = bytes.subarray(at);
    } else if (got.value.start !== at || (got.value.total !== null && got.value.total !== size)) {
      return abandonWith(d, item, sizeMiss(size, got.value.total ?? -1));
    }
    for (let i = 0; i < bytes.byteLength; i += range) {
      const stored = await port.append(item.sha256, bytes.slice(i, i + range));
      if (!stored.ok) return ok({ miss: stored.error, received: 0 });
      at = stored.value.received;
      board.set(item.sha256, { state: 'downloading', received: at, size });
      progress?.(at);
    }
  }
  const finished = await port.finish(item.sha256, item.mime);
  if (!finished.ok) return ok({ miss: finished.error, received: at - startedAt });
  if (d.derive && /^image\/(jpeg|png|heic|heif)$/.test(finished.value.mime))
    await deriveCopies(d, item.sha256, finished.value.mime);
  board.set(item.sha256, { state: 'done' });
  return ok({ miss: null, received: at - startedAt });
}

async function abandonWith(
  d: DownloadDeps,
  item: DownloadItem,
  miss: DownloadMiss,
): Promise<Result<OneOutcome, SyncFailure>> {
  await d.local.blobDownload.abandon(item.sha256);
  return ok({ miss, received: 0 });
}

/** Thumbnails are a convenience: a failure leaves the original stored and shown as the file type. */
async function deriveCopies(d: DownloadDeps, sha256: string, mime: string): Promise<void> {
  try {
    const blob = await d.local.blobDownload.asBlob(sha256);
    const copies = blob && d.derive ? await d.derive(blob, mime) : null;
    if (copies && copies.length > 0) await d.local.blobDownload.saveDerived(sha256, copies);
  } catch {
    // The original is what counts; the list shows its type instead of a thumbnail.
  }
}

const hubMiss = (f: { code: string; message: string }): DownloadMiss =>
  f.code === 'not_found' ? NOT_ON_HUB : { code: f.code, message: f.message };

const sizeMiss = (want: number, got: number): DownloadMiss => ({
  code: 'size_mismatch',
  message: `枢纽发来的文件大小（${String(got)} 字节）与记录的 ${String(want)} 字节不符，未保存，稍后重新下载`,
});
