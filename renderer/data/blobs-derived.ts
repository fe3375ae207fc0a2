/*
 * Derived copies of an evidence file (thumbnail for lists, display-size copy for the viewer), made once
 * at import and stored beside the original as one sealed chunk under `<kind>:<sha256>`. They are
 * re-encoded images, so they carry no EXIF; the original is never altered.
 */
import type { DataContext } from './event-store';
import { chunkTable } from './blobs';

export type DerivedKind = 'thumb' | 'display';
export type DerivedCopy = { kind: DerivedKind; bytes: Uint8Array; mime: string };

const keyOf = (kind: DerivedKind, sha256: string) => `${kind}:${sha256}`;

/** Stores derived copies (replacing older ones of the same kind). */
export async function saveDerived(
  ctx: DataContext,
  sha256: string,
  copies: readonly DerivedCopy[],
): Promise<void> {
  for (const c of copies) {
    const sealed = await ctx.codec.sealBytes('blobs', c.bytes);
    await chunkTable(ctx).put({ blobKey: keyOf(c.kind, sha256), index: 0, bytes: sealed, mime: c.mime });
  }
}

/** A derived copy as a Blob, or null when none was made (PDF, HEIC, undecodable image). */
export async function readDerived(ctx: DataContext, sha256: string, kind: DerivedKind): Promise<Blob | null> {
  const row = await chunkTable(ctx).get([keyOf(kind, sha256), 0]);
  if (!row) return null;
  const bytes = await ctx.codec.openBytes('blobs', row.bytes);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: row.mime ?? 'image/jpeg' });
}

export async function deleteDerived(ctx: DataContext, sha256: string): Promise<void> {
  await chunkTable(ctx).bulkDelete([
    [keyOf('thumb', sha256), 0],
    [keyOf('display', sha256), 0],
  ]);
}
