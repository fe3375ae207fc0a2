/*
 * The page's journal over the journal worker: requests and answers by id, the fallback's error classes
 * kept across the message boundary, and the fallback journal wherever the worker cannot do the work
 * (no workers, no sync access handle, a worker that fails to load or dies).
 */
import { describe, expect, it } from 'vitest';
import {
  createOpfsJournal,
  JournalOffsetError,
  JournalReplaceError,
} from '../../../../renderer/platform/opfs-journal';
import {
  createWorkerJournal,
  type JournalRequest,
  type JournalResponse,
  type JournalWorkerLike,
} from '../../../../renderer/platform/opfs-journal-client';
import {
  createSyncJournal,
  serveJournal,
  type JournalWorkerScope,
  type OpfsSyncDirectory,
} from '../../../../renderer/platform/opfs-sync-journal';
import { fakeOpfs } from './fake-opfs';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A worker run in this process: messages cross asynchronously, like postMessage. */
function inProcessWorker(supported = true) {
  const sent: JournalRequest[] = [];
  const scope: JournalWorkerScope = {
    onmessage: null,
    postMessage: (m: JournalResponse) => {
      setTimeout(() => worker.onmessage?.({ data: m }), 0);
    },
  };
  serveJournal(scope, (dir, fileName) =>
    supported ? createSyncJournal(() => Promise.resolve(dir as OpfsSyncDirectory), fileName) : null,
  );
  let terminated = false;
  let dieOn: ((m: JournalRequest) => boolean) | null = null;
  const worker: JournalWorkerLike & {
    crash(): void;
    terminated(): boolean;
    dieOn(when: (m: JournalRequest) => boolean): void;
  } = {
    postMessage: (m) => {
      sent.push(m);
      // The worker dies with this request received and unanswered.
      if (dieOn?.(m))
        setTimeout(() => {
          worker.crash();
        }, 0);
      else
        setTimeout(() => {
          if (!terminated) scope.onmessage?.({ data: m });
        }, 0);
    },
    onmessage: null,
    onerror: null,
    terminate: () => {
      terminated = true;
    },
    crash: () => {
      terminated = true;
      worker.onerror?.(new Error('worker crashed'));
    },
    terminated: () => terminated,
    dieOn: (when) => {
      dieOn = when;
    },
  };
  return { worker, sent };
}

const setup = (start: (fs: ReturnType<typeof fakeOpfs>) => JournalWorkerLike | null) => {
  const fs = fakeOpfs();
  const journal = createWorkerJournal({
    startWorker: () => start(fs),
    getDirectory: () => Promise.resolve(fs.dir),
    fileName: 'j.jsonl',
    fallback: () => createOpfsJournal(() => Promise.resolve(fs.dir), 'j.jsonl'),
  });
  return { fs, journal };
};

describe('journal through the journal worker', () => {
  it('appends, reads and replaces through the worker, which holds the sync access handle', async () => {
    let w: ReturnType<typeof inProcessWorker> | null = null;
    const { fs, journal } = setup(() => (w = inProcessWorker()).worker);
    expect(await journal.backend()).toBe('sync-handle');
    expect(await journal.append(['one', '二'])).toBe(8);
    expect(fs.events).toEqual(['write', 'flush']);
    expect(fs.locked.has('j.jsonl')).toBe(true);
    expect(await journal.read(0, 100)).toEqual({ lines: ['one', '二'], nextOffset: 8, end: true });
    await journal.replace(['a'], true, false);
    expect(await journal.replace(['b'], false, true)).toBe(4);
    expect(fs.text('j.jsonl')).toBe('a\nb\n');
    expect(w).not.toBeNull();
    expect(w!.sent.map((m) => m.op)).toEqual(['init', 'append', 'read', 'replace', 'replace']);
    expect(new Set(w!.sent.map((m) => m.id)).size).toBe(5);
  });

  it('answers concurrent calls each with its own result, in order', async () => {
    const { journal } = setup(() => inProcessWorker().worker);
    const offsets = await Promise.all(Array.from({ length: 5 }, (_, i) => journal.append([`l${i}`])));
    expect(offsets).toEqual([3, 6, 9, 12, 15]);
  });

  it('keeps the error classes across the message boundary', async () => {
    const { fs, journal } = setup(() => inProcessWorker().worker);
    await journal.append(['abc']);
    await expect(journal.read(1, 10)).rejects.toBeInstanceOf(JournalOffsetError);
    await expect(journal.replace(['x'], false, true)).rejects.toBeInstanceOf(JournalReplaceError);
    fs.failNextWrite();
    await expect(journal.append(['lost'])).rejects.toMatchObject({
      name: 'QuotaExceededError',
      message: 'disk full',
    });
    expect(fs.text('j.jsonl')).toBe('abc\n');
  });
});

describe('journal fallback (no createSyncAccessHandle)', () => {
  it('uses the writable journal where there are no workers', async () => {
    const { fs, journal } = setup(() => null);
    expect(await journal.backend()).toBe('fallback');
    expect(await journal.append(['one'])).toBe(4);
    expect(fs.events).toEqual(['write', 'close']);
    expect((await journal.read(0, 100)).lines).toEqual(['one']);
  });

  it('uses it when the worker has no sync access handle, and stops that worker', async () => {
    let w: ReturnType<typeof inProcessWorker> | null = null;
    const { fs, journal } = setup(() => (w = inProcessWorker(false)).worker);
    expect(await journal.backend()).toBe('fallback');
    expect(w!.worker.terminated()).toBe(true);
    await journal.append(['one']);
    expect(fs.events).toEqual(['write', 'close']);
  });

  it('uses it when the worker fails to load', async () => {
    const { fs, journal } = setup(() => {
      const broken: JournalWorkerLike = {
        postMessage: () => {
          setTimeout(() => broken.onerror?.(new Error('404')), 0);
        },
        onmessage: null,
        onerror: null,
        terminate: () => undefined,
      };
      return broken;
    });
    expect(await journal.append(['one'])).toBe(4);
    expect(await journal.backend()).toBe('fallback');
    expect(fs.text('j.jsonl')).toBe('one\n');
  });

  it('a worker that dies fails the calls it had not answered, and the next calls use the fallback', async () => {
    let w: ReturnType<typeof inProcessWorker> | null = null;
    const { fs, journal } = setup(() => (w = inProcessWorker()).worker);
    await journal.append(['saved']);
    w!.worker.dieOn((m) => m.op === 'append' && m.lines[0] === 'unanswered');
    await expect(journal.append(['unanswered'])).rejects.toThrow('journal worker stopped');
    await tick();
    // The dead worker's lock goes with it (the browser releases it on termination).
    fs.locked.clear();
    expect(await journal.backend()).toBe('fallback');
    expect(await journal.append(['after'])).toBe(new TextEncoder().encode(fs.text('j.jsonl')).length);
    expect((await journal.read(0, 100)).lines.at(-1)).toBe('after');
  });
});
