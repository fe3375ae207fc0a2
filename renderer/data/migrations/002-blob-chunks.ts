/*
 * v2: evidence files in chunks. A 2 GB original cannot be one IndexedDB value (it would have to sit in
 * memory whole), so its bytes go to `blobChunks`, one row per chunk (≤ 4 MiB, each sealed by the codec),
 * keyed [blobKey+index]. `blobKey` is a storage id chosen before the SHA-256 is known (the hash is only
 * known after the last chunk); the `blobs` row, keyed by SHA-256, names it once the import completed.
 * Upgrade: a v1 blob row kept its (sealed) bytes inline; they become chunk 0 of 1 under the hash itself.
 */
import type { Migration } from './types';

type V1Blob = { sha256: string; size: number; mime: string; bytes?: Uint8Array };

export const m002: Migration = {
  version: 2,
  stores: { blobChunks: '[blobKey+index]', blobs: 'sha256, state' },
  upgrade: async (tx) => {
    const rows = (await tx.table('blobs').toArray()) as V1Blob[];
    for (const r of rows) {
      const bytes = r.bytes ?? new Uint8Array();
      await tx.table('blobChunks').put({ blobKey: r.sha256, index: 0, bytes });
      await tx.table('blobs').put({
        sha256: r.sha256,
        size: r.size,
        mime: r.mime,
        blobKey: r.sha256,
        chunkCount: 1,
        state: 'complete',
      });
    }
  },
};
