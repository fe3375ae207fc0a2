import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createJournalFile,
  JournalOffsetError,
  JournalReplaceError,
  type JournalFs,
} from '../../../electron/journal-file';

let dir: string;
let file: string;
const log: string[] = [];

/** Real fs, but records open / write / sync / close order so durability is checked. */
const spyFs: JournalFs = {
  mkdir: (d, o) => fs.mkdir(d, o),
  rename: async (from, to) => {
    log.push(`rename ${path.basename(from)} ${path.basename(to)}`);
    await fs.rename(from, to);
  },
  open: async (f, flags) => {
    const fh = await fs.open(f, flags);
    const name = path.basename(f);
    log.push(`open ${name}`);
    return new Proxy(fh, {
      get(target, prop, receiver) {
        const v: unknown = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (['write', 'sync', 'truncate', 'close'].includes(String(prop)))
            log.push(`${String(prop)} ${name}`);
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  },
};

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tribunal-journal-'));
  file = path.join(dir, 'journal', 'events.jsonl');
  log.length = 0;
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('journal file', () => {
  it('appends lines, fsyncs before answering and returns the end offset', async () => {
    const j = createJournalFile(file, spyFs);
    const offset = await j.append(['{"a":1}', '{"b":"案"}']);
    const text = await fs.readFile(file, 'utf8');
    expect(text).toBe('{"a":1}\n{"b":"案"}\n');
    expect(offset).toBe(Buffer.byteLength(text));
    const writeAt = log.indexOf('write events.jsonl');
    expect(writeAt).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('sync events.jsonl')).toBeGreaterThan(writeAt);
    expect(log.indexOf('close events.jsonl')).toBeGreaterThan(log.indexOf('sync events.jsonl'));
    expect(log).toContain('sync journal'); // the new file's directory entry is durable too
  });

  it('reads back from offsets, page by page', async () => {
    const j = createJournalFile(file, spyFs);
    const o1 = await j.append(['one', 'two']);
    await j.append(['three']);
    expect(await j.read(0, 1024)).toEqual({ lines: ['one', 'two', 'three'], nextOffset: o1 + 6, end: true });
    expect(await j.read(o1, 1024)).toEqual({ lines: ['three'], nextOffset: o1 + 6, end: true });
    const page = await j.read(0, 5);
    expect(page).toEqual({ lines: ['one'], nextOffset: 4, end: false });
  });

  it('reads a line longer than maxBytes whole', async () => {
    const j = createJournalFile(file, spyFs);
    await j.append(['x'.repeat(100)]);
    expect((await j.read(0, 10)).lines).toEqual(['x'.repeat(100)]);
  });

  it('an empty or missing journal reads as empty', async () => {
    const j = createJournalFile(file, spyFs);
    expect(await j.read(0, 10)).toEqual({ lines: [], nextOffset: 0, end: true });
  });

  it('refuses offsets that are not at a line start or beyond the end', async () => {
    const j = createJournalFile(file, spyFs);
    await j.append(['abc']);
    await expect(j.read(2, 10)).rejects.toBeInstanceOf(JournalOffsetError);
    await expect(j.read(99, 10)).rejects.toBeInstanceOf(JournalOffsetError);
  });

  it('hides a torn tail and cuts it off before the next append', async () => {
    const j = createJournalFile(file, spyFs);
    await j.append(['ok']);
    await fs.appendFile(file, '{"torn');
    expect(await j.read(0, 100)).toEqual({ lines: ['ok'], nextOffset: 3, end: true });
    const offset = await j.append(['next']);
    expect(await fs.readFile(file, 'utf8')).toBe('ok\nnext\n');
    expect(offset).toBe(8);
  });

  it('serializes concurrent appends', async () => {
    const j = createJournalFile(file, spyFs);
    const offsets = await Promise.all(Array.from({ length: 20 }, (_, i) => j.append([`line-${i}`])));
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    const { lines } = await j.read(0, 1 << 20);
    expect(lines).toEqual(Array.from({ length: 20 }, (_, i) => `line-${i}`));
  });
});

describe('journal file replace (#8 migration of a plaintext journal)', () => {
  it('writes the parts to a temp file, fsyncs it, then renames it over the journal and fsyncs the folder', async () => {
    const j = createJournalFile(file, spyFs);
    await j.append(['plain-1', 'plain-2']);
    log.length = 0;
    expect(await j.replace(['sealed-1'], true, false)).toBe(9);
    expect(await fs.readFile(file, 'utf8')).toBe('plain-1\nplain-2\n'); // untouched until the last part
    expect(await j.replace(['sealed-2'], false, true)).toBe(18);
    expect(await fs.readFile(file, 'utf8')).toBe('sealed-1\nsealed-2\n');
    const sync = log.lastIndexOf('sync events.jsonl.replace');
    const rename = log.indexOf('rename events.jsonl.replace events.jsonl');
    expect(sync).toBeGreaterThanOrEqual(0);
    expect(rename).toBeGreaterThan(sync);
    expect(log.lastIndexOf('sync journal')).toBeGreaterThan(rename);
    await expect(fs.access(`${file}.replace`)).rejects.toThrow();
    expect(await j.read(0, 1024)).toEqual({ lines: ['sealed-1', 'sealed-2'], nextOffset: 18, end: true });
    expect(await j.append(['next'])).toBe(23);
  });

  it('a crash before the last part leaves the old journal; the next first part starts the temp file over', async () => {
    const j = createJournalFile(file, spyFs);
    await j.append(['old']);
    await j.replace(['half-written'], true, false);
    // "Crash": a new process opens the same file with a fresh journal object.
    const after = createJournalFile(file, spyFs);
    expect((await after.read(0, 1024)).lines).toEqual(['old']);
    await expect(after.replace(['x'], false, true)).rejects.toBeInstanceOf(JournalReplaceError);
    await after.replace(['new'], true, true);
    expect(await fs.readFile(file, 'utf8')).toBe('new\n');
  });

  it('refuses to rename when an append came in during the replacement (that line would be lost)', async () => {
    const j = createJournalFile(file, spyFs);
    await j.append(['old']);
    await j.replace(['new'], true, false);
    await j.append(['saved meanwhile']);
    await expect(j.replace([], false, true)).rejects.toBeInstanceOf(JournalReplaceError);
    expect(await fs.readFile(file, 'utf8')).toBe('old\nsaved meanwhile\n');
  });
});
