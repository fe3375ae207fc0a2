/*
 * v6: the dashboard's facts projection (issue #9 item 7). Per case one row with the shared/stats
 * CaseFacts of its reduced state (~1 KB, sealed in the codec's `caseFacts` context), written by buildProjections in the same
 * transaction as the case row and state, so the supervisors' dashboard reads facts instead of opening
 * every whole case state (2–8 KB each; 100k of them did not even finish writing in the benchmark).
 * Upgrade: none here (the codec is not available in an upgrade); cases stored before v6 get their facts
 * row the first time the dashboard reads facts (store.allCaseFacts backfills from their states).
 */
import type { Migration } from './types';

export const m006: Migration = {
  version: 6,
  stores: { caseFacts: 'id' },
};
