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
};

export type JournalFile = {
  /** Appends whole lines; resolves with the durable end offset. */
  append(lines: readonly string[]): Promise<number>;
  read(fromOffset: number, maxBytes: number): Promise<IpcOutput<'journal:read'>>;
};

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
    append: (lines) => {
      const next = queue.then(() => appendNow(lines));
      queue = next.catch(() => undefined);
      return next;
    },
    read: (fromOffset, maxBytes) => {
      const next = queue.then(() => readNow(fromOffset, maxBytes));
      queue = next.catch(() => undefined);
      return next;
    },
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
