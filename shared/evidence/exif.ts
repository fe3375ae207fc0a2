/*
 * A small, bounded EXIF reader for JPEG (the camera make/model, when the photo was taken, orientation
 * and GPS position), so the clerk sees what a photo reveals before it is used; and a metadata stripper
 * for copies that leave the device. Hostile files: every offset is bounds-checked, loops are capped,
 * and nothing throws (a malformed block reads as "no EXIF"). HEIC/PNG metadata is not read.
 */

export type ExifSummary = {
  make?: string;
  model?: string;
  software?: string;
  /** As the camera wrote it ("YYYY:MM:DD HH:MM:SS", camera local time, no zone). */
  takenAt?: string;
  orientation?: number;
  gps?: { lat: number; lng: number };
};

type Tiff = { view: DataView; base: number; le: boolean };
type Raw = { type: number; count: number; at: number };

const MAX_ENTRIES = 400;
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

function entries(t: Tiff, ifd: number): Map<number, Raw> {
  const out = new Map<number, Raw>();
  const start = t.base + ifd;
  if (ifd <= 0 || start + 2 > t.view.byteLength) return out;
  const n = Math.min(t.view.getUint16(start, t.le), MAX_ENTRIES);
  for (let i = 0; i < n; i++) {
    const e = start + 2 + i * 12;
    if (e + 12 > t.view.byteLength) break;
    const type = t.view.getUint16(e + 2, t.le);
    const count = t.view.getUint32(e + 4, t.le);
    const size = (TYPE_SIZES[type] ?? 0) * count;
    const at = size <= 4 ? e + 8 : t.base + t.view.getUint32(e + 8, t.le);
    if (size > 0 && at + size <= t.view.byteLength) out.set(t.view.getUint16(e, t.le), { type, count, at });
  }
  return out;
}

type Entry = Raw | undefined;

function text(t: Tiff, e: Entry): string | undefined {
  if (e?.type !== 2) return undefined;
  const bytes = new Uint8Array(t.view.buffer, t.view.byteOffset + e.at, Math.min(e.count, 200));
  const s = new TextDecoder().decode(bytes).replace(/\0+$/, '').trim();
  return s === '' ? undefined : s;
}

function uint(t: Tiff, e: Entry): number | undefined {
  if (e?.type === 3) return t.view.getUint16(e.at, t.le);
  if (e?.type === 4) return t.view.getUint32(e.at, t.le);
  return undefined;
}

function degrees(t: Tiff, e: Entry): number | undefined {
  if (e?.type !== 5 || e.count < 3) return undefined;
  const r = (i: number) => {
    const den = t.view.getUint32(e.at + i * 8 + 4, t.le);
    return den === 0 ? 0 : t.view.getUint32(e.at + i * 8, t.le) / den;
  };
  return r(0) + r(1) / 60 + r(2) / 3600;
}

function gps(t: Tiff, ifd: number | undefined): ExifSummary['gps'] {
  if (ifd === undefined) return undefined;
  const g = entries(t, ifd);
  const lat = degrees(t, g.get(2));
  const lng = degrees(t, g.get(4));
  if (lat === undefined || lng === undefined) return undefined;
  const sign = (ref: string | undefined, neg: string) => (ref === neg ? -1 : 1);
  return { lat: lat * sign(text(t, g.get(1)), 'S'), lng: lng * sign(text(t, g.get(3)), 'W') };
}

function readTiff(t: Tiff): ExifSummary {
  const ifd0 = entries(t, t.view.getUint32(t.base + 4, t.le));
  const exifPtr = uint(t, ifd0.get(0x8769));
  const exif = exifPtr === undefined ? new Map<number, Raw>() : entries(t, exifPtr);
  const out: ExifSummary = {};
  const make = text(t, ifd0.get(0x010f));
  const model = text(t, ifd0.get(0x0110));
  const software = text(t, ifd0.get(0x0131));
  const takenAt = text(t, exif.get(0x9003)) ?? text(t, ifd0.get(0x0132));
  const orientation = uint(t, ifd0.get(0x0112));
  const position = gps(t, uint(t, ifd0.get(0x8825)));
  // Only the fields present: the summary is shown as a list and absent lines are left out.
  if (make !== undefined) out.make = make;
  if (model !== undefined) out.model = model;
  if (software !== undefined) out.software = software;
  if (takenAt !== undefined) out.takenAt = takenAt;
  if (orientation !== undefined) out.orientation = orientation;
  if (position !== undefined) out.gps = position;
  return out;
}

/** Segments of a JPEG before the image data: [marker, start, end) for each. */
function* segments(b: Uint8Array): Generator<{ marker: number; start: number; end: number }> {
  let at = 2;
  for (let i = 0; i < 500 && at + 4 <= b.length && b[at] === 0xff; i++) {
    const marker = b[at + 1] ?? 0;
    if (marker === 0xda || marker === 0xd9) return;
    const len = ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0);
    if (len < 2 || at + 2 + len > b.length) return;
    yield { marker, start: at, end: at + 2 + len };
    at += 2 + len;
  }
}

/** EXIF of a JPEG's first bytes (the first 128 KiB are enough), or null when there is none. */
export function readExif(jpeg: Uint8Array): ExifSummary | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  try {
    for (const s of segments(jpeg)) {
      if (s.marker !== 0xe1 || String.fromCharCode(...jpeg.subarray(s.start + 4, s.start + 8)) !== 'Exif')
        continue;
      const view = new DataView(jpeg.buffer, jpeg.byteOffset + s.start + 10, s.end - s.start - 10);
      const order = view.getUint16(0, false);
      if (order !== 0x4949 && order !== 0x4d4d) return null;
      return readTiff({ view, base: 0, le: order === 0x4949 });
    }
  } catch {
    return null;
  }
  return null;
}

/** A copy of a JPEG without APP1–APP15 and comment segments (EXIF, GPS, XMP, maker notes). */
export function stripJpegMetadata(jpeg: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
  const keep: Uint8Array[] = [jpeg.subarray(0, 2)];
  let end = 2;
  for (const s of segments(jpeg)) {
    const meta = (s.marker >= 0xe1 && s.marker <= 0xef) || s.marker === 0xfe;
    if (!meta) keep.push(jpeg.subarray(s.start, s.end));
    end = s.end;
  }
  keep.push(jpeg.subarray(end));
  const out = new Uint8Array(keep.reduce((a, k) => a + k.length, 0));
  let at = 0;
  for (const k of keep) {
    out.set(k, at);
    at += k.length;
  }
  return out;
}
