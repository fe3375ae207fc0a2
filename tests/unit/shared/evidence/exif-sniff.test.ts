import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExif, stripJpegMetadata } from '#shared/evidence/exif';
import { checkFileType, sniffType } from '#shared/evidence/sniff';
import { FAKE_JPEG, MINIMAL_PDF, withExif } from '../../../tools/jpeg-exif';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const HEIC = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]);

describe('file type sniffing', () => {
  it('knows JPEG, PNG, PDF and HEIC by their first bytes', () => {
    expect(sniffType(FAKE_JPEG)).toBe('image/jpeg');
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(MINIMAL_PDF)).toBe('application/pdf');
    expect(sniffType(HEIC)).toBe('image/heic');
    expect(sniffType(new TextEncoder().encode('hello world'))).toBeNull();
  });

  it('refuses a file that is not what its extension says, with a Chinese message', () => {
    const r = checkFileType('欠条.jpg', MINIMAL_PDF);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('type_mismatch');
    expect(!r.ok && r.error.message).toContain('PDF');
    expect(checkFileType('scan.txt', PNG).ok).toBe(false);
    const junk = checkFileType('photo.png', new TextEncoder().encode('not an image'));
    expect(!junk.ok && junk.error.code).toBe('unsupported_type');
    expect(checkFileType('扫描件.PDF', MINIMAL_PDF)).toEqual({ ok: true, value: 'application/pdf' });
    expect(checkFileType('no-extension', FAKE_JPEG)).toEqual({ ok: true, value: 'image/jpeg' });
  });
});

describe('EXIF', () => {
  const photo = withExif(FAKE_JPEG, {
    make: 'HUAWEI',
    model: 'P40',
    takenAt: '2026:11:20 14:03:11',
    gps: { lat: 31.0358, lng: -112.2044 },
  });

  it('reads make, model, time taken and GPS position', () => {
    const x = readExif(photo);
    expect(x).toMatchObject({ make: 'HUAWEI', model: 'P40', takenAt: '2026:11:20 14:03:11' });
    expect(x?.gps?.lat).toBeCloseTo(31.0358, 3);
    expect(x?.gps?.lng).toBeCloseTo(-112.2044, 3);
  });

  it('strips every metadata segment and keeps the image data', () => {
    const stripped = stripJpegMetadata(photo);
    expect(readExif(stripped)).toBeNull();
    expect(stripped).toEqual(FAKE_JPEG);
    expect(new TextDecoder().decode(stripped)).not.toContain('HUAWEI');
  });

  it('never throws on garbage or truncated files', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat({ max: 400 }), (junk, cut) => {
        const mixed = new Uint8Array([...photo.subarray(0, cut), ...junk]);
        expect(() => readExif(mixed)).not.toThrow();
        expect(() => stripJpegMetadata(mixed)).not.toThrow();
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
