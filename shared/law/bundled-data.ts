/**
 * The reference data shipped with the app: the holiday calendar (data/cn-holidays.json, from the State
 * Council notices cited inside) and the regional wage table (data/regional-wages.json, empty on purpose).
 * The app keeps its own editable copies; these are only the seed.
 */
import { parseHolidayCalendar, type HolidayCalendar } from '#shared/law/calendar';
import type { LawMessage } from '#shared/law/messages';
import { parseRegionalTable, type RegionalTable } from '#shared/law/regional-tables';
import type { Result } from '#shared/util/result';
import holidays from './data/cn-holidays.json';
import regionalWages from './data/regional-wages.json';

export const bundledHolidayCalendar = (): Result<HolidayCalendar, LawMessage[]> =>
  parseHolidayCalendar(holidays);

export const bundledRegionalTable = (): Result<RegionalTable, LawMessage[]> =>
  parseRegionalTable(regionalWages);
