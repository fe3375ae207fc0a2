/*
 * The journal worker's journal (sync access handle): the fallback's semantics (opfs-journal.test.ts) with
 * in-place appends flushed before they answer, the file lock taken with retries and let go when idle,
 * and the replacement's old-or-new guarantee.
 */
import { describe, expect, it } from 'vitest';
import { JournalOffsetError, JournalReplaceError } from '../../../../renderer/platform/opfs-journal';
import { createSyncJournal, type SyncJournalOptions } from '../../../../renderer/platform/opfs-sync-journal';
import { fakeOpfs } from './fake-opfs';

/** Timers under the test's control: idle releases run only when `idle()` is called. */
function manualTimers() {
  const due: (() => void)[] = [];
  const waits: number[] = [];
  const options: SyncJournalOptions = {
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    schedule: (fn) => {
      due.push(fn);
      return () => {
        const i = due.indexOf(fn);
        if (i >= 0) due.splice(i, 1);
      };
    },
  };
  return {
    options,
    waits,
    /** The quiet spell passes (after the journal's queue has settled). */
    idle: async () => {
      await new Promise((r) => setTimeout(r, 0));
      for (const fn of due.splice(0)) fn();
    },
  };
}

const setup = (extra: SyncJournalOptions = {}) => {
  const fs = fakeOpfs();
  const timers = manualTimers();
  const journal = createSyncJournal(() => Promise.resolve(fs.dir), 'j.jsonl', {
    ...timers.options,
    ...extra,
  });
  return { fs, timers, journal };
};

describe('OPFS journal over a sync access handle', () => {
  it('appends in place and flushes before it answers, with the end offset', async () => {
    const { fs, journal } = setup();
    const offset = await journal.append(['{"a":1}', '{"b":"调解"}']);
    expect(fs.text('j.jsonl')).toBe('{"a":1}\n{"b":"调解"}\n');
    expect(offset).toBe(new TextEncoder().encode(fs.text('j.jsonl')).length);
    expect(fs.events).toEqual(['write', 'flush']);
    // The next append writes only its own bytes at the end: no copy of the journal.
    fs.events.length = 0;
    expect(await journal.append(['two'])).toBe(offset + 4);
    expect(fs.events).toEqual(['write', 'flush']);
    expect(fs.text('j.jsonl')).toBe('{"a":1}\n{"b":"调解"}\ntwo\n');
  });

  it('reads from offsets in pages, a long line whole; a missing journal reads as empty', async () => {
    const { journal } = setup();
    expect(await journal.read(0, 100)).toEqual({ lines: [], nextOffset: 0, end: true });
    const o1 = await journal.append(['one', 'two']);
    await journal.append(['x'.repeat(50)]);
    expect(await journal.read(0, 5)).toEqual({ lines: ['one'], nextOffset: 4, end: false });
    expect(await journal.read(o1, 3)).toEqual({ lines: ['x'.repeat(50)], nextOffset: o1 + 51, end: true });
  });

  it('refuses offsets inside a line or beyond the end', async () => {
    const { journal } = setup();
    await journal.append(['abc']);
    await expect(journal.read(1, 10)).rejects.toBeInstanceOf(JournalOffsetError);
    await expect(journal.read(10, 10)).rejects.toBeInstanceOf(JournalOffsetError);
  });

  it('cuts a torn tail when it takes the file, and appends after the last whole line', async () => {
    const { fs, journal } = setup();
    fs.files.set('j.jsonl', new TextEncoder().encode('ok\n{"tor'));
    expect(await journal.read(0, 100)).toEqual({ lines: ['ok'], nextOffset: 3, end: true });
    expect(fs.text('j.jsonl')).toBe('ok\n');
    expect(await journal.append(['next'])).toBe(8);
    expect(fs.text('j.jsonl')).toBe('ok\nnext\n');
  });

  it('a failed or short write rejects and leaves the journal as it was', async () => {
    const { fs, journal } = setup();
    await journal.append(['ok']);
    fs.failNextWrite();
    await expect(journal.append(['lost'])).rejects.toThrow('disk full');
    expect(fs.text('j.jsonl')).toBe('ok\n');
    fs.shortNextWrite();
    await expect(journal.append(['half-written line'])).rejects.toThrow('short journal write');
    expect(fs.text('j.jsonl')).toBe('ok\n');
    expect(await journal.append(['again'])).toBe(9);
    expect(fs.text('j.jsonl')).toBe('ok\nagain\n');
  });

  it('serializes concurrent appends', async () => {
    const { journal } = setup();
    await Promise.all(Array.from({ length: 10 }, (_, i) => journal.append([`l${i}`])));
    expect((await journal.read(0, 1000)).lines).toEqual(Array.from({ length: 10 }, (_, i) => `l${i}`));
  });

  it('waits while another holder has the file, then fails with the lock error if it never lets go', async () => {
    const { fs, timers, journal } = setup({ lockRetryMs: [10, 20, 30] });
    const other = fs.holdLock('j.jsonl');
    await expect(journal.append(['x'])).rejects.toMatchObject({ name: 'NoModificationAllowedError' });
    expect(timers.waits).toEqual([10, 20, 30]);
    other();
    expect(await journal.append(['x'])).toBe(2);
  });

  it('lets go of the lock when idle, and re-reads the end another holder moved', async () => {
    const { fs, timers, journal } = setup();
    await journal.append(['mine']);
    expect(fs.locked.has('j.jsonl')).toBe(true);
    await timers.idle();
    expect(fs.locked.has('j.jsonl')).toBe(false);
    // Another tab appends while this one is idle…
    const second = createSyncJournal(() => Promise.resolve(fs.dir), 'j.jsonl', timers.options);
    await second.append(['theirs']);
    await timers.idle();
    // …and this one appends after it, not over it.
    expect(await journal.append(['mine again'])).toBe(23);
    expect((await journal.read(0, 1000)).lines).toEqual(['mine', 'theirs', 'mine again']);
  });
});

describe('OPFS sync journal replace (#8 migration)', () => {
  it('writes the new lines to a side file and swaps them in only on the last part', async () => {
    const { fs, journal } = setup();
    await journal.append(['plain-1', 'plain-2']);
    expect(await journal.replace(['sealed-1'], true, false)).toBe(9);
    // Until the last part the journal is the old one (a crash or reload here loses nothing).
    expect(fs.text('j.jsonl')).toBe('plain-1\nplain-2\n');
    expect(fs.text('j.jsonl.replacing')).toBe('sealed-1\n');
    expect(await journal.replace(['sealed-2'], false, true)).toBe(18);
    expect(fs.text('j.jsonl')).toBe('sealed-1\nsealed-2\n');
    expect(fs.files.has('j.jsonl.replacing')).toBe(false);
    expect((await journal.read(0, 1000)).lines).toEqual(['sealed-1', 'sealed-2']);
    expect(await journal.append(['next'])).toBe(23);
    expect(fs.text('j.jsonl')).toBe('sealed-1\nsealed-2\nnext\n');
  });

  it('the swap is one writable closed at the end (old or new, never half)', async () => {
    const { fs, journal } = setup();
    await journal.append(['old']);
    fs.events.length = 0;
    await journal.replace(['a', 'b'], true, true);
    // The journal's handle is let go, then one writable gets the bytes and its close moves them in.
    expect(fs.events.slice(fs.events.indexOf('release'))).toEqual(['release', 'write', 'close', 'release']);
    expect(fs.text('j.jsonl')).toBe('a\nb\n');
  });

  it('an abandoned replacement leaves the journal whole; a new first part starts over', async () => {
    const { fs, journal } = setup();
    await journal.append(['old']);
    await journal.replace(['half', 'of', 'it'], true, false);
    expect(fs.text('j.jsonl')).toBe('old\n');
    await journal.replace(['a', 'b'], true, true);
    expect(fs.text('j.jsonl')).toBe('a\nb\n');
  });

  it('a stale side file from a crash is truncated by the next replacement', async () => {
    const { fs, journal } = setup();
    await journal.append(['old']);
    fs.files.set('j.jsonl.replacing', new TextEncoder().encode('left\nby a crash\n'));
    await journal.replace(['new'], true, true);
    expect(fs.text('j.jsonl')).toBe('new\n');
  });

  it('refuses a part without a first one, and a replacement an append came into', async () => {
    const { fs, journal } = setup();
    await expect(journal.replace(['x'], false, true)).rejects.toBeInstanceOf(JournalReplaceError);
    await journal.append(['old']);
    await journal.replace(['new'], true, false);
    await journal.append(['saved meanwhile']);
    await expect(journal.replace([], false, true)).rejects.toBeInstanceOf(JournalReplaceError);
    expect(fs.text('j.jsonl')).toBe('old\nsaved meanwhile\n');
    expect(fs.files.has('j.jsonl.replacing')).toBe(false);
  });

  it('a failed write aborts the replacement and keeps the old journal', async () => {
    const { fs, journal } = setup();
    await journal.append(['old']);
    fs.failNextWrite();
    await expect(journal.replace(['new'], true, true)).rejects.toThrow('disk full');
    expect(fs.text('j.jsonl')).toBe('old\n');
    expect(await journal.append(['later'])).toBe(10);
  });
});
