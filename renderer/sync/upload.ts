/*
 * Uploading evidence originals and issued documents after the hub accepted the event naming them:
 * HEAD tells how many bytes the hub already holds, then PATCH sends the rest from exactly that offset,
 * chunk by chunk, so an interrupted upload resumes where it stopped (R16). A wrong offset (another
 * attempt got further) is answered by asking again; a hash mismatch means the hub discarded the blob.
 * A file stays queued until the hub says it is complete.
 */
import { ok, type Result } from '#shared/util/result';
import type { QueuedBlob, SyncLocal } from '../data/outbox';
import type { HubClient, SyncFailure } from './hub-client';
import type { TokenSource } from './session';

/** Hub PATCH bodies are at most 8 MiB; the store's chunks are 4 MiB, so one store chunk per PATCH. */
export const MAX_PATCH_BYTES = 8 * 1024 * 1024;

export type UploadReport = {
  completed: number;
  failed: { sha256: string; why: string }[];
  bytesSent: number;
};
export type UploadProgress = (sent: number, total: number) => void;

export type UploadDeps = {
  local: SyncLocal;
  client: HubClient;
  tokens: TokenSource;
  onProgress?: UploadProgress;
};

export async function uploadQueued(d: UploadDeps): Promise<Result<UploadReport, SyncFailure>> {
  const queue = await d.local.blobQueue();
  const report: UploadReport = { completed: 0, failed: [], bytesSent: 0 };
  const total = queue.reduce((n, b) => n + b.size, 0);
  let done = 0;
  for (const b of queue) {
    const r = await uploadOne(d, b, (sent) => {
      d.onProgress?.(done + sent, total);
    });
    if (!r.ok) {
      if (r.error.kind === 'network') return r;
      report.failed.push({ sha256: b.sha256, why: r.error.kind === 'hub' ? r.error.code : r.error.message });
      continue;
    }
    report.bytesSent += r.value.sent;
    done += b.size;
    if (r.value.complete) {
      report.completed++;
      const now = await d.local.blobQueue();
      await d.local.saveBlobQueue(now.filter((q) => q.sha256 !== b.sha256));
    } else report.failed.push({ sha256: b.sha256, why: r.value.why });
  }
  return ok(report);
}

type OneResult = { complete: boolean; sent: number; why: string };

async function uploadOne(
  d: UploadDeps,
  b: QueuedBlob,
  progress: (sent: number) => void,
): Promise<Result<OneResult, SyncFailure>> {
  let sent = 0;
  // Two offset mismatches in a row mean someone else is uploading the same file: leave it for later.
  for (let attempt = 0; attempt < 3; attempt++) {
    const head = await d.tokens.withToken((t) => d.client.blobHead(t, b.sha256));
    if (!head.ok) return head;
    if (head.value?.complete) return ok({ complete: true, sent, why: '' });
    const from = head.value?.offset ?? 0;
    const file = await d.local.readBlob(b.sha256);
    if (!file.ok) return ok({ complete: false, sent, why: `local:${file.error.code}` });
    const total = file.value.info.size;
    let offset = 0;
    let mismatch = false;
    try {
      for await (const chunk of file.value.chunks) {
        const end = offset + chunk.byteLength;
        if (end <= from) {
          offset = end;
          continue;
        }
        const part = offset < from ? chunk.subarray(from - offset) : chunk;
        const at = Math.max(offset, from);
        for (let i = 0; i < part.byteLength; i += MAX_PATCH_BYTES) {
          const piece = part.subarray(i, i + MAX_PATCH_BYTES);
          const r = await d.tokens.withToken((t) => d.client.blobPatch(t, b.sha256, at + i, total, piece));
          if (!r.ok) {
            if (r.error.kind === 'hub' && r.error.code === 'offset_mismatch') {
              mismatch = true;
              break;
            }
            return r;
          }
          sent += piece.byteLength;
          progress(at + i + piece.byteLength);
        }
        if (mismatch) break;
        offset = end;
      }
    } catch (e) {
      // A chunk missing or unreadable here: the local copy is damaged, the hub keeps what it has.
      return ok({ complete: false, sent, why: `local:${e instanceof Error ? e.message : String(e)}` });
    }
    if (!mismatch) {
      const after = await d.tokens.withToken((t) => d.client.blobHead(t, b.sha256));
      if (!after.ok) return after;
      return ok({ complete: after.value?.complete === true, sent, why: 'incomplete' });
    }
  }
  return ok({ complete: false, sent, why: 'offset_mismatch' });
}
