/*
 * The holiday calendar the running app computes with (#3/#4): the bundled years, the years an
 * administrator typed on this device, and the years published on the hub (pulled after every sync by
 * renderer/sync/holiday-sync.ts). It is loaded once at boot, before the store opens
 * (`loadHolidayCalendar`); `liveHolidayCalendar()` is the object handed to the store, which always reads
 * the latest years, so after `addHolidayYear` or a sync new writes and `currentHolidayCalendar()` see the
 * new year without a reload. Stored years are checked again on load; a bad one is skipped and shown in
 * Settings.
 *
 * A year typed here and published on the hub with other content is a conflict, never resolved silently:
 * the hub's version is the one computed with (every other laptop counts with it too) and Settings shows
 * both versions until the administrator keeps the hub's (the local entry is removed) or replaces the
 * hub's with a reason (published at the next sync, audited on the hub).
 */
import { z } from 'zod';
import { canonicalJson } from '#shared/events/canonical';
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
import { publishedHolidayYearSchema, type PublishedHolidayYear } from '#shared/sync/wire-calendar';
import { err, ok, type Result } from '#shared/util/result';
import type { HolidayYearsPort, HolidayYearsSync } from '../data/holiday-years';

function bundled(): HolidayCalendar {
  const c = bundledHolidayCalendar();
  // The calendar ships with the app and is tested; failing here means a broken build, not user input.
  if (!c.ok) throw new Error(`bundled holiday calendar invalid: ${c.error.map((e) => e.zh).join('; ')}`);
  return c.value;
}

const EMPTY_SYNC: HolidayYearsSync = { hub: {}, replace: {}, refused: {} };

let merged: MergedCalendar | null = null;
let boundPort: HolidayYearsPort | null = null;
/** The years typed on this device as stored (checked again by every merge). */
let localStored: unknown = undefined;
let sync: HolidayYearsSync = EMPTY_SYNC;
const listeners = new Set<() => void>();

function current(): MergedCalendar {
  merged ??= mergeHolidayCalendars(bundled(), undefined);
  return merged;
}

const anyRecord = z.record(z.string(), z.unknown());
const syncSchema = z.object({
  hub: anyRecord,
  replace: z.record(z.string(), z.string()),
  refused: z.record(z.string(), z.string()).optional(),
});

/** A stored sync state read back; a year that no longer parses is dropped (it is pulled again). */
function readSync(raw: unknown): HolidayYearsSync {
  const parsed = syncSchema.safeParse(raw);
  if (!parsed.success) return EMPTY_SYNC;
  const hub: Record<string, PublishedHolidayYear> = {};
  for (const [k, v] of Object.entries(parsed.data.hub)) {
    const y = publishedHolidayYearSchema.safeParse(v);
    if (y.success && String(y.data.year) === k) hub[k] = y.data;
  }
  return { hub, replace: parsed.data.replace, refused: parsed.data.refused ?? {} };
}

/** Bundled + local + hub; the hub's version wins a clash (shown as a conflict, see `holidayConflicts`). */
function remerge(): void {
  const base = bundled();
  const local = anyRecord.safeParse(localStored);
  const overlay: Record<string, unknown> = local.success ? { ...local.data } : {};
  for (const [k, y] of Object.entries(sync.hub)) overlay[k] = y.data;
  const none = localStored === undefined || localStored === null;
  const m = mergeHolidayCalendars(base, none && Object.keys(sync.hub).length === 0 ? undefined : overlay);
  // Stored local data that is not even a record: say so (the merge of the overlay alone would not).
  merged =
    !none && !local.success
      ? { ...m, problems: [...mergeHolidayCalendars(base, localStored).problems, ...m.problems] }
      : m;
  listeners.forEach((l) => {
    l();
  });
}

/** Reads the administrator's years (call before the store opens); a read failure keeps the bundled. */
export async function loadHolidayCalendar(port: HolidayYearsPort): Promise<MergedCalendar> {
  boundPort = port;
  try {
    localStored = await port.load();
  } catch {
    localStored = undefined;
  }
  try {
    sync = readSync(port.loadSync ? await port.loadSync() : undefined);
  } catch {
    sync = EMPTY_SYNC;
  }
  remerge();
  return current();
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

/** The years typed on this device that pass the checks (published or not). */
export function addedHolidayYears(): AddedYears {
  const m = mergeHolidayCalendars(bundled(), localStored);
  const out: Record<string, HolidayYearData> = {};
  for (const [year, origin] of m.origins) {
    const data = m.calendar.years.get(year)?.data;
    if (origin === 'admin' && data) out[String(year)] = data;
  }
  return out;
}

const sameYear = (a: HolidayYearData, b: HolidayYearData): boolean => canonicalJson(a) === canonicalJson(b);

const without = <T>(o: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

/** Where a year stands between this laptop and the hub. */
export type HolidayYearStatus = 'bundled' | 'local' | 'published' | 'conflict';

export function holidayYearStatus(year: number): HolidayYearStatus {
  const local = addedHolidayYears()[String(year)];
  const hub = sync.hub[String(year)];
  if (hub && local) return sameYear(hub.data, local) ? 'published' : 'conflict';
  if (hub) return 'published';
  if (local) return 'local';
  return 'bundled';
}

/** A year typed here that differs from the hub's published version: both, for the administrator. */
export type HolidayConflict = {
  readonly year: number;
  readonly local: HolidayYearData;
  readonly hub: PublishedHolidayYear;
  /** The reason the administrator gave to publish the local version over the hub's, if chosen. */
  readonly replaceReason: string | null;
};

export function holidayConflicts(): HolidayConflict[] {
  const local = addedHolidayYears();
  const out: HolidayConflict[] = [];
  for (const [k, hub] of Object.entries(sync.hub)) {
    const mine = local[k];
    if (mine && !sameYear(mine, hub.data))
      out.push({ year: hub.year, local: mine, hub, replaceReason: sync.replace[k] ?? null });
  }
  return out.sort((a, b) => a.year - b.year);
}

/** What a sync should publish: local years the hub lacks, and conflicts the administrator chose to replace. */
export function holidayYearsToPublish(): { year: number; data: HolidayYearData; reason: string | null }[] {
  const out: { year: number; data: HolidayYearData; reason: string | null }[] = [];
  for (const [k, data] of Object.entries(addedHolidayYears())) {
    const hub = sync.hub[k];
    if (!hub) out.push({ year: Number(k), data, reason: null });
    else if (!sameYear(hub.data, data) && sync.replace[k] !== undefined)
      out.push({ year: Number(k), data, reason: sync.replace[k] ?? null });
  }
  return out.sort((a, b) => a.year - b.year);
}

/** The hub's published year as last pulled (null when the hub has none). */
export const hubHolidayYear = (year: number): PublishedHolidayYear | null => sync.hub[String(year)] ?? null;

/** The hub's refusal of the last attempt to publish `year`, if any. */
export const holidayPublishRefusal = (year: number): string | null => sync.refused[String(year)] ?? null;

async function saveSync(port: HolidayYearsPort, next: HolidayYearsSync): Promise<void> {
  if (port.saveSync) await port.saveSync(next);
  sync = next;
  remerge();
}

/**
 * After a pull: the hub's years replace the copy kept here. Returns the years whose computed content
 * changed (their cases are reprojected). A replacement the hub now holds clears its pending reason.
 */
export async function applyHubHolidayYears(
  port: HolidayYearsPort,
  years: readonly PublishedHolidayYear[],
): Promise<number[]> {
  const before = current().calendar.years;
  const hub: Record<string, PublishedHolidayYear> = {};
  for (const y of years) hub[String(y.year)] = y;
  const local = addedHolidayYears();
  const replace: Record<string, string> = {};
  for (const [k, reason] of Object.entries(sync.replace)) {
    const h = hub[k];
    const mine = local[k];
    if (mine && h && !sameYear(h.data, mine)) replace[k] = reason;
  }
  await saveSync(port, { hub, replace, refused: sync.refused });
  const after = current().calendar.years;
  const changed = new Set<number>();
  for (const y of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(y)?.data;
    const b = after.get(y)?.data;
    if (!a || !b || !sameYear(a, b)) changed.add(y);
  }
  return [...changed].sort((a, b) => a - b);
}

/** After a publish: the hub's answer is kept (or its refusal, shown beside the year). */
export async function recordHolidayPublish(
  port: HolidayYearsPort,
  year: number,
  outcome: { ok: true; published: PublishedHolidayYear } | { ok: false; message: string },
): Promise<void> {
  const k = String(year);
  const next: HolidayYearsSync = outcome.ok
    ? {
        hub: { ...sync.hub, [k]: outcome.published },
        replace: without(sync.replace, k),
        refused: without(sync.refused, k),
      }
    : { ...sync, refused: { ...sync.refused, [k]: outcome.message } };
  await saveSync(port, next);
}

/**
 * The administrator's decision on a conflict: keep the hub's version (the local entry is removed), or
 * publish the local one over it with a reason (sent at the next sync, where the hub audits it).
 */
export async function resolveHolidayConflict(
  port: HolidayYearsPort,
  year: number,
  choice: { keep: 'hub' } | { keep: 'local'; reason: string },
): Promise<Result<MergedCalendar, LawMessage[]>> {
  if (choice.keep === 'hub') {
    const r = await removeHolidayYear(port, year);
    if (!r.ok) return r;
    const k = String(year);
    await saveSync(port, { ...sync, replace: without(sync.replace, k), refused: without(sync.refused, k) });
    return ok(current());
  }
  const reason = choice.reason.trim();
  if (reason.length < 2)
    return err([
      {
        code: 'calendar_replace_reason',
        zh: '请写明替换枢纽版本的理由（至少 2 个字）',
        en: 'Give the reason for replacing the hub version (at least 2 characters)',
      },
    ]);
  try {
    await saveSync(port, { ...sync, replace: { ...sync.replace, [String(year)]: reason } });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return err([
      { code: 'calendar_save_failed', zh: `保存失败：${detail}`, en: `Could not save: ${detail}` },
    ]);
  }
  return ok(current());
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
  localStored = next.value;
  remerge();
  return ok(current());
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
  localStored = next;
  remerge();
  return ok(current());
}

/** Called after every load, added year or sync (React: useSyncExternalStore). */
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
  localStored = undefined;
  sync = EMPTY_SYNC;
  listeners.forEach((l) => {
    l();
  });
}
