/*
 * Content-addressed blob files: `<dir>/<aa>/<sha256>` when complete, `.part` while uploading. A chunk is
 * written at its offset after truncating anything past it (bytes a crash left beyond the recorded
 * offset), then fsynced before the database records the new offset.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export const blobPath = (dir: string, sha: string): string => join(dir, sha.slice(0, 2), sha);
const partPath = (dir: string, sha: string): string => `${blobPath(dir, sha)}.part`;

/** Appends `chunk` at `offset` durably; returns the new length. */
export async function writeChunk(
  dir: string,
  sha: string,
  offset: number,
  chunk: Uint8Array,
): Promise<number> {
  await mkdir(join(dir, sha.slice(0, 2)), { recursive: true });
  const fh = await open(partPath(dir, sha), 'a+');
  try {
    await fh.truncate(offset);
    await fh.write(chunk, 0, chunk.length, offset);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return offset + chunk.length;
}

/** Hashes the finished part file; on a match it becomes the blob, otherwise it is deleted. */
export async function finishUpload(dir: string, sha: string): Promise<boolean> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(partPath(dir, sha))) hash.update(piece as Buffer);
  if (hash.digest('hex') !== sha) {
    await rm(partPath(dir, sha), { force: true });
    return false;
  }
  await rename(partPath(dir, sha), blobPath(dir, sha));
  return true;
}

export async function discardUpload(dir: string, sha: string): Promise<void> {
  await rm(partPath(dir, sha), { force: true });
}

/** A stream over [start, end] of a complete blob, or null when the file is missing. */
export async function readBlob(
  dir: string,
  sha: string,
  start: number,
  end: number,
): Promise<Readable | null> {
  const p = blobPath(dir, sha);
  const exists = await stat(p).then(
    () => true,
    () => false,
  );
  return exists ? createReadStream(p, { start, end }) : null;
}

/** Serializes uploads of the same blob within this process. */
export function createKeyedMutex(): <T>(key: string, fn: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const prev = tails.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
