/*
 * The page's side of the journal worker (opfs-journal-worker.ts): the same `BrowserJournal` as the
 * fallback (opfs-journal.ts), each call a postMessage with a request id that the worker answers once.
 * The worker owns a `FileSystemSyncAccessHandle` (opfs-sync-journal.ts) — the API exists only in
 * workers — so a save costs an in-place append and a flush instead of a copy of the whole journal.
 *
 * Fallback: where module workers are missing, the worker cannot start, or it answers `init` with
 * `supported: false` (no `createSyncAccessHandle`), every call goes to the fallback journal instead.
 * A worker that dies later fails the calls it had not answered (their fate is unknown, so they are
 * reported failed, never saved) and the following calls go to the fallback.
 */
import {
  JournalOffsetError,
  JournalReplaceError,
  type BrowserJournal,
  type OpfsDirectory,
} from './opfs-journal';

/** page → worker */
export type JournalRequest =
  | { id: number; op: 'init'; dir: unknown; fileName: string }
  | { id: number; op: 'append'; lines: readonly string[] }
  | { id: number; op: 'read'; fromOffset: number; maxBytes: number }
  | { id: number; op: 'replace'; lines: readonly string[]; first: boolean; last: boolean };

/** The error kinds the page turns back into the fallback's error classes. */
export type JournalFailure = { kind: 'offset' | 'replace' | 'other'; name: string; message: string };

/** worker → page */
export type JournalResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: JournalFailure };

/** What the client needs of a Worker (a real one, or an in-process fake in tests). */
export type JournalWorkerLike = {
  postMessage(message: JournalRequest): void;
  onmessage: ((ev: { data: JournalResponse }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  terminate(): void;
};

export type WorkerJournal = BrowserJournal & {
  /** Which journal answers: the worker's sync access handle, or the fallback. */
  backend(): Promise<'sync-handle' | 'fallback'>;
  /** Stops the worker (its file lock goes with it); later calls use the fallback. */
  close(): void;
};

export function failureOf(e: unknown): JournalFailure {
  const kind =
    e instanceof JournalOffsetError ? 'offset' : e instanceof JournalReplaceError ? 'replace' : 'other';
  if (e instanceof Error || e instanceof DOMException) return { kind, name: e.name, message: e.message };
  return { kind, name: 'Error', message: String(e) };
}

function errorOf(f: JournalFailure): Error {
  if (f.kind === 'offset') return new JournalOffsetError(f.message);
  if (f.kind === 'replace') return new JournalReplaceError(f.message);
  return f.name === 'Error' ? new Error(f.message) : new DOMException(f.message, f.name);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readResult(v: unknown): { lines: string[]; nextOffset: number; end: boolean } {
  if (
    isRecord(v) &&
    Array.isArray(v['lines']) &&
    v['lines'].every((l) => typeof l === 'string') &&
    typeof v['nextOffset'] === 'number' &&
    typeof v['end'] === 'boolean'
  )
    return { lines: v['lines'], nextOffset: v['nextOffset'], end: v['end'] };
  throw new Error('日志工作线程的回答无效 (invalid answer from the journal worker)');
}

function offsetResult(v: unknown): number {
  if (typeof v === 'number') return v;
  throw new Error('日志工作线程的回答无效 (invalid answer from the journal worker)');
}

type Backend =
  | { kind: 'sync-handle'; call: (req: DistributiveOmit<JournalRequest, 'id'>) => Promise<unknown> }
  | { kind: 'fallback' };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/**
 * A journal in `fileName` of the directory `getDirectory` answers, through the worker `startWorker`
 * makes (null: no workers here), or `fallback` where that cannot work.
 */
export function createWorkerJournal(o: {
  startWorker: () => JournalWorkerLike | null;
  getDirectory: () => Promise<OpfsDirectory>;
  fileName: string;
  fallback: () => BrowserJournal;
}): WorkerJournal {
  let fallbackJournal: BrowserJournal | null = null;
  const fallback = () => (fallbackJournal ??= o.fallback());
  let worker: JournalWorkerLike | null = null;
  let broken = false;

  const start = async (): Promise<Backend> => {
    let w: JournalWorkerLike | null;
    try {
      w = o.startWorker();
    } catch {
      w = null;
    }
    if (!w) return { kind: 'fallback' };
    const live = w;
    worker = live;
    let nextId = 1;
    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    const failAll = (why: string) => {
      broken = true;
      worker = null;
      live.onmessage = null;
      live.onerror = null;
      live.terminate();
      for (const p of pending.values()) p.reject(new Error(why));
      pending.clear();
    };
    live.onmessage = (ev) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      pending.delete(ev.data.id);
      if (ev.data.ok) p.resolve(ev.data.value);
      else p.reject(errorOf(ev.data.error));
    };
    live.onerror = () => {
      failAll(
        '日志工作线程已停止，未确认的记录视为未保存 (the journal worker stopped: unanswered writes are not saved)',
      );
    };
    const call = (req: DistributiveOmit<JournalRequest, 'id'>): Promise<unknown> => {
      if (broken) return Promise.reject(new Error('日志工作线程已停止 (the journal worker stopped)'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        live.postMessage({ ...req, id });
      });
    };
    try {
      const supported = await call({ op: 'init', dir: await o.getDirectory(), fileName: o.fileName });
      if (supported === true) return { kind: 'sync-handle', call };
    } catch {
      // The worker did not load or could not start: the fallback journals.
    }
    if (!broken) failAll('no sync access handle');
    return { kind: 'fallback' };
  };

  let backend: Promise<Backend> | null = null;
  const current = async (): Promise<Backend> => {
    backend ??= start();
    const b = await backend;
    return b.kind === 'sync-handle' && broken ? { kind: 'fallback' } : b;
  };

  return {
    append: async (lines) => {
      const b = await current();
      return b.kind === 'fallback'
        ? fallback().append(lines)
        : offsetResult(await b.call({ op: 'append', lines }));
    },
    read: async (fromOffset, maxBytes) => {
      const b = await current();
      return b.kind === 'fallback'
        ? fallback().read(fromOffset, maxBytes)
        : readResult(await b.call({ op: 'read', fromOffset, maxBytes }));
    },
    replace: async (lines, first, last) => {
      const b = await current();
      return b.kind === 'fallback'
        ? fallback().replace(lines, first, last)
        : offsetResult(await b.call({ op: 'replace', lines, first, last }));
    },
    backend: async () => (await current()).kind,
    close: () => {
      broken = true;
      backend ??= Promise.resolve({ kind: 'fallback' });
      worker?.terminate();
      worker = null;
    },
  };
}

/** A real Worker in the shape the client needs. */
export function wrapWorker(w: Worker): JournalWorkerLike {
  const like: JournalWorkerLike = {
    postMessage: (m) => {
      w.postMessage(m);
    },
    onmessage: null,
    onerror: null,
    terminate: () => {
      w.terminate();
    },
  };
  w.onmessage = (ev: MessageEvent<JournalResponse>) => {
    like.onmessage?.(ev);
  };
  w.onerror = (ev) => {
    ev.preventDefault();
    like.onerror?.(ev);
  };
  w.onmessageerror = (ev) => {
    like.onerror?.(ev);
  };
  return like;
}
