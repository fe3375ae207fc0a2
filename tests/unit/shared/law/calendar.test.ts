import { describe, expect, it } from 'vitest';
import {
  addCalendarYear,
  dayKind,
  isWorkingDay,
  nextWorkingDay,
  parseHolidayCalendar,
  rollToWorkingDay,
  toHolidayCalendarFile,
  type HolidayCalendar,
} from '#shared/law/calendar';
import { addDays, addMonths, daysBetween, monthsAndDaysBetween, weekday } from '#shared/law/civil-date';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';

const loaded = bundledHolidayCalendar();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
const cal: HolidayCalendar = loaded.value;
const val = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T | string =>
  r.ok ? r.value : JSON.stringify(r.error);

describe('civil dates without time zones', () => {
  it('weekday, day arithmetic across leap years and months', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2026-11-28')).toBe(6);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
  it('months per 民法典 Art. 202: corresponding day, else the last day of the month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(monthsAndDaysBetween('2020-03-01', '2021-03-01')).toEqual({ months: 12, days: 0 });
    expect(monthsAndDaysBetween('2024-01-31', '2024-03-30')).toEqual({ months: 1, days: 30 });
  });
});

describe('bundled calendar (国办发明电〔2024〕12号; 2026 notice of 2025-11-04)', () => {
  it('loads both years with their sources', () => {
    expect([...cal.years.keys()]).toEqual([2025, 2026]);
    expect(cal.years.get(2025)?.data.source).toContain('国办发明电〔2024〕12号');
  });
  it('classifies holidays, weekends, make-up workdays and ordinary days', () => {
    expect(val(dayKind('2025-10-01', cal))).toBe('holiday');
    expect(val(dayKind('2025-09-28', cal))).toBe('makeup_workday');
    expect(val(dayKind('2025-09-27', cal))).toBe('weekend');
    expect(val(dayKind('2025-09-26', cal))).toBe('workday');
    expect(val(isWorkingDay('2026-02-14', cal))).toBe(true);
    expect(val(isWorkingDay('2026-02-23', cal))).toBe(false);
  });
  it('next working day skips the whole Spring Festival and lands on a make-up Saturday when listed', () => {
    expect(val(nextWorkingDay('2026-02-13', cal))).toBe('2026-02-14');
    expect(val(nextWorkingDay('2026-02-14', cal))).toBe('2026-02-24');
    expect(val(rollToWorkingDay('2025-10-01', cal))).toBe('2025-10-09');
    expect(val(rollToWorkingDay('2025-10-09', cal))).toBe('2025-10-09');
    expect(val(nextWorkingDay('2025-12-31', cal))).toBe('2026-01-04'); // Sunday make-up workday
  });
  it('a year missing from the data is an error naming the year, never a guess', () => {
    const r = isWorkingDay('2027-03-01', cal);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.missingYear).toBe(2027);
      expect(r.error.zh).toContain('2027');
    }
    const roll = nextWorkingDay('2026-12-31', cal);
    expect(!roll.ok && roll.error.missingYear).toBe(2027);
  });
  it('round-trips to the file shape', () => {
    const again = parseHolidayCalendar(toHolidayCalendarFile(cal));
    expect(again.ok && [...again.value.years.keys()]).toEqual([2025, 2026]);
  });
});

describe('an administrator adds a year as validated data', () => {
  const year2027 = {
    source: '国务院办公厅关于2027年部分节假日安排的通知（示例数据，仅用于测试）',
    holidays: { 元旦: ['2027-01-01'] },
    workdays: ['2027-01-02'],
  };
  it('adds a valid year without mutating the original', () => {
    const r = addCalendarYear(cal, 2027, year2027);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(val(isWorkingDay('2027-01-01', r.value))).toBe(false);
      expect(val(isWorkingDay('2027-01-02', r.value))).toBe(true);
    }
    expect(cal.years.has(2027)).toBe(false);
  });
  it('refuses an existing year unless replacing', () => {
    expect(addCalendarYear(cal, 2026, year2027).ok).toBe(false);
  });
  it.each([
    ['no source', { ...year2027, source: ' ' }, 'calendar_schema'],
    ['impossible date', { ...year2027, holidays: { 元旦: ['2027-02-30'] } }, 'calendar_bad_date'],
    ['date of another year', { ...year2027, holidays: { 元旦: ['2026-01-01'] } }, 'calendar_wrong_year'],
    ['make-up day on a weekday', { ...year2027, workdays: ['2027-01-04'] }, 'calendar_workday_weekday'],
    [
      'both off and on',
      { ...year2027, workdays: ['2027-01-02'], holidays: { x: ['2027-01-02'] } },
      'calendar_conflict',
    ],
    [
      'listed twice',
      { ...year2027, holidays: { a: ['2027-01-01'], b: ['2027-01-01'] } },
      'calendar_duplicate',
    ],
    ['not an object', 'hello', 'calendar_schema'],
  ])('refuses %s', (_name, input, code) => {
    const r = addCalendarYear(cal, 2027, input);
    expect(r.ok ? 'ok' : r.error.map((e) => e.code)).toContain(code);
  });
  it('refuses a malformed file with bad year keys', () => {
    const r = parseHolidayCalendar({ about: '', '27': year2027 });
    expect(r.ok ? 'ok' : r.error[0]?.code).toBe('calendar_year_key');
  });
});
