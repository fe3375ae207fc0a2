/*
 * Thumbnail and display copy of a photo: decoded with the EXIF orientation applied, scaled, and
 * re-encoded as JPEG on an OffscreenCanvas. Re-encoding writes no metadata, so the copies carry no EXIF
 * or GPS. Used inside the worker (derive-worker.ts) and, where workers are missing, on the main thread.
 * HEIC/HEIF, which browsers cannot decode, goes through libheif (heic-decode.ts), loaded on first use.
 */

import type { HeicDecoded } from './heic-decode';

export const DERIVED_SIZES = { thumb: 240, display: 1600 } as const;

export type DerivedResult =
  | {
      ok: true;
      width: number;
      height: number;
      copies: { kind: keyof typeof DERIVED_SIZES; bytes: Uint8Array; mime: string }[];
    }
  | { ok: false; message: string };

/** Size of a derived copy: the longer side at most DERIVED_SIZES[kind], never enlarged. */
export function scaledSize(
  width: number,
  height: number,
  kind: keyof typeof DERIVED_SIZES,
): { w: number; h: number } {
  const scale = Math.min(1, DERIVED_SIZES[kind] / Math.max(width, height));
  return { w: Math.max(1, Math.round(width * scale)), h: Math.max(1, Math.round(height * scale)) };
}

/** True for the HEIC/HEIF family (the sniffed mime is image/heic; image/heif accepted too). */
export const isHeic = (mime: string | undefined): boolean => mime === 'image/heic' || mime === 'image/heif';

/**
 * The decoder not loading (web mode offline: its chunk is fetched on first use) is not the file's fault,
 * so the photo is then kept without copies, as before HEIC decoding existed, and shows "no preview".
 */
async function heicBitmap(
  blob: Blob,
): Promise<{ ok: true; bitmap: ImageBitmap | null } | { ok: false; message: string }> {
  let decoded: HeicDecoded;
  try {
    const { decodeHeic } = await import('./heic-decode');
    decoded = await decodeHeic(new Uint8Array(await blob.arrayBuffer()));
  } catch {
    return { ok: true, bitmap: null };
  }
  if (!decoded.ok) return decoded.unavailable ? { ok: true, bitmap: null } : decoded;
  const { data, width, height } = decoded.image;
  try {
    // libheif has already applied the HEIF rotation/mirror properties to the pixels.
    return { ok: true, bitmap: await createImageBitmap(new ImageData(data, width, height)) };
  } catch {
    return { ok: false, message: 'HEIC 图片已损坏或无法解码，不能导入' };
  }
}

export async function renderCopies(blob: Blob, mime?: string): Promise<DerivedResult> {
  let bitmap: ImageBitmap;
  if (isHeic(mime)) {
    const r = await heicBitmap(blob);
    if (!r.ok) return r;
    if (r.bitmap === null) return { ok: true, width: 0, height: 0, copies: [] };
    bitmap = r.bitmap;
  } else {
    try {
      bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    } catch {
      return { ok: false, message: '图片已损坏或无法解码，不能导入' };
    }
  }
  try {
    const copies: Extract<DerivedResult, { ok: true }>['copies'] = [];
    for (const kind of ['thumb', 'display'] as const) {
      const { w, h } = scaledSize(bitmap.width, bitmap.height, kind);
      const canvas = new OffscreenCanvas(w, h);
      const g = canvas.getContext('2d');
      if (!g) return { ok: false, message: '无法生成缩略图（画布不可用）' };
      g.drawImage(bitmap, 0, 0, w, h);
      const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      copies.push({ kind, bytes: new Uint8Array(await out.arrayBuffer()), mime: 'image/jpeg' });
    }
    return { ok: true, width: bitmap.width, height: bitmap.height, copies };
  } catch (e) {
    return { ok: false, message: `无法生成缩略图：${e instanceof Error ? e.message : String(e)}` };
  } finally {
    bitmap.close();
  }
}
