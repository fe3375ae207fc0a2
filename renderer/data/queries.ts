/*
 * Caseload queries over the indexed columns of the case rows: ids come back sorted by next deadline
 * (the default order of the list), filtered by status, category, assignee and deadline state, and
 * narrowed by a search term matched against the codec's search tokens. Summaries are opened only for
 * the rows on screen, so 100,000 cases never decrypt at once.
 *
 * The plan (migrations 003, 004): the deadline chip and ONE of status / category / assignee become a
 * single range of a [column+nextDeadline] index (for a category the multiEntry [category, deadline] pairs,
 * so a case is found under any of its categories), already in list order, so a page is `offset/limit` on it and
 * the total is a separate index count — no key of another case is read. A search narrows to the few cases whose
 * token matches and orders those by their row. Only a combination of filters (status AND category …)
 * reads the keys of the narrowest range and intersects them.
 */
import Dexie, { type Collection, type IndexableType, type InsertType } from 'dexie';
import { addDays } from '#shared/law/civil-date';
import type { CaseRow } from './db';
import type { DataContext } from './event-store';
import type { CaseSummary, UnreadableReason } from './projections';

export type DeadlineFilter = 'all' | 'overdue' | 'due_soon';

export type CaseQuery = {
  search?: string;
  statuses?: readonly string[];
  categories?: readonly string[];
  deadline?: DeadlineFilter;
  assigneeId?: string;
  /** Only cases with events the hub has not acknowledged yet (the outbox). */
  unsynced?: boolean;
  /** YYYY-MM-DD, China time; needed for deadline filters. */
  today: string;
};

/**
 * One window of the caseload, and how many cases match in all when that came free (a search or a
 * combination of filters lists every match anyway); otherwise null: ask `countCases`, which walks the
 * whole index range (~1 s for 100k rows on a slow laptop), so the first rows never wait for it.
 */
export type CasePage = { total: number | null; ids: string[] };

type Cases = Collection<CaseRow, string, InsertType<CaseRow, 'id'>>;

/** The deadline chip as a range of nextDeadline (no deadline is stored as 9999-12-31, never overdue). */
type Range = { lo: IndexableType; hi: IndexableType; loIn: boolean; hiIn: boolean };

function deadlineRange(q: CaseQuery): Range {
  if (q.deadline === 'overdue') return { lo: Dexie.minKey, hi: q.today, loIn: true, hiIn: false };
  if (q.deadline === 'due_soon') return { lo: q.today, hi: addDays(q.today, 3), loIn: true, hiIn: true };
  return { lo: Dexie.minKey, hi: Dexie.maxKey, loIn: true, hiIn: true };
}

type Column = 'status' | 'category' | 'assigneeId';

/** The [value, nextDeadline] index of a column (migration 004: a category is any of the case's). */
const ORDER_INDEX: Record<Column, string> = {
  status: '[status+nextDeadline]',
  category: 'categoryDeadlines',
  assigneeId: '[assigneeId+nextDeadline]',
};
/** The index of a column's values ('categories' is multiEntry: a case is under each of its categories). */
const VALUE_INDEX: Record<Column, string> = {
  status: 'status',
  category: 'categories',
  assigneeId: 'assigneeId',
};
type Plan = {
  /** A collection of the case rows in list order (next deadline, then id). */
  ordered: () => Cases;
  /** Filters the ordered range does not cover, as the set of ids each allows. */
  rest: ColumnFilter[];
};

type ColumnFilter = { column: Column; values: readonly string[] };

function columnFilters(q: CaseQuery): ColumnFilter[] {
  const filters: ColumnFilter[] = [];
  if (q.statuses?.length) filters.push({ column: 'status', values: q.statuses });
  if (q.categories?.length) filters.push({ column: 'category', values: q.categories });
  // '' selects the unassigned cases (grouping by handler); undefined means any assignee.
  if (q.assigneeId !== undefined) filters.push({ column: 'assigneeId', values: [q.assigneeId] });
  return filters;
}

function plan(ctx: DataContext, q: CaseQuery): Plan {
  const r = deadlineRange(q);
  const filters = columnFilters(q);
  const lead = filters.find((f) => f.values.length === 1);
  const value = lead?.values[0];
  if (lead && value !== undefined)
    return {
      ordered: () =>
        ctx.db.cases.where(ORDER_INDEX[lead.column]).between([value, r.lo], [value, r.hi], r.loIn, r.hiIn),
      rest: filters.filter((f) => f !== lead),
    };
  return {
    ordered: () => ctx.db.cases.where('nextDeadline').between(r.lo, r.hi, r.loIn, r.hiIn),
    rest: filters,
  };
}

const inColumn = (row: CaseRow, f: ColumnFilter): boolean =>
  f.column === 'category'
    ? row.categories.some((c) => f.values.includes(c))
    : f.values.includes(row[f.column]);

const inRange = (d: string, r: Range): boolean =>
  (typeof r.lo !== 'string' || (r.loIn ? d >= r.lo : d > r.lo)) &&
  (typeof r.hi !== 'string' || (r.hiIn ? d <= r.hi : d < r.hi));

/** Every matching id in list order, or null when the plan is one index range (page it instead). */
async function matchingIds(ctx: DataContext, q: CaseQuery, p: Plan): Promise<string[] | null> {
  const term = q.search?.trim();
  if (term || q.unsynced) {
    // A search, or "not synced" (the outbox is small), matches few cases: read their rows and apply
    // every other filter to them.
    const unsynced = q.unsynced ? (await pendingCaseIds(ctx)).pending : null;
    let rows: CaseRow[];
    if (term) {
      const token = await ctx.codec.index(term);
      rows = await ctx.db.cases.where('searchTokens').equals(token).toArray();
      if (unsynced) rows = rows.filter((row) => unsynced.has(row.id));
    } else {
      rows = (await ctx.db.cases.bulkGet([...(unsynced ?? [])])).filter((row) => row !== undefined);
    }
    const r = deadlineRange(q);
    const filters = columnFilters(q);
    return rows
      .filter((row) => inRange(row.nextDeadline, r) && filters.every((f) => inColumn(row, f)))
      .sort((a, b) => compare(a.nextDeadline, b.nextDeadline) || compare(a.id, b.id))
      .map((row) => row.id);
  }
  if (p.rest.length === 0) return null;
  const ordered = await keys(p.ordered().primaryKeys());
  const sets = await Promise.all(
    p.rest.map(
      async (f) =>
        new Set(
          await keys(
            ctx.db.cases
              .where(VALUE_INDEX[f.column])
              .anyOf([...f.values])
              .primaryKeys(),
          ),
        ),
    ),
  );
  return ordered.filter((id) => sets.every((s) => s.has(id)));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every matching id, sorted by next deadline. Reads them all: for lists, prefer queryCasePage. */
export async function queryCaseIds(ctx: DataContext, q: CaseQuery): Promise<string[]> {
  const p = plan(ctx, q);
  return (await matchingIds(ctx, q, p)) ?? keys(p.ordered().primaryKeys());
}

/** A search matching at least this many cases is paged by walking the list order, not by reading their rows. */
export const BROAD_SEARCH = 500;
/**
 * One read of the first ids of the list (getAllKeys with a count: cheap). If the window is not full by
 * then — the matches sit late in the order, or the page is far down — reading the matching rows is
 * cheaper than walking on (with an offset Dexie steps a cursor key by key).
 */
const WALK_CHUNK = 3000;

/**
 * A broad search (a surname typed alone matches thousands of cases at 100k): take the ids of the list
 * in order, a chunk at a time, and keep those the token matches until the window is full. Null when the
 * search is narrow or combined with filters the order does not cover (the row path is then cheaper).
 */
async function broadSearchPage(
  ctx: DataContext,
  q: CaseQuery,
  p: Plan,
  offset: number,
  limit: number,
): Promise<CasePage | null> {
  const term = q.search?.trim();
  if (!term || q.unsynced || p.rest.length > 0) return null;
  const token = await ctx.codec.index(term);
  const matching = new Set(await keys(ctx.db.cases.where('searchTokens').equals(token).primaryKeys()));
  if (matching.size < BROAD_SEARCH) return null;
  const chunk = await keys(p.ordered().limit(WALK_CHUNK).primaryKeys());
  const found = chunk.filter((id) => matching.has(id));
  if (found.length < offset + limit && chunk.length === WALK_CHUNK) return null;
  const everyMatch = columnFilters(q).length === 0 && (q.deadline ?? 'all') === 'all';
  return { total: everyMatch ? matching.size : null, ids: found.slice(offset, offset + limit) };
}

/** The ids of one window of the list (from `offset`, at most `limit`). */
export async function queryCasePage(
  ctx: DataContext,
  q: CaseQuery,
  offset: number,
  limit: number,
): Promise<CasePage> {
  const p = plan(ctx, q);
  const broad = await broadSearchPage(ctx, q, p, offset, limit);
  if (broad) return broad;
  const all = await matchingIds(ctx, q, p);
  if (all) return { total: all.length, ids: all.slice(offset, offset + limit) };
  return { total: null, ids: await keys(p.ordered().offset(offset).limit(limit).primaryKeys()) };
}

/** How many cases match. */
export async function countCases(ctx: DataContext, q: CaseQuery): Promise<number> {
  const p = plan(ctx, q);
  const all = await matchingIds(ctx, q, p);
  return all ? all.length : p.ordered().count();
}

const keys = async (p: Promise<unknown[]>): Promise<string[]> => (await p) as string[];

/**
 * The cases whose events the hub has not yet acknowledged (outbox entries), and among them those with an
 * event the hub refused (kept in the outbox with the reason). The outbox holds only unsynced events, so
 * this stays small however many cases are stored.
 */
export type PendingCases = { pending: ReadonlySet<string>; refused: ReadonlySet<string> };

export async function pendingCaseIds(ctx: DataContext): Promise<PendingCases> {
  const rows = await ctx.db.outbox.toArray();
  return {
    pending: new Set(rows.map((r) => r.caseId)),
    refused: new Set(rows.filter((r) => r.lastError !== undefined).map((r) => r.caseId)),
  };
}

const REASONS: readonly UnreadableReason[] = ['tampered', 'wrong_key', 'malformed'];

/** The codec's reason (a SealError's `code`), without importing renderer/security. */
export function unreadableReason(e: unknown): UnreadableReason {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return REASONS.find((r) => r === code) ?? 'unreadable';
}

/** What a row whose sealed summary does not open still says: its id and its plain index columns. */
function unreadableSummary(row: CaseRow, reason: UnreadableReason): CaseSummary {
  return {
    caseId: row.id,
    number: '',
    temporary: false,
    kind: null,
    status: null,
    categories: [],
    caseCause: '',
    applicants: [],
    respondents: [],
    workerCount: 0,
    collective: false,
    amountClaimedFen: 0,
    amountRecoveredFen: 0,
    nextDeadline: null,
    inConflict: false,
    receivedAt: null,
    assigneeId: row.assigneeId || null,
    lastHlc: null,
    unreadable: reason,
  };
}

/**
 * The summaries of the given cases, in the given order (missing ids are left out). A row that does not
 * open (tampered, another key, damaged) comes back as `unreadable` with its case id, never failing the
 * whole page (#8).
 */
export async function caseSummaries(ctx: DataContext, ids: readonly string[]): Promise<CaseSummary[]> {
  const rows = await ctx.db.cases.bulkGet([...ids]);
  const out: CaseSummary[] = [];
  for (const row of rows) {
    if (!row) continue;
    try {
      out.push((await ctx.codec.open('cases', row.body)) as CaseSummary);
    } catch (e) {
      out.push(unreadableSummary(row, unreadableReason(e)));
    }
  }
  return out;
}
