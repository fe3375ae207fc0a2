/**
 * The holiday calendar shipped with the app (data/cn-holidays.json, copied from the State Council notices
 * cited inside). The app keeps its own editable copy; this is only the seed.
 */
import { parseHolidayCalendar, type HolidayCalendar } from '#shared/law/calendar';
import type { LawMessage } from '#shared/law/messages';
import type { Result } from '#shared/util/result';
import bundled from './data/cn-holidays.json';

export const bundledHolidayCalendar = (): Result<HolidayCalendar, LawMessage[]> =>
  parseHolidayCalendar(bundled);
