/* The app's holiday calendar (#3/#4): a deadline into a year that is not bundled fails with the missing
 * year message until an administrator adds the year, then computes — without a reload. */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEADLINE_RULES } from '#shared/law/deadline-rules';
import { computeDeadline } from '#shared/law/deadlines';
import {
  addHolidayYear,
  currentHolidayCalendar,
  liveHolidayCalendar,
  loadHolidayCalendar,
  mergedHolidayCalendar,
  resetHolidayCalendarForTests,
} from '../../../../renderer/app/holiday-calendar';
import { ADDED_HOLIDAY_YEARS_KEY, holidayYearsPort } from '../../../../renderer/data/holiday-years';

/** A meta table in memory. */
function memoryMeta() {
  const rows = new Map<string, unknown>();
  return {
    rows,
    get: (key: string) => Promise.resolve(rows.get(key)),
    put: (key: string, value: unknown) => {
      rows.set(key, structuredClone(value));
      return Promise.resolve();
    },
  };
}

// A TEST FIXTURE, not the State Council's 2027 arrangement (the app never ships or guesses one).
const FIXTURE_2027 = {
  source: '测试夹具（并非国务院办公厅通知）',
  holidays: { 测试假日: ['2027-01-01'] },
  workdays: ['2027-01-09'],
};

const TODAY = '2026-11-29'; // the injected clock: the day the year was missing

beforeEach(() => {
  resetHolidayCalendarForTests();
});

describe('the app calendar', () => {
  it('fails a 45-day award limit that runs into 2027 with the missing-year message, then computes', async () => {
    const rule = DEADLINE_RULES.awardTimeLimit;
    const live = liveHolidayCalendar(); // what the store holds
    const before = computeDeadline(rule, TODAY, live);
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.error.zh).toContain('节假日日历缺少 2027 年的安排');

    const meta = memoryMeta();
    const port = holidayYearsPort(meta);
    await loadHolidayCalendar(port);
    const added = await addHolidayYear(port, 2027, FIXTURE_2027);
    expect(added.ok).toBe(true);

    const after = computeDeadline(rule, TODAY, live);
    expect(after.ok && after.value.due).toBe('2027-01-13');
    expect(computeDeadline(rule, TODAY, currentHolidayCalendar()).ok).toBe(true);
    expect(meta.rows.get(ADDED_HOLIDAY_YEARS_KEY)).toEqual({ '2027': FIXTURE_2027 });
  });

  it('reads the stored years at boot and marks their origin; a bundled year cannot be added', async () => {
    const meta = memoryMeta();
    meta.rows.set(ADDED_HOLIDAY_YEARS_KEY, { '2027': FIXTURE_2027 });
    const port = holidayYearsPort(meta);
    await loadHolidayCalendar(port);
    expect(mergedHolidayCalendar().origins.get(2027)).toBe('admin');
    expect(mergedHolidayCalendar().origins.get(2026)).toBe('bundled');
    const again = await addHolidayYear(port, 2026, FIXTURE_2027);
    expect(!again.ok && again.error[0]?.zh).toContain('随软件发布');
    expect(meta.rows.get(ADDED_HOLIDAY_YEARS_KEY)).toEqual({ '2027': FIXTURE_2027 }); // untouched
  });

  it('does not change the calendar when the save fails', async () => {
    const port = {
      load: () => Promise.resolve(undefined),
      save: () => Promise.reject(new Error('disk full')),
    };
    await loadHolidayCalendar(port);
    const r = await addHolidayYear(port, 2027, FIXTURE_2027);
    expect(!r.ok && r.error[0]?.zh).toContain('保存失败');
    expect(currentHolidayCalendar().years.has(2027)).toBe(false);
  });
});
