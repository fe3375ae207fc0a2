/*
 * The durable event journal in the user-data folder (architecture.md "Durability on the laptop"). An
 * append resolves only after the bytes are fsynced, so a save shown as saved survives a power cut.
 * Appends are serialized; a torn tail left by a crash mid-append (never acknowledged) is cut off before
 * the next append, and never returned by `read`.
 */
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { IpcOutput } from '#shared/ipc/contract';

/** The file-system calls the journal makes (node:fs/promises; a spy in tests). */
export type JournalFs = {
  open(file: string, flags: string): Promise<FileHandle>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  rename(from: string, to: string): Promise<void>;
};

export type JournalFile = {
  /** Appends whole lines; resolves with the durable end offset. */
  append(lines: readonly string[]): Promise<number>;
  read(fromOffset: number, maxBytes: number): Promise<IpcOutput<'journal:read'>>;
  /**
   * One part of a replacement (the #8 migration rewrites the plaintext journal sealed): `first` starts
   * a fresh `<file>.replace` temp file, each part appends to it, `last` fsyncs it and renames it over
   * the journal (then fsyncs the folder). Before `last` the journal is untouched, so a crash loses
   * nothing; an append that arrives while a replacement is open makes `last` refuse (its line would
   * be lost). Resolves with the bytes written to the replacement.
   */
  replace(lines: readonly string[], first: boolean, last: boolean): Promise<number>;
};

/** A replacement part out of order, or one the journal moved under; the IPC guard answers invalid_input. */
export class JournalReplaceError extends Error {}

const newline = 0x0a;
const chunk = 64 * 1024;

/** Where the last complete line ends (0 when there is none), scanning backwards in chunks. */
async function lastLineEnd(fh: FileHandle, size: number): Promise<number> {
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk);
    const buf = Buffer.alloc(end - start);
    await fh.read(buf, 0, buf.length, start);
    const at = buf.lastIndexOf(newline);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}

async function fsyncDir(fs: JournalFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows
  const dh = await fs.open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

/** A journal stored in `file`; the folder is created on first append. */
export function createJournalFile(file: string, fs: JournalFs): JournalFile {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job);
    queue = next.catch(() => undefined);
    return next;
  };
  const tmpFile = `${file}.replace`;
  /** The replacement being written, and whether an append came in meanwhile. */
  let replacing: { appended: boolean } | null = null;

  const replaceNow = async (lines: readonly string[], first: boolean, last: boolean): Promise<number> => {
    if (first) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      replacing = { appended: false };
    } else if (!replacing) {
      throw new JournalReplaceError('没有进行中的日志替换 (no journal replacement in progress: send first)');
    }
    const fh = await fs.open(tmpFile, first ? 'w' : 'a');
    let size: number;
    try {
      if (lines.length > 0) {
        const data = Buffer.from(lines.join('\n') + '\n', 'utf8');
        await fh.write(data, 0, data.length, null);
      }
      if (last) await fh.sync();
      size = (await fh.stat()).size;
    } finally {
      await fh.close();
    }
    if (last) {
      const moved = replacing.appended;
      replacing = null;
      if (moved)
        throw new JournalReplaceError(
          '替换期间日志有新记录，已放弃替换 (the journal was appended to during the replacement: not replaced)',
        );
      await fs.rename(tmpFile, file);
      await fsyncDir(fs, path.dirname(file));
    }
    return size;
  };

  const appendNow = async (lines: readonly string[]): Promise<number> => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const fh = await fs.open(file, 'a+');
    try {
      const size = (await fh.stat()).size;
      const safeEnd = await lastLineEnd(fh, size);
      if (safeEnd < size) await fh.truncate(safeEnd);
      const data = Buffer.from(lines.join('\n') + '\n', 'utf8');
      await fh.write(data, 0, data.length, null);
      await fh.sync();
      if (size === 0) await fsyncDir(fs, path.dirname(file));
      if (replacing) replacing.appended = true;
      return safeEnd + data.length;
    } finally {
      await fh.close();
    }
  };

  const readNow = async (fromOffset: number, maxBytes: number): Promise<IpcOutput<'journal:read'>> => {
    let fh: FileHandle;
    try {
      fh = await fs.open(file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && fromOffset === 0) {
        return { lines: [], nextOffset: 0, end: true };
      }
      throw e;
    }
    try {
      return await readLines(fh, fromOffset, maxBytes);
    } finally {
      await fh.close();
    }
  };

  return {
    append: (lines) => serial(() => appendNow(lines)),
    read: (fromOffset, maxBytes) => serial(() => readNow(fromOffset, maxBytes)),
    replace: (lines, first, last) => serial(() => replaceNow(lines, first, last)),
  };
}

/** Thrown for an offset that is not at a line start; the IPC guard turns it into an error result. */
export class JournalOffsetError extends Error {}

async function readLines(fh: FileHandle, from: number, maxBytes: number): Promise<IpcOutput<'journal:read'>> {
  const size = (await fh.stat()).size;
  if (from > size) throw new JournalOffsetError(`偏移量超出日志末尾 (offset ${from} beyond end ${size})`);
  if (from > 0) {
    const prev = Buffer.alloc(1);
    await fh.read(prev, 0, 1, from - 1);
    if (prev[0] !== newline)
      throw new JournalOffsetError(`偏移量不在行首 (offset ${from} is not a line start)`);
  }
  // Read at least up to one whole line, even when it is longer than maxBytes.
  let want = Math.min(maxBytes, size - from);
  let buf = Buffer.alloc(0);
  let cut = -1;
  while (want > 0) {
    buf = Buffer.alloc(want);
    await fh.read(buf, 0, want, from);
    cut = buf.lastIndexOf(newline);
    if (cut >= 0 || from + want >= size) break;
    want = Math.min(want * 2, size - from);
  }
  if (cut < 0) return { lines: [], nextOffset: from, end: true };
  const text = buf.subarray(0, cut).toString('utf8');
  const nextOffset = from + cut + 1;
  const end = (await lastLineEnd(fh, size)) <= nextOffset;
  return { lines: text.split('\n'), nextOffset, end };
}
