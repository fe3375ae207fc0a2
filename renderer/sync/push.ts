/*
 * Pushing the outbox: this device's events in deviceSeq order (the order the hub's chain check needs),
 * in batches of at most 500 events and 1 MiB. Accepted and duplicate events leave the outbox. A rejected
 * event stores nothing on the hub (sync-protocol.md), so the device's chain there ends before it and
 * every later event would be `chain_gap`:
 *  - refused for good (the event itself is unacceptable: `forbidden`, `schema_invalid`, `id_conflict`,
 *    too large) it is set aside — kept locally and shown with the reason, out of the chain — and the
 *    later events are re-linked from its place (hub/README.md: the client re-emits its unsent tail);
 *    pushing goes on in the same run;
 *  - refused for a passing or device-wide cause (`clock_drift`; `chain_gap`/`chain_fork`, the hub's chain
 *    differs from ours; `bad_signature`/`hash_mismatch`/`not_your_device`, this device's key or identity
 *    is wrong, so every event would fail) it stays at the head with its reason and nothing after it is
 *    sent; the next run sends it alone first, so a clock that ran ahead heals without sending the tail.
 */
import { blobRefsOf } from '#shared/events/blob-refs';
import type { CaseEvent } from '#shared/events/envelope';
import { WIRE_LIMITS, type PushResult } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { PendingEvent, QueuedBlob, SyncLocal } from '../data/outbox';
import type { HubClient, SyncFailure } from './hub-client';
import type { TokenSource } from './session';

/** Body limit of the contract, less room for `{"events":[]}` and rounding. */
export const MAX_PUSH_BYTES = 1024 * 1024 - 1024;

/** `rejected` counts set-aside events and a blocking head; `blocked` is true only for the latter. */
export type PushReport = { pushed: number; rejected: number; blocked: boolean };

/** Reasons that condemn the event itself, not the device or the moment: set it aside, relink the rest. */
export const SET_ASIDE_REASONS: readonly string[] = [
  'forbidden',
  'schema_invalid',
  'id_conflict',
  'payload_too_large',
];
export type PushProgress = (done: number, total: number) => void;

const encoder = new TextEncoder();
const sizeOf = (e: CaseEvent): number => encoder.encode(JSON.stringify(e)).byteLength + 1;

/** The longest prefix within the event and byte limits (always at least one event). */
export function packBatch(
  pending: readonly PendingEvent[],
  maxEvents: number = WIRE_LIMITS.maxEventsPerPush,
  maxBytes = MAX_PUSH_BYTES,
): PendingEvent[] {
  const out: PendingEvent[] = [];
  let bytes = 0;
  for (const p of pending) {
    const size = sizeOf(p.event);
    if (out.length >= maxEvents || (out.length > 0 && bytes + size > maxBytes)) break;
    out.push(p);
    bytes += size;
  }
  return out;
}

/**
 * The files an accepted event names, for the upload queue: evidence originals, issued documents, and
 * the signature and seal images of a signed agreement or transcript (so another laptop and the court
 * see the signed document, not only its hashes). An image the event gives no size for is queued with
 * the size of the local copy; one not stored here cannot be sent and is not queued.
 */
export async function blobsOf(e: CaseEvent, local: Pick<SyncLocal, 'readBlob'>): Promise<QueuedBlob[]> {
  const out: QueuedBlob[] = [];
  for (const ref of blobRefsOf(e)) {
    const base = { sha256: ref.sha256, caseId: e.caseId, fileName: ref.label };
    if (ref.size !== null) {
      out.push({ ...base, size: ref.size });
      continue;
    }
    const stored = await local.readBlob(ref.sha256);
    if (stored.ok) out.push({ ...base, size: stored.value.info.size });
  }
  return out;
}

export type PushDeps = {
  local: SyncLocal;
  client: HubClient;
  tokens: TokenSource;
  onProgress?: PushProgress;
};

type LocalFailure = { kind: 'local'; message: string };

export async function pushOutbox(d: PushDeps): Promise<Result<PushReport, SyncFailure | LocalFailure>> {
  const total = await d.local.pendingCount();
  const report: PushReport = { pushed: 0, rejected: 0, blocked: false };
  d.onProgress?.(0, total);
  for (;;) {
    const pending = await d.local.pending(WIRE_LIMITS.maxEventsPerPush);
    if (pending.length === 0) return ok(report);
    const head = pending[0];
    // A head the hub refused before goes alone: if it is refused again the tail would only be chain_gap.
    const batch = head?.lastError !== undefined ? [head] : packBatch(pending);
    const answer = await d.tokens.withToken((t) =>
      d.client.push(
        t,
        batch.map((p) => p.event),
      ),
    );
    if (!answer.ok) {
      const only = batch.length === 1 ? batch[0] : undefined;
      if (answer.error.kind === 'hub' && answer.error.code === 'payload_too_large' && only) {
        const set = await d.local.setAside(only.event.id, 'payload_too_large');
        if (!set.ok) return err({ kind: 'local', message: set.error.message });
        report.rejected++;
        continue;
      }
      return answer;
    }
    const results = answer.value.results;
    if (results.length !== batch.length || results.some((r, i) => r.id !== batch[i]?.event.id))
      return err({ kind: 'bad_response', status: 200, message: 'push results do not match the events sent' });
    const outcome = await settle(d.local, batch, results);
    if (!outcome.ok) return outcome;
    report.pushed += outcome.value.acked;
    d.onProgress?.(report.pushed, total);
    if (outcome.value.refused === 'set_aside') report.rejected++;
    if (outcome.value.refused === 'blocked')
      return ok({ ...report, rejected: report.rejected + 1, blocked: true });
  }
}

/**
 * Applies one batch's answers: acknowledge, queue the files of accepted events, then deal with the first
 * refusal (the rest of the batch after it is `chain_gap` only because of it, so is not recorded).
 */
async function settle(
  local: SyncLocal,
  batch: readonly PendingEvent[],
  results: readonly PushResult[],
): Promise<Result<{ acked: number; refused: 'none' | 'set_aside' | 'blocked' }, LocalFailure>> {
  const acked: string[] = [];
  const blobs: QueuedBlob[] = [];
  let first: PushResult | null = null;
  for (const [i, r] of results.entries()) {
    const e = batch[i]?.event;
    if (!e) continue;
    if (r.status === 'rejected') {
      first ??= r;
    } else if (first === null) {
      acked.push(r.id);
      blobs.push(...(await blobsOf(e, local)));
    }
  }
  if (blobs.length > 0) {
    const queue = await local.blobQueue();
    const known = new Set(queue.map((q) => q.sha256));
    const fresh = blobs.filter((b) => !known.has(b.sha256) && known.add(b.sha256));
    await local.saveBlobQueue([...queue, ...fresh]);
  }
  // The queue is saved before the events leave the outbox: a crash in between re-pushes (duplicate),
  // it never forgets a file.
  await local.acknowledge(acked);
  if (first === null) return ok({ acked: acked.length, refused: 'none' });
  const why = first.reason ?? 'schema_invalid';
  const text = first.detail ? `${why}: ${first.detail}` : why;
  if (!SET_ASIDE_REASONS.includes(why)) {
    await local.recordRejection(first.id, text);
    return ok({ acked: acked.length, refused: 'blocked' });
  }
  const set = await local.setAside(first.id, text);
  if (!set.ok) return err({ kind: 'local', message: set.error.message });
  return ok({ acked: acked.length, refused: 'set_aside' });
}
