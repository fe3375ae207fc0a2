/*
 * Caseload queries over the indexed columns of the case rows: ids come back sorted by next deadline
 * (the default order of the list), filtered by status, category and deadline state, and narrowed by a
 * search term matched against the codec's search tokens. Only ids are read for the whole caseload;
 * summaries are opened for the rows on screen, so 100,000 cases never decrypt at once.
 */
import { addDays } from '#shared/law/civil-date';
import type { DataContext } from './event-store';
import type { CaseSummary } from './projections';

export type DeadlineFilter = 'all' | 'overdue' | 'due_soon';

export type CaseQuery = {
  search?: string;
  statuses?: readonly string[];
  categories?: readonly string[];
  deadline?: DeadlineFilter;
  assigneeId?: string;
  /** YYYY-MM-DD, China time; needed for deadline filters. */
  today: string;
};

export async function queryCaseIds(ctx: DataContext, q: CaseQuery): Promise<string[]> {
  const ordered = await keys(ctx.db.cases.orderBy('nextDeadline').primaryKeys());
  const sets: Set<string>[] = [];
  if (q.statuses?.length)
    sets.push(
      new Set(
        await keys(
          ctx.db.cases
            .where('status')
            .anyOf([...q.statuses])
            .primaryKeys(),
        ),
      ),
    );
  if (q.categories?.length)
    sets.push(
      new Set(
        await keys(
          ctx.db.cases
            .where('category')
            .anyOf([...q.categories])
            .primaryKeys(),
        ),
      ),
    );
  if (q.assigneeId)
    sets.push(new Set(await keys(ctx.db.cases.where('assigneeId').equals(q.assigneeId).primaryKeys())));
  if (q.deadline === 'overdue')
    sets.push(new Set(await keys(ctx.db.cases.where('nextDeadline').below(q.today).primaryKeys())));
  if (q.deadline === 'due_soon')
    sets.push(
      new Set(
        await keys(
          ctx.db.cases.where('nextDeadline').between(q.today, addDays(q.today, 3), true, true).primaryKeys(),
        ),
      ),
    );
  const term = q.search?.trim();
  if (term) {
    const token = await ctx.codec.index(term);
    sets.push(new Set(await keys(ctx.db.cases.where('searchTokens').equals(token).primaryKeys())));
  }
  return sets.length === 0 ? ordered : ordered.filter((id) => sets.every((s) => s.has(id)));
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

/** The summaries of the given cases, in the given order (missing ids are left out). */
export async function caseSummaries(ctx: DataContext, ids: readonly string[]): Promise<CaseSummary[]> {
  const rows = await ctx.db.cases.bulkGet([...ids]);
  const out: CaseSummary[] = [];
  for (const row of rows) if (row) out.push((await ctx.codec.open('cases', row.body)) as CaseSummary);
  return out;
}
