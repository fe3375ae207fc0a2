/**
 * The administrator's holiday years (#3/#4): years the State Council published after this build, typed
 * by an administrator from the notice and kept on the device. They are merged over the bundled calendar;
 * a bundled year is never replaced by one typed in (the shipped data is tested), and a year is never
 * guessed — until an administrator adds it, deadlines into it fail with the missing-year message.
 */
import { z } from 'zod';
import { addDays, daysBetween, parseIsoDate } from '#shared/law/civil-date';
import {
  HolidayYearSchema,
  validateHolidayYear,
  type HolidayCalendar,
  type HolidayYearData,
} from '#shared/law/calendar';
import { msg, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';

/** The stored overlay: year (4 digits) → the year as in cn-holidays.json. */
export const AddedYearsSchema = z.record(z.string(), HolidayYearSchema);
export type AddedYears = Readonly<Record<string, HolidayYearData>>;

/** Where each year of a merged calendar came from. */
export type YearOrigin = 'bundled' | 'admin';

export type MergedCalendar = {
  readonly calendar: HolidayCalendar;
  readonly origins: ReadonlyMap<number, YearOrigin>;
  /** Stored years that were skipped (invalid, or clashing with a bundled year). */
  readonly problems: readonly LawMessage[];
};

const bundledYearMessage = (year: number): LawMessage =>
  msg(
    'calendar_year_bundled',
    `${year} 年的安排随软件发布，不能由管理员覆盖；如发现错误请联系软件维护方`,
    `${year} ships with the app and cannot be replaced here; report an error to the maintainers`,
  );

/** Bundled years plus the administrator's; a stored year that fails validation is skipped and reported. */
export function mergeHolidayCalendars(bundled: HolidayCalendar, stored: unknown): MergedCalendar {
  const years = new Map(bundled.years);
  const origins = new Map<number, YearOrigin>([...bundled.years.keys()].map((y) => [y, 'bundled']));
  const problems: LawMessage[] = [];
  if (stored === undefined || stored === null) return { calendar: bundled, origins, problems };
  // Each year is checked on its own, so one bad year does not hide the others.
  const parsed = z.record(z.string(), z.unknown()).safeParse(stored);
  if (!parsed.success) {
    problems.push(
      msg('calendar_overlay_unreadable', '管理员录入的节假日数据无法读取，已忽略', 'Added years unreadable'),
    );
    return { calendar: bundled, origins, problems };
  }
  for (const [key, data] of Object.entries(parsed.data)) {
    const year = Number(key);
    if (!/^\d{4}$/.test(key)) {
      problems.push(
        msg('calendar_year_key', `年份键应为4位数字：${key}`, `Year key must be 4 digits: ${key}`),
      );
      continue;
    }
    if (bundled.years.has(year)) {
      problems.push(bundledYearMessage(year));
      continue;
    }
    const checked = validateHolidayYear(year, data);
    if (!checked.ok) {
      problems.push(...checked.error);
      continue;
    }
    years.set(year, checked.value);
    origins.set(year, 'admin');
  }
  return { calendar: { about: bundled.about, years }, origins, problems };
}

/**
 * The overlay with `year` added, after the same validation as the bundled file. Refused when the year is
 * bundled or already added (an added year must be removed before it is typed again).
 */
export function addAdminYear(
  bundled: HolidayCalendar,
  added: AddedYears,
  year: number,
  input: unknown,
): Result<AddedYears, LawMessage[]> {
  if (!Number.isInteger(year) || year < 1990 || year > 2200)
    return err([msg('calendar_year_range', `年份无效：${year}`, `Invalid year: ${year}`)]);
  if (bundled.years.has(year)) return err([bundledYearMessage(year)]);
  if (added[String(year)] !== undefined)
    return err([
      msg(
        'calendar_year_exists',
        `${year} 年已由管理员录入；如需更正请先删除再录入`,
        `${year} was already added; remove it first to correct it`,
      ),
    ]);
  const checked = validateHolidayYear(year, input);
  if (!checked.ok) return checked;
  return ok({ ...added, [String(year)]: checked.value.data });
}

/** The overlay without `year` (only administrator years are stored, so bundled ones are untouched). */
export function removeAdminYear(added: AddedYears, year: number): AddedYears {
  const out: Record<string, HolidayYearData> = {};
  for (const [key, value] of Object.entries(added)) if (key !== String(year)) out[key] = value;
  return out;
}

/** A problem on one line of typed text (1-based). */
export type LineProblem = { readonly line: number; readonly message: LawMessage };

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const HOLIDAY_LINE = new RegExp(String.raw`^(\S+)\s+(${DATE})(?:\s*(?:\.\.|～|~|至)\s*(${DATE}))?$`);
const MAX_RANGE_DAYS = 31;

const lineMessage = (line: number, zh: string, en: string): LineProblem => ({
  line,
  message: msg('calendar_line', `第 ${line} 行：${zh}`, `Line ${line}: ${en}`),
});

/**
 * Holidays as typed, one per line: `元旦 2027-01-01`, or a range `春节 2027-02-05..2027-02-11`. A name on
 * several lines collects all its dates. Blank lines are skipped.
 */
export function parseHolidayLines(text: string): Result<Record<string, string[]>, LineProblem[]> {
  const out: Record<string, string[]> = {};
  const problems: LineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (line === '') return;
    const m = HOLIDAY_LINE.exec(line);
    const name = m?.[1];
    const from = m?.[2];
    if (!m || name === undefined || from === undefined) {
      problems.push(
        lineMessage(
          n,
          `应为“名称 日期”或“名称 开始..结束”：${line}`,
          `expected "name date" or "name from..to"`,
        ),
      );
      return;
    }
    const to = m[3] ?? from;
    if (!parseIsoDate(from).ok || !parseIsoDate(to).ok) {
      problems.push(lineMessage(n, `不存在的日期：${line}`, `no such date`));
      return;
    }
    const span = daysBetween(from, to);
    if (span < 0 || span >= MAX_RANGE_DAYS) {
      problems.push(lineMessage(n, `日期范围无效：${from}..${to}`, `bad range ${from}..${to}`));
      return;
    }
    const dates = (out[name] ??= []);
    for (let d = 0; d <= span; d += 1) dates.push(addDays(from, d));
  });
  return problems.length > 0 ? err(problems) : ok(out);
}

/** Make-up working days, one date per line. */
export function parseWorkdayLines(text: string): Result<string[], LineProblem[]> {
  const out: string[] = [];
  const problems: LineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (!new RegExp(`^${DATE}$`).test(line) || !parseIsoDate(line).ok)
      problems.push(lineMessage(i + 1, `应为一个日期 YYYY-MM-DD：${line}`, `expected one date YYYY-MM-DD`));
    else out.push(line);
  });
  return problems.length > 0 ? err(problems) : ok(out);
}
