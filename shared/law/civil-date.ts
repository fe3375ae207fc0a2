/**
 * Plain China-local calendar dates as 'YYYY-MM-DD' strings. All arithmetic goes through a day number
 * (days since 1970-01-01, proleptic Gregorian) so no JS Date or time zone is ever involved: a deadline
 * must not move because the laptop's clock is set to another zone.
 */
import { err, ok, type Result } from '#shared/util/result';

/** A calendar date 'YYYY-MM-DD' (China local date, no time, no zone). */
export type IsoDate = string;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateParts = { readonly year: number; readonly month: number; readonly day: number };

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses and checks a real date (no 2025-02-30). */
export function parseIsoDate(value: string): Result<DateParts, string> {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return err(`日期格式应为 YYYY-MM-DD：${value}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1800 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err(`不存在的日期：${value}`);
  }
  return ok({ year, month, day });
}

export const isIsoDate = (value: string): boolean => parseIsoDate(value).ok;

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const formatIsoDate = ({ year, month, day }: DateParts): IsoDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** Day number of an already-validated date string; callers validate first. */
export function dayNumberOf(date: IsoDate): number {
  const parsed = parseIsoDate(date);
  if (!parsed.ok) return Number.NaN;
  return toDayNumber(parsed.value);
}

export const addDays = (date: IsoDate, days: number): IsoDate =>
  formatIsoDate(fromDayNumber(dayNumberOf(date) + days));

/** Signed number of days from `from` to `to` (to − from). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumberOf(to) - dayNumberOf(from);

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export const weekday = (date: IsoDate): number => (((dayNumberOf(date) + 4) % 7) + 7) % 7;

export const isWeekend = (date: IsoDate): boolean => {
  const d = weekday(date);
  return d === 0 || d === 6;
};

/**
 * Adds calendar months the way 民法典 Art. 202 counts periods: the corresponding day of the final month,
 * or that month's last day when it has no corresponding day (2024-01-31 + 1 month = 2024-02-29).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const p = parseIsoDate(date);
  if (!p.ok) return date;
  const total = p.value.year * 12 + (p.value.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(p.value.day, daysInMonth(year, month)) });
}

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** Whole calendar months from `from` to `to` plus the days left over (to ≥ from). */
export function monthsAndDaysBetween(from: IsoDate, to: IsoDate): { months: number; days: number } {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a.ok || !b.ok) return { months: 0, days: 0 };
  let months = (b.value.year - a.value.year) * 12 + (b.value.month - a.value.month);
  if (months > 0 && addMonths(from, months) > to) months -= 1;
  while (addMonths(from, months + 1) <= to) months += 1;
  return { months, days: daysBetween(addMonths(from, months), to) };
}
