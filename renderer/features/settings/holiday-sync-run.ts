/*
 * The holiday-year sync (issue #4) bound to the running app: the calendar loaded at boot
 * (app/holiday-calendar.ts), this device's enrollment (only an administrator publishes) and the store,
 * whose cases with a deadline in a year that changed are recomputed with the new calendar.
 */
import {
  applyHubHolidayYears,
  holidayYearsPortInUse,
  holidayYearsToPublish,
  recordHolidayPublish,
} from '../../app/holiday-calendar';
import { reprojectUndatedCases } from '../../data/holiday-years';
import type { TribunalStore } from '../../data/store';
import type { FetchLike } from '../../sync/hub-client';
import { syncHolidayYears, type HolidaySyncReport } from '../../sync/holiday-sync';
import type { TokenSource } from '../../sync/session';

export async function runHolidaySync(
  store: TribunalStore,
  c: { hubUrl: string; tokens: TokenSource; fetch: FetchLike },
): Promise<HolidaySyncReport | null> {
  const port = holidayYearsPortInUse();
  if (port === null) return null;
  const enrollment = await store.enrollment();
  const report = await syncHolidayYears({
    ...c,
    isAdmin: enrollment?.roles.includes('admin') ?? false,
    local: {
      applyHubYears: (years) => applyHubHolidayYears(port, years),
      toPublish: holidayYearsToPublish,
      recordPublish: (year, outcome) => recordHolidayPublish(port, year, outcome),
    },
  });
  const first = report.changed[0];
  // Deadlines that could not be dated, and every deadline on or after the first changed year.
  if (first !== undefined) await reprojectUndatedCases(store.ctx, `${String(first)}-01-01`);
  return report;
}
