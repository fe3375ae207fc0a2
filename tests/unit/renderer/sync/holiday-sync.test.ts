// Issue #4 on the laptop: holiday years typed by an administrator reach the hub at sync and every other
// laptop pulls them, so a deadline into the year is computed the same everywhere; a local entry that
// differs from the hub's published version is a conflict with both versions (the hub's is computed with)
// until the administrator keeps the hub's or replaces it with a reason (audited on the hub); a
// non-administrator's laptop never publishes, and a refusal by the hub is kept for the screen.
// The 2027 dates are a TEST FIXTURE, not the State Council's arrangement.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEADLINE_RULES } from '#shared/law/deadline-rules';
import { computeDeadline } from '#shared/law/deadlines';
import {
  addHolidayYear,
  applyHubHolidayYears,
  currentHolidayCalendar,
  holidayConflicts,
  holidayPublishRefusal,
  holidayYearStatus,
  holidayYearsToPublish,
  loadHolidayCalendar,
  recordHolidayPublish,
  resetHolidayCalendarForTests,
  resolveHolidayConflict,
} from '../../../../renderer/app/holiday-calendar';
import { HOLIDAY_YEARS_SYNC_KEY, holidayYearsPort } from '../../../../renderer/data/holiday-years';
import { createHubClient } from '../../../../renderer/sync/hub-client';
import { syncHolidayYears, type HolidaySyncReport } from '../../../../renderer/sync/holiday-sync';
import { createTokenSource } from '../../../../renderer/sync/session';
import { HUB_URL, world, type Laptop, type World } from './support';

const SOURCE = '测试夹具（并非国务院办公厅通知）';
/** 2027-01-13 (the 45th day after 2026-11-29) is a day off here, so the award limit moves to the 14th. */
const Y2027 = { source: SOURCE, holidays: { 元旦: ['2027-01-01'], 测试假日: ['2027-01-13'] }, workdays: [] };
const Y2027_OTHER = { source: SOURCE, holidays: { 元旦: ['2027-01-01'] }, workdays: ['2027-01-09'] };
const TODAY = '2026-11-29';

function memoryMeta() {
  const rows = new Map<string, unknown>();
  return {
    rows,
    get: (key: string) => Promise.resolve(structuredClone(rows.get(key))),
    put: (key: string, value: unknown) => {
      rows.set(key, structuredClone(value));
      return Promise.resolve();
    },
  };
}

type Device = { laptop: Laptop; meta: ReturnType<typeof memoryMeta> };

let w: World;
beforeEach(async () => {
  w = await world();
  resetHolidayCalendarForTests();
});
afterEach(async () => {
  resetHolidayCalendarForTests();
  await w.close();
});

/** The app calendar is one per running app: switch it to this laptop's stored years. */
async function use(d: Device) {
  resetHolidayCalendarForTests();
  const port = holidayYearsPort(d.meta);
  await loadHolidayCalendar(port);
  return port;
}

async function sync(d: Device, isAdmin: boolean): Promise<HolidaySyncReport> {
  const port = await use(d);
  const tokens = createTokenSource(d.laptop.local, createHubClient(HUB_URL, w.fetch), () => w.hub.clock.now);
  return syncHolidayYears({
    hubUrl: HUB_URL,
    fetch: w.fetch,
    tokens,
    isAdmin,
    local: {
      applyHubYears: (years) => applyHubHolidayYears(port, years),
      toPublish: holidayYearsToPublish,
      recordPublish: (year, outcome) => recordHolidayPublish(port, year, outcome),
    },
  });
}

const award = () => computeDeadline(DEADLINE_RULES.awardTimeLimit, TODAY, currentHolidayCalendar());

const hubYears = async () => (await w.hub.storage.q.listHolidayYears()).map((r) => [r.year, r.version]);

describe('holiday years through the hub', () => {
  it("an administrator's year is published at sync and another laptop computes the deadline with it", async () => {
    const admin: Device = { laptop: await w.laptop('系统管理员', ['admin']), meta: memoryMeta() };
    const mediator: Device = { laptop: await w.laptop('王调解', ['mediator']), meta: memoryMeta() };

    const before = await sync(mediator, false);
    expect(before.pulled).toEqual({ ok: true, value: 0 });
    const missing = award();
    expect(!missing.ok && missing.error.zh).toContain('节假日日历缺少 2027 年的安排');

    const port = await use(admin);
    expect((await addHolidayYear(port, 2027, Y2027)).ok).toBe(true);
    expect(holidayYearStatus(2027)).toBe('local');
    const published = await sync(admin, true);
    expect(published.published).toEqual([2027]);
    expect(holidayYearStatus(2027)).toBe('published');
    expect(await hubYears()).toEqual([[2027, 1]]);
    // A second sync sends nothing: the year is on the hub with the same content.
    const calls = w.fetch.calls.length;
    expect((await sync(admin, true)).published).toEqual([]);
    expect(w.fetch.calls.slice(calls).filter((c) => c.startsWith('POST /v1/calendar'))).toEqual([]);

    const pulled = await sync(mediator, false);
    expect(pulled.changed).toEqual([2027]);
    expect(holidayYearStatus(2027)).toBe('published');
    const due = award();
    expect(due.ok && due.value.due).toBe('2027-01-14');
    // Kept on the laptop: after a restart (a fresh load) the year is there without the hub.
    await use(mediator);
    const again = award();
    expect(again.ok && again.value.due).toBe('2027-01-14');
    expect(mediator.meta.rows.get(HOLIDAY_YEARS_SYNC_KEY)).toMatchObject({ hub: { '2027': { version: 1 } } });
  });

  it('a local entry that differs from the hub is a conflict shown with both versions; a non-administrator never publishes', async () => {
    const admin: Device = { laptop: await w.laptop('系统管理员', ['admin']), meta: memoryMeta() };
    const mediator: Device = { laptop: await w.laptop('王调解', ['mediator']), meta: memoryMeta() };
    await addHolidayYear(await use(admin), 2027, Y2027);
    await sync(admin, true);

    // Typed on the mediator's laptop while offline (before enrollment, say), differently.
    await addHolidayYear(await use(mediator), 2027, Y2027_OTHER);
    const calls = w.fetch.calls.length;
    const r = await sync(mediator, false);
    expect(r.published).toEqual([]);
    expect(w.fetch.calls.slice(calls).filter((c) => c.startsWith('POST'))).toEqual([]);
    expect(holidayYearStatus(2027)).toBe('conflict');
    const conflicts = holidayConflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.local).toEqual(Y2027_OTHER);
    expect(conflicts[0]?.hub.data).toEqual(Y2027);
    expect(conflicts[0]?.hub.publishedBy.userName).toBe('系统管理员');
    // The hub's version is the one computed with, like on every other laptop.
    const due = award();
    expect(due.ok && due.value.due).toBe('2027-01-14');

    // Keeping the hub's version removes the local entry: no conflict remains.
    const port = await use(mediator);
    expect((await resolveHolidayConflict(port, 2027, { keep: 'hub' })).ok).toBe(true);
    expect(holidayConflicts()).toEqual([]);
    expect(holidayYearStatus(2027)).toBe('published');
  });

  it('an administrator replaces the hub version only with a reason, which the hub audits; other laptops follow', async () => {
    const first: Device = { laptop: await w.laptop('管理员甲', ['admin']), meta: memoryMeta() };
    const second: Device = { laptop: await w.laptop('管理员乙', ['admin']), meta: memoryMeta() };
    const mediator: Device = { laptop: await w.laptop('王调解', ['mediator']), meta: memoryMeta() };
    await addHolidayYear(await use(first), 2027, Y2027);
    await sync(first, true);
    await sync(mediator, false);

    await addHolidayYear(await use(second), 2027, Y2027_OTHER);
    const calls = w.fetch.calls.length;
    const r = await sync(second, true);
    // Not sent without the administrator's decision: the conflict is shown instead.
    expect(r.published).toEqual([]);
    expect(w.fetch.calls.slice(calls).filter((c) => c.startsWith('POST'))).toEqual([]);
    expect(holidayConflicts().map((c) => c.year)).toEqual([2027]);

    const port = await use(second);
    const blank = await resolveHolidayConflict(port, 2027, { keep: 'local', reason: ' ' });
    expect(!blank.ok && blank.error[0]?.zh).toContain('请写明替换枢纽版本的理由');
    const reason = '核对通知原文：1 月 13 日不放假';
    expect((await resolveHolidayConflict(port, 2027, { keep: 'local', reason })).ok).toBe(true);
    expect(holidayConflicts()[0]?.replaceReason).toBe(reason);
    const replaced = await sync(second, true);
    expect(replaced.published).toEqual([2027]);
    expect(holidayConflicts()).toEqual([]);
    expect(await hubYears()).toEqual([[2027, 2]]);
    const audit = await w.hub.storage.q.listHolidayYearAudit(2027);
    expect(audit.map((a) => [a.action, a.version, a.reason])).toEqual([
      ['replaced', 2, reason],
      ['published', 1, null],
    ]);

    const follow = await sync(mediator, false);
    expect(follow.changed).toEqual([2027]);
    const due = award();
    expect(due.ok && due.value.due).toBe('2027-01-13');
    // The first administrator's laptop now holds a local entry that differs: shown as a conflict.
    await sync(first, true);
    expect(holidayConflicts().map((c) => [c.year, c.hub.version])).toEqual([[2027, 2]]);
  });

  it("keeps the hub's refusal for the screen when a laptop that lost the admin role publishes", async () => {
    const stale: Device = { laptop: await w.laptop('前管理员', ['arbitrator']), meta: memoryMeta() };
    await addHolidayYear(await use(stale), 2027, Y2027);
    // The laptop still believes it is an administrator (roles changed on the hub since enrollment).
    const r = await sync(stale, true);
    expect(r.published).toEqual([]);
    expect(r.refused.map((x) => x.year)).toEqual([2027]);
    expect(holidayPublishRefusal(2027)).toContain('只有管理员可以发布');
    expect(holidayYearStatus(2027)).toBe('local');
    expect(await hubYears()).toEqual([]);
  });
});
