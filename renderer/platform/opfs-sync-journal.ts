/*
 * The OPFS journal as the journal worker runs it (architecture.md "Durability on the laptop"), over a
 * `FileSystemSyncAccessHandle`: an append writes its lines at the current end and `flush()`es before it
 * answers, O(line) per save instead of the fallback's copy of the whole file (opfs-journal.ts). Same
 * semantics as the fallback and the Electron journal: byte offsets, whole lines only, a torn tail (an
 * append that never completed) hidden and cut off.
 *
 * The access handle is an exclusive lock on the file. It is taken on first use (retrying while another
 * holder — a page just closed, another tab — lets go), the end is found and a torn tail cut then, and
 * the lock is let go again after `idleReleaseMs` without a call, so a second tab of the app can journal
 * too. Whoever takes the lock re-reads the end, so a tab never writes at an end another tab moved.
 *
 * Replace (#8 migration) keeps the fallback's guarantee: the parts go to a side file
 * `<name>.replacing` (through its own access handle, flushed); on the last part the journal's handle is
 * let go and ONE `createWritable({ keepExistingData: false })` on the journal gets the side file's bytes
 * and is closed — Chromium moves its swap file over the journal in one step (old or new, never half).
 * A crash before that leaves the journal untouched and a stale side file, which the next `first`
 * truncates. An append during a replacement makes its `last` refuse, as in the fallback.
 */
import {
  JournalReplaceError,
  lastLineEnd,
  readLines,
  type BrowserJournal,
  type JournalBytes,
  type OpfsFileHandle,
} from './opfs-journal';
import { failureOf, type JournalRequest, type JournalResponse } from './opfs-journal-client';

/** The calls made on a `FileSystemSyncAccessHandle` (the real one satisfies this; tests pass a fake). */
export type OpfsSyncHandle = {
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  getSize(): number;
  close(): void;
};
export type OpfsSyncFileHandle = OpfsFileHandle & { createSyncAccessHandle(): Promise<OpfsSyncHandle> };
export type OpfsSyncDirectory = {
  getFileHandle(name: string, options: { create: boolean }): Promise<OpfsSyncFileHandle>;
  removeEntry(name: string): Promise<void>;
};

export type SyncJournalOptions = {
  /** Let go of the file lock after this long without a call (ms). */
  idleReleaseMs?: number;
  /** Waits between attempts to take a lock another holder has (ms); then the call fails. */
  lockRetryMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Runs `fn` after `ms`; returns a cancel. */
  schedule?: (fn: () => void, ms: number) => () => void;
};

export type SyncJournal = BrowserJournal & {
  /** Lets go of the file lock now (the next call takes it again). */
  release(): void;
};

const copyChunk = 1024 * 1024;
const defaultRetry = [10, 20, 50, 100, 200, 300, 500, 500, 1000, 1000, 1000, 1000];

const isLocked = (e: unknown): boolean =>
  e instanceof DOMException && (e.name === 'NoModificationAllowedError' || e.name === 'InvalidStateError');

const handleBytes = (h: OpfsSyncHandle, size: number): JournalBytes => ({
  size,
  bytes: (start, end) => {
    const buf = new Uint8Array(end - start);
    const n = h.read(buf, { at: start });
    return n === buf.length ? buf : buf.subarray(0, n);
  },
});

export function createSyncJournal(
  getDirectory: () => Promise<OpfsSyncDirectory>,
  fileName: string,
  options: SyncJournalOptions = {},
): SyncJournal {
  const idleMs = options.idleReleaseMs ?? 1000;
  const retry = options.lockRetryMs ?? defaultRetry;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const schedule =
    options.schedule ??
    ((fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => {
        clearTimeout(t);
      };
    });
  const sideName = `${fileName}.replacing`;

  let queue: Promise<unknown> = Promise.resolve();
  let cancelIdle: (() => void) | null = null;
  let open: { handle: OpfsSyncHandle; end: number } | null = null;
  let replacing: { handle: OpfsSyncHandle; size: number; appended: boolean } | null = null;

  const release = () => {
    cancelIdle?.();
    cancelIdle = null;
    if (open) {
      const h = open.handle;
      open = null;
      h.close();
    }
  };

  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(() => {
      cancelIdle?.();
      cancelIdle = null;
      return job();
    });
    queue = next
      .catch(() => undefined)
      .then(() => {
        // Nothing queued after this job: let go of the lock after a quiet spell.
        if (queue === settled) cancelIdle = schedule(release, idleMs);
      });
    const settled = queue;
    return next;
  };

  /** Takes an access handle, waiting while another holder has the file. */
  const lock = async (fh: OpfsSyncFileHandle): Promise<OpfsSyncHandle> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fh.createSyncAccessHandle();
      } catch (e) {
        const wait = retry[attempt];
        if (!isLocked(e) || wait === undefined) throw e;
        await sleep(wait);
      }
    }
  };

  /** The journal's handle and its end (a torn tail cut off); null for a missing file when !create. */
  const acquire = async (create: boolean): Promise<{ handle: OpfsSyncHandle; end: number } | null> => {
    if (open) return open;
    let fh: OpfsSyncFileHandle;
    try {
      fh = await (await getDirectory()).getFileHandle(fileName, { create });
    } catch (e) {
      if (!create && e instanceof DOMException && e.name === 'NotFoundError') return null;
      throw e;
    }
    const handle = await lock(fh);
    try {
      const size = handle.getSize();
      const end = await lastLineEnd(handleBytes(handle, size));
      if (end < size) {
        handle.truncate(end);
        handle.flush();
      }
      open = { handle, end };
      return open;
    } catch (e) {
      handle.close();
      throw e;
    }
  };

  const appendNow = async (lines: readonly string[]): Promise<number> => {
    const j = await acquire(true);
    if (!j) throw new Error('journal file missing after create');
    const data = new TextEncoder().encode(lines.join('\n') + '\n');
    try {
      const n = j.handle.write(data, { at: j.end });
      if (n !== data.byteLength)
        throw new Error(`日志只写入了部分内容 (short journal write: ${n} of ${data.byteLength} bytes)`);
      j.handle.flush();
    } catch (e) {
      // Leave the journal as it was: whole lines only.
      try {
        j.handle.truncate(j.end);
        j.handle.flush();
      } catch {
        release();
      }
      throw e;
    }
    j.end += data.byteLength;
    if (replacing) replacing.appended = true;
    return j.end;
  };

  const readNow = async (fromOffset: number, maxBytes: number) => {
    const j = await acquire(false);
    if (!j) return readLines({ size: 0, bytes: () => new Uint8Array(0) }, fromOffset, maxBytes);
    return readLines(handleBytes(j.handle, j.end), fromOffset, maxBytes);
  };

  const dropSide = async (r: { handle: OpfsSyncHandle } | null) => {
    if (!r) return;
    try {
      r.handle.close();
      await (await getDirectory()).removeEntry(sideName);
    } catch {
      // A stale side file is harmless: the next replacement truncates it.
    }
  };

  /** Copies the side file over the journal with one writable (Chromium's swap-and-move). */
  const swapIn = async (side: OpfsSyncHandle, size: number) => {
    release();
    const fh = await (await getDirectory()).getFileHandle(fileName, { create: true });
    const writable = await fh.createWritable({ keepExistingData: false });
    try {
      for (let at = 0; at < size; at += copyChunk) {
        const buf = new Uint8Array(Math.min(copyChunk, size - at));
        if (side.read(buf, { at }) !== buf.length) throw new Error('short read of the replacement');
        await writable.write({ type: 'write', position: at, data: buf });
      }
    } catch (e) {
      await writable.abort();
      throw e;
    }
    await writable.close();
  };

  const replaceNow = async (lines: readonly string[], first: boolean, last: boolean): Promise<number> => {
    if (first) {
      await dropSide(replacing);
      replacing = null;
      const fh = await (await getDirectory()).getFileHandle(sideName, { create: true });
      const handle = await lock(fh);
      handle.truncate(0);
      replacing = { handle, size: 0, appended: false };
    }
    const r = replacing;
    if (!r)
      throw new JournalReplaceError('没有进行中的日志替换 (no journal replacement in progress: send first)');
    try {
      if (lines.length > 0) {
        const data = new TextEncoder().encode(lines.join('\n') + '\n');
        if (r.handle.write(data, { at: r.size }) !== data.byteLength)
          throw new Error('short write of the replacement');
        r.size += data.byteLength;
      }
      if (last && r.appended)
        throw new JournalReplaceError(
          '替换期间日志有新记录，已放弃替换 (the journal was appended to during the replacement: not replaced)',
        );
      if (last) {
        r.handle.flush();
        await swapIn(r.handle, r.size);
      }
    } catch (e) {
      replacing = null;
      await dropSide(r);
      throw e;
    }
    if (last) {
      replacing = null;
      await dropSide(r);
    }
    return r.size;
  };

  return {
    append: (lines) => serial(() => appendNow(lines)),
    read: (fromOffset, maxBytes) => serial(() => readNow(fromOffset, maxBytes)),
    replace: (lines, first, last) => serial(() => replaceNow(lines, first, last)),
    release,
  };
}

/** What the worker needs of its global scope (a real DedicatedWorkerGlobalScope, or a test fake). */
export type JournalWorkerScope = {
  onmessage: ((ev: { data: JournalRequest }) => void) | null;
  postMessage(message: JournalResponse): void;
};

/**
 * Answers the page's journal requests (opfs-journal-client.ts): `init` says whether this worker can
 * journal (`make` returns null where there is no sync access handle), every other request once, in order.
 */
export function serveJournal(
  scope: JournalWorkerScope,
  make: (dir: unknown, fileName: string) => SyncJournal | null,
): void {
  let journal: SyncJournal | null = null;
  const answer = (id: number, job: () => Promise<unknown>) => {
    job().then(
      (value) => {
        scope.postMessage({ id, ok: true, value });
      },
      (e: unknown) => {
        scope.postMessage({ id, ok: false, error: failureOf(e) });
      },
    );
  };
  scope.onmessage = (ev) => {
    const req = ev.data;
    if (req.op === 'init') {
      answer(req.id, () => {
        journal?.release();
        journal = make(req.dir, req.fileName);
        return Promise.resolve(journal !== null);
      });
      return;
    }
    const j = journal;
    if (!j) {
      answer(req.id, () => Promise.reject(new Error('journal worker not initialised')));
      return;
    }
    if (req.op === 'append') answer(req.id, () => j.append(req.lines));
    else if (req.op === 'read') answer(req.id, () => j.read(req.fromOffset, req.maxBytes));
    else answer(req.id, () => j.replace(req.lines, req.first, req.last));
  };
}
