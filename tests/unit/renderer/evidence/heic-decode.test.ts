/*
 * HEIC (#5): libheif decodes the committed fixture (a 64×48 gradient, encoded with heif-enc from
 * libheif-examples) to RGBA, and the thumbnail/display sizes follow from its dimensions. The canvas
 * re-encode itself runs in the browser (OffscreenCanvas), covered by the e2e evidence spec.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFileType } from '#shared/evidence/sniff';
import { isHeic, scaledSize } from '../../../../renderer/features/evidence/derive-core';
import { decodeHeic, HEIC_CORRUPT_MESSAGE } from '../../../../renderer/features/evidence/heic-decode';

const fixture = new Uint8Array(
  readFileSync(path.join(import.meta.dirname, '../../../fixtures/evidence/photo-64x48.heic')),
);

describe('HEIC decoding', () => {
  it('is recognised as image/heic by its magic bytes', () => {
    expect(checkFileType('IMG_0001.HEIC', fixture.subarray(0, 16))).toEqual({
      ok: true,
      value: 'image/heic',
    });
    expect(isHeic('image/heic')).toBe(true);
    expect(isHeic('image/jpeg')).toBe(false);
  });

  it('decodes the fixture to 64×48 RGBA pixels with the picture in them', async () => {
    const r = await decodeHeic(fixture);
    if (!r.ok) throw new Error(r.message);
    expect([r.image.width, r.image.height]).toEqual([64, 48]);
    expect(r.image.data.length).toBe(64 * 48 * 4);
    // The left half was encoded blue-ish (B=200), the right half not (B=40): lossy, so compare halves.
    const blueAt = (x: number, y: number) => r.image.data[(y * 64 + x) * 4 + 2] ?? -1;
    expect(blueAt(8, 24)).toBeGreaterThan(150);
    expect(blueAt(56, 24)).toBeLessThan(90);
    expect(r.image.data[3]).toBe(255);
  });

  it('gives the thumbnail and display copy sizes for the decoded photo', async () => {
    const r = await decodeHeic(fixture);
    if (!r.ok) throw new Error(r.message);
    // Smaller than both limits: never enlarged.
    expect(scaledSize(r.image.width, r.image.height, 'thumb')).toEqual({ w: 64, h: 48 });
    expect(scaledSize(r.image.width, r.image.height, 'display')).toEqual({ w: 64, h: 48 });
    // A 4032×3024 iPhone photo: longer side scaled to the limit.
    expect(scaledSize(4032, 3024, 'thumb')).toEqual({ w: 240, h: 180 });
    expect(scaledSize(4032, 3024, 'display')).toEqual({ w: 1600, h: 1200 });
  });

  it('refuses a corrupt HEIC with a clear message', async () => {
    const truncated = fixture.slice(0, Math.floor(fixture.length / 2));
    expect(await decodeHeic(truncated)).toEqual({ ok: false, message: HEIC_CORRUPT_MESSAGE });
    const garbage = new Uint8Array(fixture);
    garbage.fill(0x5a, 40);
    expect(await decodeHeic(garbage)).toEqual({ ok: false, message: HEIC_CORRUPT_MESSAGE });
  });
});
