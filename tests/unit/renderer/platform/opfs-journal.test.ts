import { describe, expect, it } from 'vitest';
import {
  createOpfsJournal,
  JournalOffsetError,
  JournalReplaceError,
} from '../../../../renderer/platform/opfs-journal';
import { fakeOpfs } from './fake-opfs';

const setup = () => {
  const fs = fakeOpfs();
  return { fs, journal: createOpfsJournal(() => Promise.resolve(fs.dir), 'j.jsonl') };
};

describe('OPFS journal', () => {
  it('resolves an append only after the write is committed, with the end offset', async () => {
    const { fs, journal } = setup();
    const offset = await journal.append(['{"a":1}', '{"b":"调解"}']);
    expect(fs.text('j.jsonl')).toBe('{"a":1}\n{"b":"调解"}\n');
    expect(offset).toBe(new TextEncoder().encode(fs.text('j.jsonl')).length);
    expect(fs.events).toEqual(['write', 'close']);
  });

  it('appends at the end, keeping what is there', async () => {
    const { fs, journal } = setup();
    await journal.append(['one']);
    const o = await journal.append(['two']);
    expect(fs.text('j.jsonl')).toBe('one\ntwo\n');
    expect(o).toBe(8);
  });

  it('reads from offsets in pages, a long line whole', async () => {
    const { journal } = setup();
    const o1 = await journal.append(['one', 'two']);
    await journal.append(['x'.repeat(50)]);
    expect(await journal.read(0, 5)).toEqual({ lines: ['one'], nextOffset: 4, end: false });
    expect(await journal.read(o1, 3)).toEqual({ lines: ['x'.repeat(50)], nextOffset: o1 + 51, end: true });
  });

  it('a missing journal reads as empty', async () => {
    const { journal } = setup();
    expect(await journal.read(0, 100)).toEqual({ lines: [], nextOffset: 0, end: true });
  });

  it('refuses offsets inside a line or beyond the end', async () => {
    const { journal } = setup();
    await journal.append(['abc']);
    await expect(journal.read(1, 10)).rejects.toBeInstanceOf(JournalOffsetError);
    await expect(journal.read(10, 10)).rejects.toBeInstanceOf(JournalOffsetError);
  });

  it('hides a torn tail and cuts it before the next append', async () => {
    const { fs, journal } = setup();
    await journal.append(['ok']);
    fs.files.set('j.jsonl', new TextEncoder().encode('ok\n{"tor'));
    expect(await journal.read(0, 100)).toEqual({ lines: ['ok'], nextOffset: 3, end: true });
    expect(await journal.append(['next'])).toBe(8);
    expect(fs.text('j.jsonl')).toBe('ok\nnext\n');
  });

  it('a failed write is aborted, rejects, and leaves the journal as it was', async () => {
    const { fs, journal } = setup();
    await journal.append(['ok']);
    fs.failNextWrite();
    await expect(journal.append(['lost'])).rejects.toThrow('disk full');
    expect(fs.text('j.jsonl')).toBe('ok\n');
    expect(fs.events.at(-1)).toBe('abort');
    expect(await journal.append(['again'])).toBe(9);
  });

  it('serializes concurrent appends', async () => {
    const { journal } = setup();
    await Promise.all(Array.from({ length: 10 }, (_, i) => journal.append([`l${i}`])));
    expect((await journal.read(0, 1000)).lines).toEqual(Array.from({ length: 10 }, (_, i) => `l${i}`));
  });
});

describe('OPFS journal replace (#8 migration)', () => {
  it('writes the new lines in parts and swaps them in only on the last part', async () => {
    const { fs, journal } = setup();
    await journal.append(['plain-1', 'plain-2']);
    expect(await journal.replace(['sealed-1'], true, false)).toBe(9);
    // Until the last part the journal is the old one (a crash or reload here loses nothing).
    expect(fs.text('j.jsonl')).toBe('plain-1\nplain-2\n');
    expect(await journal.replace(['sealed-2'], false, true)).toBe(18);
    expect(fs.text('j.jsonl')).toBe('sealed-1\nsealed-2\n');
    expect((await journal.read(0, 1000)).lines).toEqual(['sealed-1', 'sealed-2']);
    expect(await journal.append(['next'])).toBe(23);
  });

  it('an abandoned replacement leaves the journal whole; a new first part starts over', async () => {
    const { fs, journal } = setup();
    await journal.append(['old']);
    await journal.replace(['half'], true, false);
    expect(fs.text('j.jsonl')).toBe('old\n');
    await journal.replace(['a', 'b'], true, true);
    expect(fs.text('j.jsonl')).toBe('a\nb\n');
  });

  it('refuses a part without a first one, and a replacement an append came into', async () => {
    const { fs, journal } = setup();
    await expect(journal.replace(['x'], false, true)).rejects.toBeInstanceOf(JournalReplaceError);
    await journal.append(['old']);
    await journal.replace(['new'], true, false);
    await journal.append(['saved meanwhile']);
    await expect(journal.replace([], false, true)).rejects.toBeInstanceOf(JournalReplaceError);
    expect(fs.text('j.jsonl')).toBe('old\nsaved meanwhile\n');
  });

  it('a failed write aborts the replacement and keeps the old journal', async () => {
    const { fs, journal } = setup();
    await journal.append(['old']);
    fs.failNextWrite();
    await expect(journal.replace(['new'], true, true)).rejects.toThrow('disk full');
    expect(fs.text('j.jsonl')).toBe('old\n');
    expect(fs.events.at(-1)).toBe('abort');
  });
});
