/*
 * Test fixture maker: an EXIF APP1 segment (big-endian TIFF: make, model, DateTimeOriginal, GPS) to put
 * into a JPEG, so tests can check what the app reads and strips. Writes only the tags it is given.
 */
export type ExifInput = {
  make?: string;
  model?: string;
  takenAt?: string;
  gps?: { lat: number; lng: number };
};

type Tag = { tag: number; type: number; count: number; data: Uint8Array };

const ascii = (tag: number, s: string): Tag => {
  const data = new TextEncoder().encode(`${s}\0`);
  return { tag, type: 2, count: data.length, data };
};
const long = (tag: number, v: number): Tag => {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, v, false);
  return { tag, type: 4, count: 1, data };
};
const dms = (tag: number, deg: number): Tag => {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  const data = new Uint8Array(24);
  const v = new DataView(data.buffer);
  [d, 1, m, 1, s, 100].forEach((x, i) => {
    v.setUint32(i * 4, x, false);
  });
  return { tag, type: 5, count: 3, data };
};

/** Lays out one IFD at `offset` (TIFF-relative); returns its bytes (entries then out-of-line data). */
function ifd(tags: Tag[], offset: number, patch?: (tag: number) => number | undefined): Uint8Array {
  const head = 2 + tags.length * 12 + 4;
  const extra = tags.reduce((a, t) => a + (t.data.length > 4 ? t.data.length + (t.data.length % 2) : 0), 0);
  const out = new Uint8Array(head + extra);
  const v = new DataView(out.buffer);
  v.setUint16(0, tags.length, false);
  let data = head;
  tags.forEach((t, i) => {
    const e = 2 + i * 12;
    v.setUint16(e, t.tag, false);
    v.setUint16(e + 2, t.type, false);
    v.setUint32(e + 4, t.count, false);
    const pointer = patch?.(t.tag);
    if (pointer !== undefined) v.setUint32(e + 8, pointer, false);
    else if (t.data.length <= 4) out.set(t.data, e + 8);
    else {
      v.setUint32(e + 8, offset + data, false);
      out.set(t.data, data);
      data += t.data.length + (t.data.length % 2);
    }
  });
  return out;
}

export function exifSegment(x: ExifInput): Uint8Array {
  const ifd0: Tag[] = [];
  if (x.make) ifd0.push(ascii(0x010f, x.make));
  if (x.model) ifd0.push(ascii(0x0110, x.model));
  if (x.takenAt) ifd0.push(long(0x8769, 0));
  if (x.gps) ifd0.push(long(0x8825, 0));
  ifd0.sort((a, b) => a.tag - b.tag);
  const size0 = ifd(ifd0, 8).length;
  const exifAt = 8 + size0;
  const exifIfd = x.takenAt ? ifd([ascii(0x9003, x.takenAt)], exifAt) : new Uint8Array();
  const gpsAt = exifAt + exifIfd.length;
  const gpsIfd = x.gps
    ? ifd(
        [
          ascii(1, x.gps.lat < 0 ? 'S' : 'N'),
          dms(2, x.gps.lat),
          ascii(3, x.gps.lng < 0 ? 'W' : 'E'),
          dms(4, x.gps.lng),
        ],
        gpsAt,
      )
    : new Uint8Array();
  const first = ifd(ifd0, 8, (tag) => (tag === 0x8769 ? exifAt : tag === 0x8825 ? gpsAt : undefined));
  const tiff = new Uint8Array(8 + first.length + exifIfd.length + gpsIfd.length);
  tiff.set([0x4d, 0x4d, 0, 42, 0, 0, 0, 8]);
  tiff.set(first, 8);
  tiff.set(exifIfd, exifAt);
  tiff.set(gpsIfd, gpsAt);
  const seg = new Uint8Array(10 + tiff.length);
  const len = seg.length - 2;
  seg.set([0xff, 0xe1, len >> 8, len & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]);
  seg.set(tiff, 10);
  return seg;
}

/** The JPEG with an EXIF segment inserted right after SOI. */
export function withExif(jpeg: Uint8Array, x: ExifInput): Uint8Array<ArrayBuffer> {
  const seg = exifSegment(x);
  const out = new Uint8Array(jpeg.length + seg.length);
  out.set(jpeg.subarray(0, 2));
  out.set(seg, 2);
  out.set(jpeg.subarray(2), 2 + seg.length);
  return out;
}

/** A tiny structurally valid JPEG header + fake scan, enough for parsers (not for decoders). */
export const FAKE_JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x00, 0x00, 0xff, 0xda, 0x00, 0x02, 1, 2, 3, 0xff, 0xd9,
]);

/** A minimal one-page PDF. */
export const MINIMAL_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
