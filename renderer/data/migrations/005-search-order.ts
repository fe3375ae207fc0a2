/*
 * v5: a search in list order. A one-character name token matches ~10 % of 100,000 cases; v4 could only
 * find them by token (`*searchTokens`) and then sort them by deadline, reading every matching row
 * (~330 ms). Now each row carries `tokenDeadlines`, one [token, nextDeadline] pair per search token
 * (multiEntry of array keys, like `categoryDeadlines`), so "this token, soonest first" is one index range
 * and a page is its first keys. The tokens are the codec's (blind-index HMACs once encrypted, #8): the
 * pairs add only the plain deadline column beside them. The bare `*searchTokens` index goes (the pairs'
 * range [token, -∞]..[token, +∞] answers the same question); the field stays on the row.
 * Upgrade: every stored row gets its pairs from its own `searchTokens` and `nextDeadline` — both plain
 * columns, so no summary has to be opened. Later writes keep them in step (search-index.ts middleware).
 */
import { tokenDeadlines } from '../search-index';
import type { Migration } from './types';

type V4Row = { searchTokens?: unknown; nextDeadline?: unknown; tokenDeadlines?: [string, string][] };

export const m005: Migration = {
  version: 5,
  stores: {
    cases:
      'id, status, nextDeadline, assigneeId, updatedHlc, [status+nextDeadline], [assigneeId+nextDeadline], *categories, *categoryDeadlines, *tokenDeadlines',
  },
  upgrade: async (tx) => {
    await tx
      .table('cases')
      .toCollection()
      .modify((row: V4Row) => {
        const tokens = Array.isArray(row.searchTokens)
          ? row.searchTokens.filter((t): t is string => typeof t === 'string')
          : [];
        const deadline = typeof row.nextDeadline === 'string' ? row.nextDeadline : '9999-12-31';
        row.tokenDeadlines = tokenDeadlines(tokens, deadline);
      });
  },
};
