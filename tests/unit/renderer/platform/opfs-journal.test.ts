import { describe, expect, it } from 'vitest';
import { createOpfsJournal, JournalOffsetError } from '../../../../renderer/platform/opfs-journal';
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
