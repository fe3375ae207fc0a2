/*
 * The administrator's holiday years on this device (#3/#4) and the case rows they can change. The years
 * are public reference data typed from a State Council notice, so they live in the plain `meta` table
 * (readable before unlock, like the key file) under one key; the bundled years are never stored here.
 */
import type { AddedYears } from '#shared/law/calendar-overlay';
import type { PublishedHolidayYear } from '#shared/sync/wire-calendar';
import { ok, type Result } from '#shared/util/result';
import { readCaseEvents, type DataContext, type DataError } from './event-store';
import type { MetaPort } from './meta-port';
import { buildProjections } from './projections';

export const ADDED_HOLIDAY_YEARS_KEY = 'law.holidayYears.added';
/** The hub's published years as last pulled, and the administrator's pending decisions (#4 sync). */
export const HOLIDAY_YEARS_SYNC_KEY = 'law.holidayYears.sync';

/** What the laptop knows of the hub's holiday years (renderer/sync/holiday-sync.ts). */
export type HolidayYearsSync = {
  /** The hub's years as last pulled, by year. */
  readonly hub: Readonly<Record<string, PublishedHolidayYear>>;
  /** Years the administrator chose to publish over the hub's version, with the reason given. */
  readonly replace: Readonly<Record<string, string>>;
  /** The hub's refusal the last time a year was published, by year (shown beside the year). */
  readonly refused: Readonly<Record<string, string>>;
};

export type HolidayYearsPort = {
  /** The stored overlay as it was saved (unchecked: the caller merges and validates). */
  load: () => Promise<unknown>;
  save: (years: AddedYears) => Promise<void>;
  /** The hub's years and pending decisions as saved (unchecked); absent in ports that never sync. */
  loadSync?: () => Promise<unknown>;
  saveSync?: (s: HolidayYearsSync) => Promise<void>;
};

export function holidayYearsPort(meta: Pick<MetaPort, 'get' | 'put'>): HolidayYearsPort {
  return {
    load: () => meta.get(ADDED_HOLIDAY_YEARS_KEY),
    save: (years) => meta.put(ADDED_HOLIDAY_YEARS_KEY, years),
    loadSync: () => meta.get(HOLIDAY_YEARS_SYNC_KEY),
    saveSync: (s) => meta.put(HOLIDAY_YEARS_SYNC_KEY, s),
  };
}

/** The caseload's "no deadline" sort key (projections.ts): rows whose deadline could not be computed. */
const NO_DEADLINE = '9999-12-31';
const TERMINAL = new Set(['closed', 'archived']);

/**
 * Recomputes the rows of cases without a computable next deadline with the store's current calendar
 * (after a year was added, a deadline into it now has a date). Returns how many cases were rewritten.
 * `fromDay` (a synced year that changed on the hub): also the rows whose next deadline is on or after it.
 */
export function reprojectUndatedCases(
  ctx: DataContext,
  fromDay: string = NO_DEADLINE,
): Promise<Result<number, DataError>> {
  return ctx.serial(async () => {
    // Closed cases have no running deadline either; they are skipped (nothing to date).
    const ids = (
      await ctx.db.cases
        .where('nextDeadline')
        .aboveOrEqual(fromDay)
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
      const facts = built.facts[0];
      if (!row || !state || !facts || row.nextDeadline === NO_DEADLINE) continue;
      await ctx.db.transaction('rw', ctx.db.cases, ctx.db.caseStates, ctx.db.caseFacts, async () => {
        await ctx.db.cases.put(row);
        await ctx.db.caseStates.put(state);
        await ctx.db.caseFacts.put(facts);
      });
      changed += 1;
    }
    return ok(changed);
  });
}
