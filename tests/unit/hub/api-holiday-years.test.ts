// Issue #4 on the hub: administrators publish holiday years (POST /v1/calendar/holiday-years), every
// enrolled device reads them (GET), a replacement needs a reason and is audited, bad input and
// non-administrators get a clear zh/en error, and the KPI report's limits use the published years.
// Migration 007 is tested here too (open at 6, seed, migrate to 7). The 2027 dates are a TEST FIXTURE,
// not the State Council's arrangement. Runs on SQLite and (HUB_TEST_PG_URL) PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { nextWorkingDay } from '#shared/law/calendar';
import type {
  HolidayYearAuditRecord,
  HolidayYearPublishResponse,
  HolidayYearsResponse,
} from '#shared/sync/wire-calendar';
import { hubHolidayCalendar } from '../../../hub/src/routes/calendar';
import { currentVersion, migrate } from '../../../hub/src/storage/migrate';
import { openBackend, storageOver } from '../../../hub/src/storage/open';
import type { OrgRecord } from '../../../hub/src/storage/types';
import { BACKENDS } from './support/backends';
import { bearer, startHub, T0, type Harness } from './support/harness';

const SOURCE = '测试夹具（并非国务院办公厅通知）';
const Y2027 = {
  source: SOURCE,
  holidays: { 元旦: ['2027-01-01'], 测试假日: ['2027-01-04', '2027-01-05'] },
  workdays: ['2027-01-09'],
};
const Y2027_B = { ...Y2027, holidays: { 元旦: ['2027-01-01'] }, workdays: [] };

type ErrorBody = { error: string; message: string; field?: string };

describe.each(BACKENDS)('holiday years on $name', ({ config }) => {
  let h: Harness;
  let org: OrgRecord;
  let union: OrgRecord;
  beforeEach(async () => {
    h = await startHub(config());
    org = await h.org('荆门市劳动人事争议仲裁院');
    union = await h.org('荆门市总工会', '荆工调', 'union');
  });
  afterEach(async () => {
    await h.close();
  });

  const publish = (token: string, payload: unknown, lang = 'zh-CN') =>
    h.app.inject({
      method: 'POST',
      url: '/v1/calendar/holiday-years',
      headers: { ...bearer(token), 'accept-language': lang },
      payload: payload as object,
    });
  const list = async (token: string) => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/v1/calendar/holiday-years',
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(200);
    return res.json<HolidayYearsResponse>().years;
  };
  const audit = (token: string, query = '') =>
    h.app.inject({ method: 'GET', url: `/v1/calendar/holiday-years/audit${query}`, headers: bearer(token) });

  it('an administrator publishes a year; every enrolled device of every organisation reads it', async () => {
    const admin = await h.user(org, '系统管理员', ['admin']);
    const dev = await h.enroll(admin);
    const res = await publish(dev.token, { year: 2027, data: Y2027 });
    expect(res.statusCode).toBe(201);
    const body = res.json<HolidayYearPublishResponse>();
    expect(body.status).toBe('published');
    expect(body.year).toMatchObject({
      year: 2027,
      data: Y2027,
      version: 1,
      publishedAt: new Date(T0).toISOString(),
      publishedBy: { userId: admin.id, userName: '系统管理员', orgId: org.id, orgName: org.name },
    });
    const mediator = await h.enroll(await h.user(union, '工会调解员', ['mediator']));
    const years = await list(mediator.token);
    expect(years.map((y) => [y.year, y.version, y.data])).toEqual([[2027, 1, Y2027]]);
    // Publishing the same content again changes nothing and is not audited twice.
    const again = await publish(dev.token, { year: 2027, data: Y2027 });
    expect(again.statusCode).toBe(200);
    expect(again.json<HolidayYearPublishResponse>().status).toBe('unchanged');
    const rows = (await audit(dev.token)).json<{ records: HolidayYearAuditRecord[] }>().records;
    expect(rows.map((r) => [r.year, r.action, r.version, r.reason, r.previous])).toEqual([
      [2027, 'published', 1, null, null],
    ]);
    expect(rows[0]).toMatchObject({ userId: admin.id, orgId: org.id, deviceId: dev.deviceId });
  });

  it('other content for a published year is refused without a reason, and replaced and audited with one', async () => {
    const first = await h.enroll(await h.user(org, '管理员甲', ['admin']));
    const second = await h.enroll(await h.user(union, '管理员乙', ['admin']));
    expect((await publish(first.token, { year: 2027, data: Y2027 })).statusCode).toBe(201);
    h.clock.now = T0 + 60_000;
    const refused = await publish(second.token, { year: 2027, data: Y2027_B });
    expect(refused.statusCode).toBe(400);
    const e = refused.json<ErrorBody>();
    expect(e.error).toBe('invalid_request');
    expect(e.field).toBe('replace');
    expect(e.message).toContain('2027 年已由 荆门市劳动人事争议仲裁院 管理员甲');
    expect(e.message).toContain('替换理由');
    const refusedEn = (await publish(second.token, { year: 2027, data: Y2027_B }, 'en')).json<ErrorBody>();
    expect(refusedEn.message).toContain('2027 was already published with other content');
    expect((await list(second.token))[0]?.data).toEqual(Y2027);

    const blank = await publish(second.token, { year: 2027, data: Y2027_B, replace: { reason: ' ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json<ErrorBody>().field).toBe('replace.reason');

    const reason = '国务院办公厅更正通知，删除测试假日';
    const replaced = await publish(second.token, { year: 2027, data: Y2027_B, replace: { reason } });
    expect(replaced.statusCode).toBe(201);
    expect(replaced.json<HolidayYearPublishResponse>()).toMatchObject({
      status: 'replaced',
      year: { version: 2, data: Y2027_B, publishedBy: { userName: '管理员乙', orgId: union.id } },
    });
    expect((await list(first.token)).map((y) => [y.version, y.data])).toEqual([[2, Y2027_B]]);
    const rows = (await audit(first.token, '?year=2027')).json<{ records: HolidayYearAuditRecord[] }>()
      .records;
    expect(rows.map((r) => [r.action, r.version, r.reason])).toEqual([
      ['replaced', 2, reason],
      ['published', 1, null],
    ]);
    expect(rows[0]?.previous).toEqual(Y2027);
    expect(rows[0]?.data).toEqual(Y2027_B);
    expect(rows[0]?.at).toBe(new Date(T0 + 60_000).toISOString());
  });

  it('refuses bad input with the problem named in Chinese or English, and stores nothing', async () => {
    const dev = await h.enroll(await h.user(org, '系统管理员', ['admin']));
    const cases: { payload: unknown; field: string; zh: string; en: string }[] = [
      {
        payload: { year: 2027, data: { ...Y2027, holidays: { 元旦: ['2027-02-30'] } } },
        field: 'data',
        zh: '不存在的日期 2027-02-30',
        en: 'No such date 2027-02-30',
      },
      {
        payload: { year: 2027, data: { ...Y2027, holidays: { 元旦: ['2027-1-1'] } } },
        field: 'data',
        zh: 'YYYY-MM-DD',
        en: 'YYYY-MM-DD',
      },
      {
        payload: { year: 2027, data: { ...Y2027, holidays: { 元旦: ['2028-01-01'] } } },
        field: 'data',
        zh: '2028-01-01 不在 2027 年',
        en: '2028-01-01 is not in 2027',
      },
      {
        payload: { year: 2027, data: { ...Y2027, workdays: ['2027-01-01'] } },
        field: 'data',
        zh: '2027-01-01',
        en: '2027-01-01',
      },
      { payload: { year: 1989, data: Y2027 }, field: 'year', zh: '年份无效：1989', en: 'Invalid year: 1989' },
      { payload: { year: 2201, data: Y2027 }, field: 'year', zh: '年份无效：2201', en: 'Invalid year: 2201' },
      {
        payload: { year: 2026, data: { ...Y2027, holidays: { 元旦: ['2026-01-01'] }, workdays: [] } },
        field: 'year',
        zh: '2026 年的安排随软件发布',
        en: '2026 ships with the app',
      },
      {
        payload: { year: 2027, data: { ...Y2027, source: '' } },
        field: 'data',
        zh: '必须注明来源',
        en: 'source: a source is required',
      },
      { payload: { year: '2027', data: Y2027 }, field: 'year', zh: '请求格式不正确', en: 'malformed' },
      { payload: { year: 2027, data: Y2027, extra: 1 }, field: '', zh: '请求格式不正确', en: 'malformed' },
    ];
    for (const c of cases) {
      const zh = await publish(dev.token, c.payload);
      expect(zh.statusCode, JSON.stringify(c.payload)).toBe(400);
      const body = zh.json<ErrorBody>();
      expect(body.error).toBe('invalid_request');
      if (c.field !== '') expect(body.field).toBe(c.field);
      expect(body.message).toContain(c.zh);
      const en = (await publish(dev.token, c.payload, 'en')).json<ErrorBody>();
      expect(en.message).toContain(c.en);
    }
    // A make-up working day that is also a holiday: the overlap is named in both languages.
    const both = { ...Y2027, holidays: { 元旦: ['2027-01-01', '2027-01-02'] }, workdays: ['2027-01-02'] };
    const overlap = await publish(dev.token, { year: 2027, data: both });
    expect(overlap.json<ErrorBody>()).toMatchObject({ error: 'invalid_request', field: 'data' });
    expect(overlap.json<ErrorBody>().message).toContain('2027-01-02 既是放假日又是上班日');
    const overlapEn = await publish(dev.token, { year: 2027, data: both }, 'en');
    expect(overlapEn.json<ErrorBody>().message).toContain('2027-01-02 is both off and on');
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/v1/calendar/holiday-years',
      headers: { ...bearer(dev.token), 'content-type': 'application/json' },
      payload: '{"year": 2027,',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ErrorBody>().error).toBe('invalid_json');
    expect(await list(dev.token)).toEqual([]);
    expect(await h.storage.q.listHolidayYearAudit(null)).toEqual([]);
  });

  it('refuses a non-administrator, an unknown token and a revoked device', async () => {
    const sup = await h.enroll(await h.user(org, '赵主任', ['supervisor', 'arbitrator']));
    const res = await publish(sup.token, { year: 2027, data: Y2027 });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>()).toMatchObject({ error: 'forbidden' });
    expect(res.json<ErrorBody>().message).toContain('只有管理员可以发布');
    expect((await publish(sup.token, { year: 2027, data: Y2027 }, 'en')).json<ErrorBody>().message).toContain(
      'Only an administrator may publish',
    );
    expect((await audit(sup.token)).statusCode).toBe(403);
    expect((await publish('x'.repeat(40), { year: 2027, data: Y2027 })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/v1/calendar/holiday-years' })).statusCode).toBe(401);
    const admin = await h.enroll(await h.user(org, '系统管理员', ['admin']));
    await h.storage.q.revokeDevice(admin.deviceId, T0);
    const revoked = await publish(admin.token, { year: 2027, data: Y2027 });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json<ErrorBody>().error).toBe('device_revoked');
    expect(await list(sup.token)).toEqual([]);
    expect((await audit(sup.token, '?year=abc')).statusCode).toBe(403);
  });

  it('the hub computes with the bundled calendar merged with the published years', async () => {
    const bundled = bundledHolidayCalendar();
    if (!bundled.ok) throw new Error('bundled calendar');
    const before = await hubHolidayCalendar(h.storage.q);
    expect(before?.years.has(2027)).toBe(false);
    expect(before && nextWorkingDay('2026-12-31', before).ok).toBe(false);
    const dev = await h.enroll(await h.user(org, '系统管理员', ['admin']));
    await publish(dev.token, { year: 2027, data: Y2027 });
    const after = await hubHolidayCalendar(h.storage.q);
    // 2027-01-01 is a holiday, 01-02/03 a weekend, 01-04/05 test holidays: the next workday is 01-06.
    const next = after ? nextWorkingDay('2026-12-31', after) : null;
    expect(next?.ok && next.value).toBe('2027-01-06');
    expect(await hubHolidayCalendar(h.storage.q)).toBe(after);
    expect(after?.years.get(2026)).toEqual(bundled.value.years.get(2026));
  });

  it('migration 007 keeps v6 data and adds the holiday tables', async () => {
    const backend = await openBackend(config());
    await migrate(backend, 6);
    await backend.db.run("INSERT INTO case_facts (case_id, audience, facts) VALUES ('c1', 'owner', 'null')");
    expect(await migrate(backend, 7)).toBe(7);
    expect(await currentVersion(backend)).toBe(7);
    const s = storageOver(backend);
    expect(await s.q.listHolidayYears()).toEqual([]);
    const row = {
      year: 2027,
      data: '{}',
      version: 1,
      userId: 'u',
      orgId: 'o',
      deviceId: 'd',
      publishedAt: 5,
    };
    await s.q.putHolidayYear(row);
    await s.q.putHolidayYear({ ...row, version: 2, data: '{"a":1}' });
    expect(await s.q.getHolidayYear(2027)).toEqual({ ...row, version: 2, data: '{"a":1}' });
    const got = await backend.db.get("SELECT facts FROM case_facts WHERE case_id = 'c1'");
    expect(got?.['facts']).toBe('null');
    await s.close();
  });
});
