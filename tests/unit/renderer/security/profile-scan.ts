/*
 * Reads a whole Chromium profile the way an attacker with a copied disk would (R6): every file raw,
 * LevelDB tables block by block with Snappy decompressed, LevelDB logs record by record (a value may
 * straddle 32 KiB blocks), and Chromium's own Snappy-compressed IndexedDB values (`FF 11 02` + raw
 * Snappy, idb_value_wrapping.cc) inflated wherever they appear. A raw grep alone gives false negatives.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const MAX_OUT = 256 * 1024 * 1024;

function varint(buf: Uint8Array, at: number): [number, number] | null {
  let result = 0;
  let shift = 0;
  for (let i = at; i < buf.length && shift <= 49; i++) {
    const b = buf[i] ?? 0;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, i + 1];
    shift += 7;
  }
  return null;
}

const le = (buf: Uint8Array, at: number, n: number): number => {
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + (buf[at + i] ?? 0);
  return v;
};

/** Raw (unframed) Snappy; null when the input is not a valid stream. */
export function snappyDecompress(input: Uint8Array, maxOut = MAX_OUT): Uint8Array | null {
  const head = varint(input, 0);
  if (!head || head[0] > maxOut) return null;
  const out = new Uint8Array(head[0]);
  let o = 0;
  let i = head[1];
  while (o < out.length) {
    if (i >= input.length) return null;
    const tag = input[i++] ?? 0;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >> 2;
      if (len >= 60) {
        const n = len - 59;
        len = le(input, i, n);
        i += n;
      }
      len += 1;
      if (i + len > input.length || o + len > out.length) return null;
      out.set(input.subarray(i, i + len), o);
      i += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | (input[i++] ?? 0);
    } else {
      const n = kind === 2 ? 2 : 4;
      len = (tag >> 2) + 1;
      offset = le(input, i, n);
      i += n;
    }
    if (offset === 0 || offset > o || o + len > out.length) return null;
    for (let k = 0; k < len; k++, o++) out[o] = out[o - offset] ?? 0;
  }
  return out;
}

type Handle = { offset: number; size: number };

function handleAt(buf: Uint8Array, at: number): [Handle, number] | null {
  const a = varint(buf, at);
  if (!a) return null;
  const b = varint(buf, a[1]);
  return b ? [{ offset: a[0], size: b[0] }, b[1]] : null;
}

function readBlock(file: Uint8Array, h: Handle): Uint8Array | null {
  if (h.offset + h.size + 5 > file.length) return null;
  const raw = file.subarray(h.offset, h.offset + h.size);
  const type = file[h.offset + h.size];
  if (type === 0) return raw;
  return type === 1 ? snappyDecompress(raw) : null;
}

/** Values (here: block handles) of a LevelDB block's entries. */
function blockValues(block: Uint8Array): Uint8Array[] {
  const restarts = le(block, block.length - 4, 4);
  const end = block.length - 4 - 4 * restarts;
  const values: Uint8Array[] = [];
  let at = 0;
  while (at < end) {
    const shared = varint(block, at);
    const nonShared = shared ? varint(block, shared[1]) : null;
    const valueLen = nonShared ? varint(block, nonShared[1]) : null;
    if (!nonShared || !valueLen) break;
    const valueAt = valueLen[1] + nonShared[0];
    values.push(block.subarray(valueAt, valueAt + valueLen[0]));
    at = valueAt + valueLen[0];
  }
  return values;
}

/** Every data block of an SSTable (.ldb), decompressed; null when the file is not a table. */
export function leveldbTableBlocks(file: Uint8Array): Uint8Array[] | null {
  if (file.length < 48) return null;
  const footer = file.length - 48;
  const meta = handleAt(file, footer);
  const index = meta && handleAt(file, meta[1]);
  const indexBlock = index && readBlock(file, index[0]);
  if (!indexBlock) return null;
  const blocks: Uint8Array[] = [];
  for (const v of blockValues(indexBlock)) {
    const h = handleAt(v, 0);
    const block = h && readBlock(file, h[0]);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** The records of a LevelDB write-ahead log (.log), fragments joined. */
export function leveldbLogRecords(file: Uint8Array): Uint8Array[] {
  const BLOCK = 32 * 1024;
  const records: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  for (let at = 0; at + 7 <= file.length;) {
    const left = BLOCK - (at % BLOCK);
    if (left < 7) {
      at += left;
      continue;
    }
    const len = le(file, at + 4, 2);
    const type = file[at + 6];
    const payload = file.subarray(at + 7, at + 7 + len);
    at += 7 + len;
    if (type === 0 && len === 0) continue;
    parts.push(payload);
    if (type === 1 || type === 4) {
      records.push(Buffer.concat(parts));
      parts = [];
    }
  }
  if (parts.length) records.push(Buffer.concat(parts));
  return records;
}

/** Inflates Chromium's compressed IndexedDB values (FF 11 02 + raw Snappy) found anywhere in `buf`. */
export function chromiumCompressedValues(buf: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let at = b.indexOf(MARK); at >= 0; at = b.indexOf(MARK, at + 1)) {
    const inflated = snappyDecompress(buf.subarray(at + 3));
    if (inflated && inflated.length > 0) out.push(inflated);
  }
  return out;
}
const MARK = Buffer.from([0xff, 0x11, 0x02]);

export type ScanHit = { canary: string; file: string; count: number };
export type ScanReport = { files: number; bytes: number; decodedBuffers: number; hits: ScanHit[] };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) return [];
    return s.isDirectory() ? walk(p) : s.isFile() ? [p] : [];
  });
}

/** Every readable view of one file: itself, its LevelDB blocks or records, inflated IDB values. */
function views(path: string, bytes: Uint8Array): Uint8Array[] {
  const first: Uint8Array[] = [bytes];
  if (path.endsWith('.ldb') || path.endsWith('.sst')) first.push(...(leveldbTableBlocks(bytes) ?? []));
  if (path.endsWith('.log') && !path.endsWith('LOG')) first.push(...leveldbLogRecords(bytes));
  return [...first, ...first.flatMap(chromiumCompressedValues)];
}

function count(hay: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

/** Counts every canary (as UTF-8 and as UTF-16LE, V8's two string encodings) in every view of every file. */
export function scanProfile(dir: string, canaries: Readonly<Record<string, string>>): ScanReport {
  const needles = Object.entries(canaries).flatMap(([name, text]) => [
    { name, bytes: Buffer.from(text, 'utf8') },
    { name, bytes: Buffer.from(text, 'utf16le') },
  ]);
  const hits: ScanHit[] = [];
  let bytes = 0;
  let decodedBuffers = 0;
  const files = walk(dir);
  for (const path of files) {
    const raw = readFileSync(path);
    bytes += raw.length;
    const all = views(path, raw);
    decodedBuffers += all.length - 1;
    for (const { name, bytes: needle } of needles) {
      const n = all.reduce(
        (sum, v) => sum + count(Buffer.from(v.buffer, v.byteOffset, v.byteLength), needle),
        0,
      );
      if (n > 0) hits.push({ canary: name, file: relative(dir, path), count: n });
    }
  }
  return { files: files.length, bytes, decodedBuffers, hits };
}
