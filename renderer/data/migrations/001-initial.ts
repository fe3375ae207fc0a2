/*
 * v1: the event log (source of truth), the outbox of events the hub has not acknowledged, the case
 * projections (a list row and the full reduced state), blobs by SHA-256, and device metadata.
 * Sensitive content sits in `body` (sealed by the codec); only non-personal keys and blind-index
 * tokens are indexed.
 */
import type { Migration } from './types';

export const m001: Migration = {
  version: 1,
  stores: {
    events: 'id, caseId, [deviceId+deviceSeq]',
    outbox: 'id, caseId, queuedAt',
    cases: 'id, status, category, nextDeadline, assigneeId, updatedHlc, *searchTokens',
    caseStates: 'id',
    blobs: 'sha256',
    meta: 'key',
  },
};
