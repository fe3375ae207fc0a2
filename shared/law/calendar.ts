/**
 * Mainland China's public holidays (放假) and make-up working days (调休上班) as editable data. Weekends
 * are rest days unless listed as make-up working days. A year that is not in the data is never guessed:
 * every lookup in it fails with an error naming the year, so an administrator adds it when the State
 * Council publishes it (usually in November of the year before).
 */
import { z } from 'zod';
import { addDays, isWeekend, parseIsoDate, yearOf, type IsoDate } from '#shared/law/civil-date';
import { msg, type LawMessage } from '#shared/law/messages';
import { assertNever } from '#shared/util/assert-never';
import { err, ok, type Result } from '#shared/util/result';

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** One year as stored in cn-holidays.json. */
export const HolidayYearSchema = z.object({
  source: z.string().trim().min(1, '必须注明来源（国务院办公厅通知文号和日期）'),
  holidays: z.record(z.string().trim().min(1), z.array(dateString).min(1)),
  workdays: z.array(dateString),
});
export type HolidayYearData = z.infer<typeof HolidayYearSchema>;

/** The whole file: an `about` text plus one entry per 4-digit year. */
export const HolidayCalendarFileSchema = z
  .object({ about: z.string().optional() })
  .catchall(HolidayYearSchema);

/** A checked year, indexed for lookups. */
export type CalendarYear = {
  readonly data: HolidayYearData;
  readonly holidays: ReadonlyMap<IsoDate, string>;
  readonly workdays: ReadonlySet<IsoDate>;
};

/** The calendar the deadline engine consults. */
export type HolidayCalendar = { readonly about: string; readonly years: ReadonlyMap<number, CalendarYear> };

/** A calendar failure; `missingYear` is set when the data lacks the year asked about. */
export type CalendarError = LawMessage & { readonly missingYear?: number };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export const missingYearError = (year: number): CalendarError => ({
  ...msg(
    'calendar_year_missing',
    `节假日日历缺少 ${year} 年的安排，请管理员按国务院办公厅通知补充后再计算`,
    `The holiday calendar has no data for ${year}; an administrator must add it`,
  ),
  missingYear: year,
});

/** English for the schema's own (Chinese) messages, so a hub caller asking in English can read them. */
const SCHEMA_EN: Readonly<Record<string, string>> = {
  '必须注明来源（国务院办公厅通知文号和日期）':
    'a source is required (the State Council General Office notice number and date)',
  '日期格式应为 YYYY-MM-DD': 'dates must be written YYYY-MM-DD',
};

function issueMessages(error: z.ZodError, where: string): LawMessage[] {
  return error.issues.map((i) => {
    const path = i.path.join('.');
    const en = SCHEMA_EN[i.message] ?? i.message;
    return msg('calendar_schema', `${where}${path}：${i.message}`, path === '' ? en : `${path}: ${en}`);
  });
}

/** Validates one year: real dates inside that year, no date both off and on, make-up days on weekends. */
export function validateHolidayYear(year: number, input: unknown): Result<CalendarYear, LawMessage[]> {
  const parsed = HolidayYearSchema.safeParse(input);
  if (!parsed.success) return err(issueMessages(parsed.error, `${year} 年 `));
  const problems: LawMessage[] = [];
  const holidays = new Map<IsoDate, string>();
  const check = (date: string, what: string): boolean => {
    if (!parseIsoDate(date).ok)
      problems.push(msg('calendar_bad_date', `${what}：不存在的日期 ${date}`, `No such date ${date}`));
    else if (yearOf(date) !== year)
      problems.push(
        msg('calendar_wrong_year', `${what}：${date} 不在 ${year} 年`, `${date} is not in ${year}`),
      );
    else return true;
    return false;
  };
  for (const [name, dates] of Object.entries(parsed.data.holidays)) {
    for (const date of dates) {
      if (!check(date, name)) continue;
      const other = holidays.get(date);
      if (other !== undefined)
        problems.push(
          msg('calendar_duplicate', `${date} 同时列于 ${other} 和 ${name}`, `${date} listed twice`),
        );
      holidays.set(date, name);
    }
  }
  for (const date of parsed.data.workdays) {
    if (!check(date, '调休上班日')) continue;
    if (holidays.has(date))
      problems.push(msg('calendar_conflict', `${date} 既是放假日又是上班日`, `${date} is both off and on`));
    if (!isWeekend(date))
      problems.push(
        msg(
          'calendar_workday_weekday',
          `调休上班日 ${date} 应为周六或周日`,
          `Make-up day ${date} is not a weekend`,
        ),
      );
  }
  if (problems.length > 0) return err(problems);
  return ok({ data: parsed.data, holidays, workdays: new Set(parsed.data.workdays) });
}

/** Parses a whole calendar file (the bundled one, or one an administrator imports). */
export function parseHolidayCalendar(input: unknown): Result<HolidayCalendar, LawMessage[]> {
  const parsed = HolidayCalendarFileSchema.safeParse(input);
  if (!parsed.success) return err(issueMessages(parsed.error, ''));
  const { about = '', ...rest } = parsed.data;
  const years = new Map<number, CalendarYear>();
  const problems: LawMessage[] = [];
  for (const [key, value] of Object.entries(rest)) {
    if (!/^\d{4}$/.test(key)) {
      problems.push(
        msg('calendar_year_key', `年份键应为4位数字：${key}`, `Year key must be 4 digits: ${key}`),
      );
      continue;
    }
    const year = validateHolidayYear(Number(key), value);
    if (year.ok) years.set(Number(key), year.value);
    else problems.push(...year.error);
  }
  return problems.length > 0 ? err(problems) : ok({ about, years });
}

/** Adds (or with `replace`, corrects) a year entered by an administrator; the calendar is not mutated. */
export function addCalendarYear(
  calendar: HolidayCalendar,
  year: number,
  input: unknown,
  options: { readonly replace?: boolean } = {},
): Result<HolidayCalendar, LawMessage[]> {
  if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    return err([msg('calendar_year_range', `年份无效：${year}`, `Invalid year: ${year}`)]);
  }
  if (calendar.years.has(year) && !options.replace) {
    return err([
      msg('calendar_year_exists', `${year} 年已存在；如需更正请选择替换`, `${year} already exists`),
    ]);
  }
  const checked = validateHolidayYear(year, input);
  if (!checked.ok) return checked;
  const years = new Map(calendar.years);
  years.set(year, checked.value);
  return ok({ about: calendar.about, years });
}

/** Back to the file shape, years in order, for saving or export. */
export function toHolidayCalendarFile(calendar: HolidayCalendar): Record<string, unknown> {
  const out: Record<string, unknown> = { about: calendar.about };
  for (const year of [...calendar.years.keys()].sort((a, b) => a - b))
    out[String(year)] = calendar.years.get(year)?.data;
  return out;
}

/** What kind of day `date` is; an error when the date is malformed or its year is missing. */
export function dayKind(date: IsoDate, calendar: HolidayCalendar): Result<DayKind, CalendarError> {
  if (!parseIsoDate(date).ok)
    return err(msg('calendar_bad_date', `日期无效：${date}`, `Invalid date: ${date}`));
  const year = calendar.years.get(yearOf(date));
  if (!year) return err(missingYearError(yearOf(date)));
  if (year.holidays.has(date)) return ok('holiday');
  if (year.workdays.has(date)) return ok('makeup_workday');
  return ok(isWeekend(date) ? 'weekend' : 'workday');
}

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): Result<boolean, CalendarError> {
  const kind = dayKind(date, calendar);
  if (!kind.ok) return kind;
  switch (kind.value) {
    case 'workday':
    case 'makeup_workday':
      return ok(true);
    case 'weekend':
    case 'holiday':
      return ok(false);
    default:
      return assertNever(kind.value, 'day kind');
  }
}

/** Longest run of rest days to search; the longest Chinese holiday with weekends is well under this. */
const MAX_REST_RUN = 31;

/** `date` itself when it is a working day, else the first working day after it. */
export function rollToWorkingDay(date: IsoDate, calendar: HolidayCalendar): Result<IsoDate, CalendarError> {
  let day = date;
  for (let i = 0; i <= MAX_REST_RUN; i += 1, day = addDays(day, 1)) {
    const working = isWorkingDay(day, calendar);
    if (!working.ok) return working;
    if (working.value) return ok(day);
  }
  return err(
    msg(
      'calendar_no_workday',
      `${date} 之后一个月内没有工作日，请检查日历数据`,
      'No working day within a month',
    ),
  );
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, calendar: HolidayCalendar): Result<IsoDate, CalendarError> {
  if (!parseIsoDate(date).ok)
    return err(msg('calendar_bad_date', `日期无效：${date}`, `Invalid date: ${date}`));
  return rollToWorkingDay(addDays(date, 1), calendar);
}
