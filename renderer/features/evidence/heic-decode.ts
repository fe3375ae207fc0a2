/*
 * HEIC/HEIF photos decoded with libheif (libheif-js, an Emscripten build; the wasm is embedded in the
 * module). Loaded only when a HEIC arrives — derive-core imports this file dynamically, so neither the
 * main bundle nor the worker's first chunk carries the 2 MB decoder. The wasm is compiled synchronously,
 * which is fine inside the derive worker; the CSP must allow 'wasm-unsafe-eval' (electron/csp.ts).
 */
import type { LibHeif } from 'libheif-js/libheif-wasm/libheif-bundle.mjs';

export type DecodedRgba = { width: number; height: number; data: Uint8ClampedArray<ArrayBuffer> };
export type HeicDecoded =
  | { ok: true; image: DecodedRgba }
  /** `unavailable`: the decoder itself could not load (not the file's fault). */
  | { ok: false; message: string; unavailable?: true };

/** Cap on decoded pixels (a 100 MP photo): larger claims are refused instead of exhausting memory. */
export const MAX_HEIC_PIXELS = 100_000_000;
export const HEIC_CORRUPT_MESSAGE = 'HEIC 图片已损坏或无法解码，不能导入';

let lib: Promise<LibHeif> | null = null;
function loadLibheif(): Promise<LibHeif> {
  lib ??= import('libheif-js/libheif-wasm/libheif-bundle.mjs').then((m) => m.default());
  return lib;
}

/** Decodes the primary (first) image of a HEIC/HEIF file to RGBA pixels. */
export async function decodeHeic(bytes: Uint8Array): Promise<HeicDecoded> {
  let heif: LibHeif;
  try {
    heif = await loadLibheif();
  } catch (e) {
    lib = null;
    return {
      ok: false,
      message: `HEIC 解码器无法加载：${e instanceof Error ? e.message : String(e)}`,
      unavailable: true,
    };
  }
  let images: ReturnType<InstanceType<LibHeif['HeifDecoder']>['decode']>;
  try {
    images = new heif.HeifDecoder().decode(bytes);
  } catch {
    return { ok: false, message: HEIC_CORRUPT_MESSAGE };
  }
  try {
    const first = images[0];
    if (!first) return { ok: false, message: HEIC_CORRUPT_MESSAGE };
    const width = first.get_width();
    const height = first.get_height();
    if (width < 1 || height < 1) return { ok: false, message: HEIC_CORRUPT_MESSAGE };
    if (width * height > MAX_HEIC_PIXELS)
      return { ok: false, message: `HEIC 图片过大（${String(width)}×${String(height)}），无法生成缩略图` };
    const target = { data: new Uint8ClampedArray(width * height * 4), width, height };
    const shown = await new Promise<DecodedRgba | null>((resolve) => {
      try {
        first.display(target, (shown) => {
          resolve(shown ? target : null);
        });
      } catch {
        resolve(null);
      }
    });
    return shown ? { ok: true, image: shown } : { ok: false, message: HEIC_CORRUPT_MESSAGE };
  } finally {
    for (const img of images) img.free();
  }
}
