/*
 * Caseload queries over the indexed columns of the case rows: ids come back sorted by next deadline
 * (the default order of the list), filtered by status, category, assignee and deadline state, and
 * narrowed by a search term matched against the codec's search tokens. Summaries are opened only for
 * the rows on screen, so 100,000 cases never decrypt at once.
 *
 * The plan (migrations 003, 004): the deadline chip and ONE of status / category / assignee become a
 * single range of a [column+nextDeadline] index (for a category the multiEntry [category, deadline] pairs,
 * so a case is found under any of its categories), already in list order, so a page is `offset/limit` on it and
 * the total is a separate index count — no key of another case is read. A search (migration 005) is a
 * range of the [token, deadline] index, in list order too: its first page is the first keys of the range
 * of its rarest token, and other words or filters are checked on the rows of that range a step at a
 * time until the page is full. Only a combination of filters (status AND category …) without a search
 * reads the keys of the narrowest range and intersects them.
 */
import Dexie, { type Collection, type IndexableType, type InsertType } from 'dexie';
import { addDays } from '#shared/law/civil-date';
import type { CaseRow } from './db';
import type { DataContext } from './event-store';
import type { CaseSummary, UnreadableReason } from './projections';
import { TOKEN_DEADLINES } from './search-index';

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

/**
 * A search as index ranges (migration 005): each token of the term is a range of the [token, deadline]
 * index within the deadline chip, already in list order. Several words must all match; the rarest
 * token leads (its range is walked) and the others are checked against the rows it yields. A term with
 * spaces that is itself a stored token (a name written with a space) is searched whole.
 */
type Search = {
  /** The leading token (codec index value): its range is walked, in list order. */
  lead: string;
  /** The other tokens (codec index values) every match must also carry. */
  others: string[];
};

const tokenRange = (ctx: DataContext, token: string, r: Range): Cases =>
  ctx.db.cases.where(TOKEN_DEADLINES).between([token, r.lo], [token, r.hi], r.loIn, r.hiIn);

const EVERY_DEADLINE: Range = { lo: Dexie.minKey, hi: Dexie.maxKey, loIn: true, hiIn: true };

/**
 * How far each word's range is read to find the rarest (a getAllKeys with a count: counting a whole
 * range walks it, ~20 ms per 1,000 keys on a loaded laptop). A word under this many matches is rare
 * enough to lead; if every word has more, the first leads and the walk checks the rest.
 */
const PROBE = 256;

async function searchOf(ctx: DataContext, term: string, r: Range): Promise<Search> {
  const words = [...new Set(term.split(/\s+/).filter((w) => w !== ''))];
  const only = words.length === 1 ? words[0] : undefined;
  if (only !== undefined) {
    const token = await ctx.codec.index(only);
    return { lead: token, others: [] };
  }
  const whole = await ctx.codec.index(words.join(' '));
  if ((await tokenRange(ctx, whole, EVERY_DEADLINE).limit(1).primaryKeys()).length > 0)
    return { lead: whole, others: [] };
  const tokens = [...new Set(await Promise.all(words.map((w) => ctx.codec.index(w))))];
  const probed = await Promise.all(
    tokens.map(async (token) => ({
      token,
      seen: (await tokenRange(ctx, token, r).limit(PROBE).primaryKeys()).length,
    })),
  );
  // Stable: among words past the probe, the first typed leads.
  probed.sort((a, b) => a.seen - b.seen);
  const lead = probed[0]?.token ?? whole;
  return { lead, others: probed.slice(1).map((p) => p.token) };
}

/** Whether a row passes every filter of the query besides the leading token and the deadline chip. */
function rowFilter(q: CaseQuery, s: Search, unsynced: ReadonlySet<string> | null): (row: CaseRow) => boolean {
  const filters = columnFilters(q);
  return (row) =>
    (!unsynced || unsynced.has(row.id)) &&
    s.others.every((t) => row.searchTokens.includes(t)) &&
    filters.every((f) => inColumn(row, f));
}

/**
 * When the lead range holds fewer than PROBE cases (an ID tail, a full name), its rows in one read,
 * checked against every other word and filter: every match, in list order. Null for a broader lead.
 */
async function smallLead(ctx: DataContext, q: CaseQuery, s: Search, r: Range): Promise<string[] | null> {
  const rows = await tokenRange(ctx, s.lead, r).limit(PROBE).toArray();
  if (rows.length >= PROBE) return null;
  const keep = rowFilter(q, s, q.unsynced ? (await pendingCaseIds(ctx)).pending : null);
  return rows.filter(keep).map((row) => row.id);
}

/** The ids of every case a search matches, in list order: the lead range, kept by sets of keys. */
async function searchIds(ctx: DataContext, q: CaseQuery, term: string): Promise<string[]> {
  const r = deadlineRange(q);
  const s = await searchOf(ctx, term, r);
  if (s.others.length === 0 && columnFilters(q).length === 0 && !q.unsynced)
    return keys(tokenRange(ctx, s.lead, r).primaryKeys());
  const small = await smallLead(ctx, q, s, r);
  if (small) return small;
  const ordered = await keys(tokenRange(ctx, s.lead, r).primaryKeys());
  const sets: Promise<ReadonlySet<string>>[] = [
    ...s.others.map(async (t) => new Set(await keys(tokenRange(ctx, t, r).primaryKeys()))),
    ...columnFilters(q).map(
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
    ...(q.unsynced ? [pendingCaseIds(ctx).then((p) => p.pending)] : []),
  ];
  const all = await Promise.all(sets);
  return ordered.filter((id) => all.every((set) => set.has(id)));
}

/** Keys read by the first step of a filtered search walk; each further step reads twice as many. */
const FIRST_STEP = 128;

/**
 * The lead range's ids in list order, read in growing prefixes of keys (128, 256, … so at most twice
 * the keys needed), the new rows of each step opened and kept while `keep` holds, until `need` are
 * found. `ended`: the range was read to its end.
 */
async function walkRows(
  ctx: DataContext,
  range: () => Cases,
  keep: (row: CaseRow) => boolean,
  need: number,
): Promise<{ ids: string[]; ended: boolean }> {
  const ids: string[] = [];
  let read = 0;
  for (let step = FIRST_STEP; ; step *= 2) {
    const prefix = await keys(range().limit(step).primaryKeys());
    const fresh = prefix.slice(read);
    read = prefix.length;
    for (const row of await ctx.db.cases.bulkGet(fresh)) if (row && keep(row)) ids.push(row.id);
    if (prefix.length < step) return { ids, ended: true };
    if (ids.length >= need) return { ids, ended: false };
  }
}

/** A [value, deadline] index range that lists its cases in list order (a word, one status, …). */
type Aligned = { index: string; value: string };

function alignedRanges(q: CaseQuery, s: Search): Aligned[] {
  const single = columnFilters(q).flatMap((f) => {
    const value = f.values.length === 1 ? f.values[0] : undefined;
    return value === undefined ? [] : [{ index: ORDER_INDEX[f.column], value }];
  });
  return [
    { index: TOKEN_DEADLINES, value: s.lead },
    ...s.others.map((value) => ({ index: TOKEN_DEADLINES, value })),
    ...single,
  ];
}

/**
 * A search with other words or a one-value filter: every one of them is a range in list order, so
 * the deadlines they share are found by leapfrogging — each range's first deadline at or after the
 * current one (one key each), jumping to the latest until all agree — and only on a shared deadline
 * are the lead's rows of that day opened and checked. Days where one of them has no case are never
 * read, however many cases the others hold there (a surname with a status that sits late in the list).
 */
async function leapfrog(
  ctx: DataContext,
  r: Range,
  aligned: Aligned[],
  keep: (row: CaseRow) => boolean,
  need: number,
): Promise<{ ids: string[]; ended: boolean }> {
  const [lead] = aligned;
  if (!lead) return { ids: [], ended: true };
  const ids: string[] = [];
  let from: IndexableType = r.lo;
  let fromIn = r.loIn;
  const firstDay = async (a: Aligned): Promise<string | undefined> => {
    const [key] = await ctx.db.cases
      .where(a.index)
      .between([a.value, from], [a.value, r.hi], fromIn, r.hiIn)
      .limit(1)
      .keys();
    const day: unknown = Array.isArray(key) ? key[1] : undefined;
    return typeof day === 'string' ? day : undefined;
  };
  for (;;) {
    const days = await Promise.all(aligned.map(firstDay));
    const known = days.filter((d): d is string => d !== undefined);
    if (known.length < days.length) return { ids, ended: true };
    const latest = known.reduce((a, b) => (b > a ? b : a));
    if (known.every((d) => d === latest)) {
      const day = await walkRows(
        ctx,
        () => ctx.db.cases.where(lead.index).equals([lead.value, latest]),
        keep,
        need - ids.length,
      );
      ids.push(...day.ids);
      if (!day.ended) return { ids, ended: false };
      if (ids.length >= need) {
        // The window is full; whether later days match too is not known without reading on.
        return { ids, ended: false };
      }
      fromIn = false;
    } else fromIn = true;
    from = latest;
  }
}

/**
 * One window of a search, never waiting for the count of its matches (the list asks countCases for
 * that beside it). A single word with no other filter is the window of its range: one getAllKeys with
 * a count. Other words and one-value filters (status, category, assignee) leapfrog over their shared
 * deadlines; filters of several values and 未同步 are checked on the rows opened. The total comes
 * along only when the ranges ended before the window filled.
 */
async function searchPage(
  ctx: DataContext,
  q: CaseQuery,
  term: string,
  offset: number,
  limit: number,
): Promise<CasePage> {
  const r = deadlineRange(q);
  const s = await searchOf(ctx, term, r);
  const want = offset + limit;
  if (s.others.length === 0 && columnFilters(q).length === 0 && !q.unsynced) {
    const range = tokenRange(ctx, s.lead, r);
    const window = offset > 0 ? range.offset(offset).limit(limit) : range.limit(limit);
    const ids = await keys(window.primaryKeys());
    return {
      total: ids.length < limit && (offset === 0 || ids.length > 0) ? offset + ids.length : null,
      ids,
    };
  }
  // A lead of a few hundred cases is cheaper to open whole than to leapfrog over.
  const small = await smallLead(ctx, q, s, r);
  if (small) return { total: small.length, ids: small.slice(offset, want) };
  const unsynced = q.unsynced ? (await pendingCaseIds(ctx)).pending : null;
  const keep = rowFilter(q, s, unsynced);
  const aligned = alignedRanges(q, s);
  const walked =
    aligned.length === 1
      ? await walkRows(ctx, () => tokenRange(ctx, s.lead, r), keep, want)
      : await leapfrog(ctx, r, aligned, keep, want);
  return { total: walked.ended ? walked.ids.length : null, ids: walked.ids.slice(offset, want) };
}

/** Every matching id in list order, or null when the plan is one index range (page it instead). */
async function matchingIds(ctx: DataContext, q: CaseQuery, p: Plan): Promise<string[] | null> {
  const term = q.search?.trim();
  if (term) return searchIds(ctx, q, term);
  if (q.unsynced) {
    // "Not synced": the outbox is small, so read those rows and apply every other filter to them.
    const unsynced = (await pendingCaseIds(ctx)).pending;
    const rows = (await ctx.db.cases.bulkGet([...unsynced])).filter((row) => row !== undefined);
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

/** The ids of one window of the list (from `offset`, at most `limit`). */
export async function queryCasePage(
  ctx: DataContext,
  q: CaseQuery,
  offset: number,
  limit: number,
): Promise<CasePage> {
  const term = q.search?.trim();
  if (term) return searchPage(ctx, q, term, offset, limit);
  const p = plan(ctx, q);
  const all = await matchingIds(ctx, q, p);
  if (all) return { total: all.length, ids: all.slice(offset, offset + limit) };
  return { total: null, ids: await keys(p.ordered().offset(offset).limit(limit).primaryKeys()) };
}

/** How many cases match. */
export async function countCases(ctx: DataContext, q: CaseQuery): Promise<number> {
  const term = q.search?.trim();
  if (term && columnFilters(q).length === 0 && !q.unsynced) {
    const s = await searchOf(ctx, term, deadlineRange(q));
    if (s.others.length === 0) return tokenRange(ctx, s.lead, deadlineRange(q)).count();
  }
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
