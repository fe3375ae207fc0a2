/*
 * v3: the caseload at 100,000 cases. The list is sorted by next deadline, and its filters (status,
 * category, assignee) each get a compound index with the deadline second, so "in mediation, soonest
 * first" is one index range read 30 keys at a time instead of every key of the table (v1 had to read
 * all 100k ids and intersect them). A deadline chip is a range on the same index. No data changes:
 * IndexedDB builds the new indexes from the rows already stored.
 */
import type { Migration } from './types';

export const m003: Migration = {
  version: 3,
  stores: {
    cases:
      'id, status, category, nextDeadline, assigneeId, updatedHlc, *searchTokens, [status+nextDeadline], [category+nextDeadline], [assigneeId+nextDeadline]',
  },
};
