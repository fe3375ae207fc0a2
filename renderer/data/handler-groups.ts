/*
 * The handlers the caseload can be grouped by (issue #9): every distinct assignee of the stored cases,
 * read from the assigneeId index's unique keys (no case row is read), '' for cases nobody is assigned.
 * Each group's rows and count then come from the ordinary caseload query with `assigneeId` set.
 */
import type { DataContext } from './event-store';

/** Distinct assignee ids of the stored cases, '' (unassigned) included when there are such cases. */
export async function assigneeIds(ctx: DataContext): Promise<string[]> {
  const keys = await ctx.db.cases.orderBy('assigneeId').uniqueKeys();
  return keys.filter((k): k is string => typeof k === 'string');
}
