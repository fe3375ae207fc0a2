/*
 * The administrator's holiday years on this device (#3/#4) and the case rows they can change. The years
 * are public reference data typed from a State Council notice, so they live in the plain `meta` table
 * (readable before unlock, like the key file) under one key; the bundled years are never stored here.
 */
import type { AddedYears } from '#shared/law/calendar-overlay';
import { ok, type Result } from '#shared/util/result';
import { readCaseEvents, type DataContext, type DataError } from './event-store';
import type { MetaPort } from './meta-port';
import { buildProjections } from './projections';

export const ADDED_HOLIDAY_YEARS_KEY = 'law.holidayYears.added';

export type HolidayYearsPort = {
  /** The stored overlay as it was saved (unchecked: the caller merges and validates). */
  load: () => Promise<unknown>;
  save: (years: AddedYears) => Promise<void>;
};

export function holidayYearsPort(meta: Pick<MetaPort, 'get' | 'put'>): HolidayYearsPort {
  return {
    load: () => meta.get(ADDED_HOLIDAY_YEARS_KEY),
    save: (years) => meta.put(ADDED_HOLIDAY_YEARS_KEY, years),
  };
}

/** The caseload's "no deadline" sort key (projections.ts): rows whose deadline could not be computed. */
const NO_DEADLINE = '9999-12-31';
const TERMINAL = new Set(['closed', 'archived']);

/**
 * Recomputes the rows of cases without a computable next deadline with the store's current calendar
 * (after a year was added, a deadline into it now has a date). Returns how many cases were rewritten.
 */
export function reprojectUndatedCases(ctx: DataContext): Promise<Result<number, DataError>> {
  return ctx.serial(async () => {
    // Closed cases have no running deadline either; they are skipped (nothing to date).
    const ids = (
      await ctx.db.cases
        .where('nextDeadline')
        .equals(NO_DEADLINE)
        .filter((r) => !TERMINAL.has(r.status))
        .primaryKeys()
    ).map(String);
    let changed = 0;
    for (const caseId of ids) {
      const events = await readCaseEvents(ctx, caseId);
      if (!events.ok) return events;
      const built = await buildProjections(ctx.codec, ctx.env, [caseId], events.value);
      const row = built.cases[0];
      const state = built.states[0];
      if (!row || !state || row.nextDeadline === NO_DEADLINE) continue;
      await ctx.db.transaction('rw', ctx.db.cases, ctx.db.caseStates, async () => {
        await ctx.db.cases.put(row);
        await ctx.db.caseStates.put(state);
      });
      changed += 1;
    }
    return ok(changed);
  });
}
