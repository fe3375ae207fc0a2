/* The scanner itself must be trusted before its "0 canaries" means anything. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCompressedValues, leveldbLogRecords, scanProfile, snappyDecompress } from './profile-scan';

// "abcabcabcabcX": literal "abc", copy (len 9, offset 3), literal "X".
const SNAPPY = Uint8Array.from([13, 8, 97, 98, 99, 21, 3, 0, 88]);

describe('profile scan', () => {
  it('decompresses raw snappy with overlapping copies and rejects broken streams', () => {
    expect(Buffer.from(snappyDecompress(SNAPPY) ?? []).toString()).toBe('abcabcabcabcX');
    expect(snappyDecompress(Uint8Array.from([13, 8, 97, 98, 99, 21, 9, 0, 88]))).toBeNull(); // offset too far
    expect(snappyDecompress(Uint8Array.from([13, 8, 97]))).toBeNull(); // truncated
  });

  it('joins log records that straddle 32 KiB blocks', () => {
    const payload = Buffer.alloc(40_000, 0x41);
    payload.write('CANARYNOTE', 32_760);
    const first = 32 * 1024 - 7;
    const header = (len: number, type: number) => Buffer.from([0, 0, 0, 0, len & 0xff, len >> 8, type]);
    const log = Buffer.concat([
      header(first, 2),
      payload.subarray(0, first),
      header(payload.length - first, 4),
      payload.subarray(first),
    ]);
    const records = leveldbLogRecords(log);
    expect(records).toHaveLength(1);
    expect(Buffer.from(records[0] ?? []).includes('CANARYNOTE')).toBe(true);
    expect(log.includes('CANARYNOTE')).toBe(false); // the raw grep misses it
  });

  it('inflates Chromium-compressed IndexedDB values and finds UTF-16 canaries in them', () => {
    const value = Buffer.concat([Buffer.from([0x05, 0xff, 0x11, 0x02]), SNAPPY]);
    expect(chromiumCompressedValues(value).map((v) => Buffer.from(v).toString())).toEqual(['abcabcabcabcX']);
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    try {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'value.bin'), value);
      writeFileSync(join(dir, 'two-byte.bin'), Buffer.from('x金丝雀x', 'utf16le'));
      const report = scanProfile(dir, { compressed: 'abcabcabcabc', name: '金丝雀', absent: 'nowhere' });
      expect(report.files).toBe(2);
      expect(report.hits.map((h) => h.canary).sort()).toEqual(['compressed', 'name']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
