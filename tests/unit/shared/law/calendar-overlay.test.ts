import { describe, expect, it } from 'vitest';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { isWorkingDay, type HolidayCalendar } from '#shared/law/calendar';
import {
  addAdminYear,
  mergeHolidayCalendars,
  parseHolidayLines,
  parseWorkdayLines,
  removeAdminYear,
} from '#shared/law/calendar-overlay';

const loaded = bundledHolidayCalendar();
if (!loaded.ok) throw new Error('bundled calendar invalid');
const bundled: HolidayCalendar = loaded.value;

// Test fixture only: not the real 2027 arrangement (the app never ships guessed years).
const year2099 = {
  source: '测试用通知 测试〔2098〕1号',
  holidays: { 元旦: ['2099-01-01'], 测试假: ['2099-01-05', '2099-01-06'] },
  workdays: ['2099-01-10'],
};

describe('mergeHolidayCalendars', () => {
  it('keeps the bundled years and marks them bundled when nothing was added', () => {
    const m = mergeHolidayCalendars(bundled, undefined);
    expect([...m.calendar.years.keys()]).toEqual([...bundled.years.keys()]);
    expect(m.origins.get(2026)).toBe('bundled');
    expect(m.problems).toEqual([]);
  });

  it('adds a valid administrator year and computes in it', () => {
    const m = mergeHolidayCalendars(bundled, { '2099': year2099 });
    expect(m.origins.get(2099)).toBe('admin');
    expect(isWorkingDay('2099-01-01', m.calendar)).toEqual({ ok: true, value: false });
    expect(isWorkingDay('2099-01-10', m.calendar)).toEqual({ ok: true, value: true }); // a Saturday, make-up
    expect(bundled.years.has(2099)).toBe(false); // not mutated
  });

  it('never lets a stored year replace a bundled one, and skips invalid stored years', () => {
    const fake2026 = { source: 'x', holidays: { 假: ['2026-03-03'] }, workdays: [] };
    const bad = { source: '', holidays: {}, workdays: [] };
    const m = mergeHolidayCalendars(bundled, { '2026': fake2026, '2098': bad });
    expect(m.calendar.years.get(2026)).toBe(bundled.years.get(2026));
    expect(m.origins.get(2026)).toBe('bundled');
    expect(m.calendar.years.has(2098)).toBe(false);
    expect(m.problems.map((p) => p.code)).toContain('calendar_year_bundled');
    expect(m.problems.length).toBeGreaterThan(1);
  });

  it('ignores an unreadable overlay with a message', () => {
    const m = mergeHolidayCalendars(bundled, 'garbage');
    expect(m.calendar).toBe(bundled);
    expect(m.problems[0]?.code).toBe('calendar_overlay_unreadable');
  });
});

describe('addAdminYear', () => {
  it('refuses a bundled year with a clear message', () => {
    const r = addAdminYear(bundled, {}, 2026, year2099);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]?.code).toBe('calendar_year_bundled');
      expect(r.error[0]?.zh).toContain('随软件发布');
    }
  });

  it('requires a source and dates inside the year', () => {
    const r = addAdminYear(bundled, {}, 2099, { ...year2099, source: ' ' });
    expect(r.ok).toBe(false);
    const wrong = addAdminYear(bundled, {}, 2099, { ...year2099, holidays: { 元旦: ['2098-01-01'] } });
    expect(!wrong.ok && wrong.error.map((e) => e.code)).toContain('calendar_wrong_year');
  });

  it('adds once, refuses the same year again, and removes', () => {
    const r = addAdminYear(bundled, {}, 2099, year2099);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value['2099']?.source).toBe(year2099.source);
    const again = addAdminYear(bundled, r.value, 2099, year2099);
    expect(!again.ok && again.error[0]?.code).toBe('calendar_year_exists');
    expect(removeAdminYear(r.value, 2099)).toEqual({});
  });
});

describe('typed lines', () => {
  it('reads names with dates and ranges, collecting a name over several lines', () => {
    const r = parseHolidayLines('元旦 2099-01-01\n\n春节 2099-02-05..2099-02-07\n春节 2099-02-09');
    expect(r).toEqual({
      ok: true,
      value: { 元旦: ['2099-01-01'], 春节: ['2099-02-05', '2099-02-06', '2099-02-07', '2099-02-09'] },
    });
  });

  it('reports bad lines by number', () => {
    const r = parseHolidayLines('元旦 2099-01-01\n春节\n国庆 2099-02-30\n劳动节 2099-05-05..2099-05-01');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.line)).toEqual([2, 3, 4]);
  });

  it('reads make-up days one per line', () => {
    expect(parseWorkdayLines('2099-01-10\n 2099-01-17 \n')).toEqual({
      ok: true,
      value: ['2099-01-10', '2099-01-17'],
    });
    const bad = parseWorkdayLines('2099-01-10 2099-01-17');
    expect(!bad.ok && bad.error[0]?.line).toBe(1);
  });
});
