/*
 * The search index of the caseload (migration 005): one [token, nextDeadline] pair per search token of a
 * case row, in a multiEntry index, so "cases matching this token, soonest deadline first" is one index
 * range already in list order — the first page of a search is the first keys of that range, however
 * many cases share the token. The tokens are the row's `searchTokens` exactly as the codec made them
 * (`Codec.index`: a keyed HMAC blind index once encryption is on, #8), so the pairs hold nothing the
 * tokens did not; the deadline is the row's plain `nextDeadline` column.
 *
 * The pairs are derived, never written by hand: a DBCore middleware recomputes them from `searchTokens`
 * and `nextDeadline` on every add/put (bulkPut, modify, upgrade) of the cases table, so no writer — the
 * projections, the encryption migration, the category backfill, a bench or a test — can leave them
 * stale.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** The row column holding the pairs (multiEntry index of array keys). */
export const TOKEN_DEADLINES = 'tokenDeadlines';

/** No deadline sorts last (as in the projections). */
const NO_DEADLINE = '9999-12-31';

/** The [token, nextDeadline] pairs of a row's tokens (each token once). */
export function tokenDeadlines(tokens: readonly string[], nextDeadline: string): [string, string][] {
  return [...new Set(tokens)].map((t): [string, string] => [t, nextDeadline]);
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];

/** A case row as stored, with its pairs recomputed (any other value is left as it is). */
export function withTokenDeadlines(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const row = value as { searchTokens?: unknown; nextDeadline?: unknown };
  const deadline = typeof row.nextDeadline === 'string' ? row.nextDeadline : NO_DEADLINE;
  return { ...value, [TOKEN_DEADLINES]: tokenDeadlines(strings(row.searchTokens), deadline) };
}

function derive(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  return { ...req, values: req.values.map(withTokenDeadlines) };
}

/** Keeps every stored case row's pairs in step with its tokens and deadline. */
export const tokenDeadlinesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'caseload-token-deadlines',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'cases') return table;
      return { ...table, mutate: (req) => table.mutate(derive(req)) };
    },
  }),
};
