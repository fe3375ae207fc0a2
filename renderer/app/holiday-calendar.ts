/*
 * The holiday calendar the running app computes with (#3/#4): the bundled years plus the years an
 * administrator added on this device. It is loaded once at boot, before the store opens
 * (`loadHolidayCalendar`); `liveHolidayCalendar()` is the object handed to the store, which always reads
 * the latest years, so after `addHolidayYear` new writes and `currentHolidayCalendar()` see the new year
 * without a reload. Stored years are checked again on load; a bad one is skipped and shown in Settings.
 */
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import type { HolidayCalendar, HolidayYearData } from '#shared/law/calendar';
import {
  addAdminYear,
  mergeHolidayCalendars,
  removeAdminYear,
  type AddedYears,
  type MergedCalendar,
} from '#shared/law/calendar-overlay';
import type { LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';
import type { HolidayYearsPort } from '../data/holiday-years';

function bundled(): HolidayCalendar {
  const c = bundledHolidayCalendar();
  // The calendar ships with the app and is tested; failing here means a broken build, not user input.
  if (!c.ok) throw new Error(`bundled holiday calendar invalid: ${c.error.map((e) => e.zh).join('; ')}`);
  return c.value;
}

let merged: MergedCalendar | null = null;
let boundPort: HolidayYearsPort | null = null;
const listeners = new Set<() => void>();

function current(): MergedCalendar {
  merged ??= mergeHolidayCalendars(bundled(), undefined);
  return merged;
}

/** Reads the administrator's years (call before the store opens); a read failure keeps the bundled. */
export async function loadHolidayCalendar(port: HolidayYearsPort): Promise<MergedCalendar> {
  boundPort = port;
  let stored: unknown;
  try {
    stored = await port.load();
  } catch {
    stored = undefined;
  }
  merged = mergeHolidayCalendars(bundled(), stored);
  listeners.forEach((l) => {
    l();
  });
  return merged;
}

/** The port the years were loaded from (Settings saves through it); null before the boot load. */
export const holidayYearsPortInUse = (): HolidayYearsPort | null => boundPort;

/** The merged calendar with where each year came from and any stored year that was skipped. */
export const mergedHolidayCalendar = (): MergedCalendar => current();

/** The calendar as it is now (a snapshot). */
export const currentHolidayCalendar = (): HolidayCalendar => current().calendar;

/** A calendar whose years are always the latest merged ones: give this to long-lived users (the store). */
export function liveHolidayCalendar(): HolidayCalendar {
  return {
    get about() {
      return current().calendar.about;
    },
    get years() {
      return current().calendar.years;
    },
  };
}

/** The administrator's years as stored (only the valid ones survive a load). */
export function addedHolidayYears(): AddedYears {
  const m = current();
  const out: Record<string, HolidayYearData> = {};
  for (const [year, origin] of m.origins) {
    const data = m.calendar.years.get(year)?.data;
    if (origin === 'admin' && data) out[String(year)] = data;
  }
  return out;
}

/** Validates, saves and merges one year; the calendar changes only when the save succeeded. */
export async function addHolidayYear(
  port: HolidayYearsPort,
  year: number,
  input: unknown,
): Promise<Result<MergedCalendar, LawMessage[]>> {
  const base = bundled();
  const next = addAdminYear(base, addedHolidayYears(), year, input);
  if (!next.ok) return next;
  try {
    await port.save(next.value);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return err([
      {
        code: 'calendar_save_failed',
        zh: `保存失败，未录入：${detail}`,
        en: `Could not save; nothing was added: ${detail}`,
      },
    ]);
  }
  merged = mergeHolidayCalendars(base, next.value);
  listeners.forEach((l) => {
    l();
  });
  return ok(merged);
}

/** Removes an administrator's year (to correct a typing error); bundled years are not stored. */
export async function removeHolidayYear(
  port: HolidayYearsPort,
  year: number,
): Promise<Result<MergedCalendar, LawMessage[]>> {
  const next = removeAdminYear(addedHolidayYears(), year);
  try {
    await port.save(next);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return err([
      { code: 'calendar_save_failed', zh: `保存失败：${detail}`, en: `Could not save: ${detail}` },
    ]);
  }
  merged = mergeHolidayCalendars(bundled(), next);
  listeners.forEach((l) => {
    l();
  });
  return ok(merged);
}

/** Called after every load or added year (React: useSyncExternalStore). */
export function subscribeHolidayCalendar(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tests only: back to the bundled calendar. */
export function resetHolidayCalendarForTests(): void {
  merged = null;
  boundPort = null;
  listeners.forEach((l) => {
    l();
  });
}
