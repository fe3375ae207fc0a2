/*
 * Thumbnail and display copy of a photo: decoded with the EXIF orientation applied, scaled, and
 * re-encoded as JPEG on an OffscreenCanvas. Re-encoding writes no metadata, so the copies carry no EXIF
 * or GPS. Used inside the worker (derive-worker.ts) and, where workers are missing, on the main thread.
 */

export const DERIVED_SIZES = { thumb: 240, display: 1600 } as const;

export type DerivedResult =
  | {
      ok: true;
      width: number;
      height: number;
      copies: { kind: keyof typeof DERIVED_SIZES; bytes: Uint8Array; mime: string }[];
    }
  | { ok: false; message: string };

export async function renderCopies(blob: Blob): Promise<DerivedResult> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, message: '图片已损坏或无法解码，不能导入' };
  }
  try {
    const copies: Extract<DerivedResult, { ok: true }>['copies'] = [];
    for (const kind of ['thumb', 'display'] as const) {
      const scale = Math.min(1, DERIVED_SIZES[kind] / Math.max(bitmap.width, bitmap.height));
      const w = Math.max(1, Math.round(bitmap.width * scale));
      const h = Math.max(1, Math.round(bitmap.height * scale));
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
