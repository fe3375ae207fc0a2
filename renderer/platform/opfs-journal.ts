/*
 * The browser-mode journal (architecture.md "Durability on the laptop"): one append-only file of event
 * lines in the Origin Private File System, outside IndexedDB. Same semantics as the Electron journal:
 * byte offsets, whole lines only, a torn tail (an append that never completed) hidden and cut off.
 *
 * This file is the FALLBACK, for a browser without `createSyncAccessHandle` (or without module workers):
 * the app normally journals through a dedicated worker (opfs-journal-client.ts → opfs-journal-worker.ts
 * → opfs-sync-journal.ts) that appends in place and flushes, O(line) per save.
 *
 * Durability here: an append resolves only after `FileSystemWritableFileStream.close()` has committed
 * the write (Chromium writes a swap file and moves it into place). `keepExistingData` copies the file
 * into the swap file on every append, so appends cost O(journal size) — measured as the main cause of
 * the slow save p99 (#4 item 7), hence the worker.
 */
import type { IpcOutput } from '#shared/ipc/contract';

/** The OPFS calls the journal makes; the real handles satisfy these, tests pass an in-memory fake. */
export type OpfsWritable = {
  write(params: { type: 'write'; position: number; data: Uint8Array<ArrayBuffer> }): Promise<void>;
  truncate(size: number): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
};
export type OpfsFileHandle = {
  getFile(): Promise<Blob>;
  createWritable(options: { keepExistingData: boolean }): Promise<OpfsWritable>;
};
export type OpfsDirectory = {
  getFileHandle(name: string, options: { create: boolean }): Promise<OpfsFileHandle>;
};

export type BrowserJournal = {
  append(lines: readonly string[]): Promise<number>;
  read(fromOffset: number, maxBytes: number): Promise<IpcOutput<'journal:read'>>;
  /**
   * One part of a replacement (the #8 migration): `first` opens a writable on the journal that starts
   * empty, each part writes its lines, `last` closes it — Chromium then moves its swap file over the
   * journal in one step, the web platform's "write a new file, then rename". Until then the journal
   * is untouched (a crash or reload discards the swap file). An append meanwhile makes `last` abort.
   */
  replace(lines: readonly string[], first: boolean, last: boolean): Promise<number>;
};

/** Thrown for an offset that is not at a line start or beyond the end. */
export class JournalOffsetError extends Error {}

/** A replacement part out of order, or one an append moved under. */
export class JournalReplaceError extends Error {}

const newline = 0x0a;
const chunk = 64 * 1024;

/**
 * Bytes of a journal file by range: a Blob snapshot here, a sync access handle in the journal worker
 * (opfs-sync-journal.ts). Both journals share the line logic below.
 */
export type JournalBytes = {
  readonly size: number;
  bytes(start: number, end: number): Promise<Uint8Array> | Uint8Array;
};

export const blobBytes = (blob: Blob): JournalBytes => ({
  size: blob.size,
  bytes: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
});

/** The end of the last whole line (a torn tail after it is not part of the journal). */
export async function lastLineEnd(src: JournalBytes): Promise<number> {
  let end = src.size;
  while (end > 0) {
    const start = Math.max(0, end - chunk);
    const at = (await src.bytes(start, end)).lastIndexOf(newline);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}

/** The whole lines from `from` (a line start), about `maxBytes` of them but at least one. */
export async function readLines(
  src: JournalBytes,
  from: number,
  maxBytes: number,
): Promise<IpcOutput<'journal:read'>> {
  const size = src.size;
  if (from > size) throw new JournalOffsetError(`偏移量超出日志末尾 (offset ${from} beyond end ${size})`);
  if (from > 0 && (await src.bytes(from - 1, from))[0] !== newline) {
    throw new JournalOffsetError(`偏移量不在行首 (offset ${from} is not a line start)`);
  }
  let want = Math.min(maxBytes, size - from);
  let buf: Uint8Array = new Uint8Array(0);
  let cut = -1;
  while (want > 0) {
    buf = await src.bytes(from, from + want);
    cut = buf.lastIndexOf(newline);
    if (cut >= 0 || from + want >= size) break;
    want = Math.min(want * 2, size - from);
  }
  if (cut < 0) return { lines: [], nextOffset: from, end: true };
  const nextOffset = from + cut + 1;
  const lines = new TextDecoder().decode(buf.subarray(0, cut)).split('\n');
  return { lines, nextOffset, end: (await lastLineEnd(src)) <= nextOffset };
}

/** A journal in `fileName` inside the directory `getDirectory` answers (OPFS root by default). */
export function createOpfsJournal(
  getDirectory: () => Promise<OpfsDirectory>,
  fileName: string,
): BrowserJournal {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job);
    queue = next.catch(() => undefined);
    return next;
  };
  const handle = async (create: boolean) => (await getDirectory()).getFileHandle(fileName, { create });

  const appendNow = async (lines: readonly string[]): Promise<number> => {
    const fh = await handle(true);
    const blob = await fh.getFile();
    const safeEnd = await lastLineEnd(blobBytes(blob));
    const data = new TextEncoder().encode(lines.join('\n') + '\n');
    const writable = await fh.createWritable({ keepExistingData: true });
    try {
      if (safeEnd < blob.size) await writable.truncate(safeEnd);
      await writable.write({ type: 'write', position: safeEnd, data });
    } catch (e) {
      await writable.abort();
      throw e;
    }
    await writable.close();
    if (replacing) replacing.appended = true;
    return safeEnd + data.byteLength;
  };

  let replacing: { writable: OpfsWritable; size: number; appended: boolean } | null = null;

  const replaceNow = async (lines: readonly string[], first: boolean, last: boolean): Promise<number> => {
    if (first) {
      if (replacing) await replacing.writable.abort();
      replacing = null;
      const writable = await (await handle(true)).createWritable({ keepExistingData: false });
      replacing = { writable, size: 0, appended: false };
    }
    const r = replacing;
    if (!r)
      throw new JournalReplaceError('没有进行中的日志替换 (no journal replacement in progress: send first)');
    try {
      if (lines.length > 0) {
        const data = new TextEncoder().encode(lines.join('\n') + '\n');
        await r.writable.write({ type: 'write', position: r.size, data });
        r.size += data.byteLength;
      }
      if (last && r.appended)
        throw new JournalReplaceError(
          '替换期间日志有新记录，已放弃替换 (the journal was appended to during the replacement: not replaced)',
        );
    } catch (e) {
      replacing = null;
      await r.writable.abort();
      throw e;
    }
    if (last) {
      replacing = null;
      await r.writable.close();
    }
    return r.size;
  };

  const readNow = async (fromOffset: number, maxBytes: number) => {
    let fh: OpfsFileHandle;
    try {
      fh = await handle(false);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'NotFoundError' && fromOffset === 0) {
        return { lines: [], nextOffset: 0, end: true };
      }
      throw e;
    }
    return readLines(blobBytes(await fh.getFile()), fromOffset, maxBytes);
  };

  return {
    append: (lines) => serial(() => appendNow(lines)),
    read: (fromOffset, maxBytes) => serial(() => readNow(fromOffset, maxBytes)),
    replace: (lines, first, last) => serial(() => replaceNow(lines, first, last)),
  };
}
