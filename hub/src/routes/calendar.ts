/*
 * Issue #4 addition (hub/README.md "Holiday years"): the holiday years administrators typed from a State
 * Council notice after the app was built, shared by every device through the hub.
 *
 * GET /v1/calendar/holiday-years — every published year (any enrolled device; every device pulls it
 * during sync, so every laptop computes deadlines with the same years).
 *
 * POST /v1/calendar/holiday-years {year, data, replace?:{reason}} — an administrator (role `admin`, of any
 * organisation: the calendar is national, domain.md §7 "Admin … manage holiday calendar") publishes one
 * year. It is checked like the bundled file (a year the app ships is refused, dates must exist and lie in
 * the year, no date both a holiday and a make-up working day, make-up days on weekends). Publishing the
 * same content again is `unchanged`; other content for a published year is refused (400 field `replace`)
 * unless `replace.reason` is given, and then the old content, the reason and who replaced it are audited.
 *
 * GET /v1/calendar/holiday-years/audit?year= — administrators read the audit, newest first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canonicalJson } from '#shared/events/canonical';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { HolidayYearSchema, type HolidayCalendar, type HolidayYearData } from '#shared/law/calendar';
import { addAdminYear, mergeHolidayCalendars } from '#shared/law/calendar-overlay';
import type { LawMessage } from '#shared/law/messages';
import {
  HOLIDAY_YEAR_RANGE,
  holidayYearPublishSchema,
  type HolidayYearAuditRecord,
  type HolidayYearPublishResponse,
  type HolidayYearsResponse,
  type PublishedHolidayYear,
} from '#shared/sync/wire-calendar';
import { authenticate, type AuthContext } from '../auth/authenticate';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { sendError, sendZodError } from '../http/errors';
import { pickLang } from '../http/messages';
import type { HolidayYearAuditRow, HolidayYearRow, Queries } from '../storage/types';

const auditQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(HOLIDAY_YEAR_RANGE.min).max(HOLIDAY_YEAR_RANGE.max).optional(),
});

const bundled = bundledHolidayCalendar();

/** Stored data was validated on the way in; a row that no longer parses is left out, not guessed. */
function parseData(json: string | null): HolidayYearData | null {
  if (json === null) return null;
  try {
    const r = HolidayYearSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

async function names(q: Queries, userId: string, orgId: string): Promise<{ user: string; org: string }> {
  const [user, org] = await Promise.all([q.getUser(userId), q.getOrg(orgId)]);
  return { user: user?.name ?? '', org: org?.name ?? '' };
}

async function toWire(q: Queries, r: HolidayYearRow): Promise<PublishedHolidayYear | null> {
  const data = parseData(r.data);
  if (data === null) return null;
  const n = await names(q, r.userId, r.orgId);
  return {
    year: r.year,
    data,
    version: r.version,
    publishedAt: isoTime(r.publishedAt),
    publishedBy: { userId: r.userId, userName: n.user, orgId: r.orgId, orgName: n.org },
  };
}

function toAuditRecord(r: HolidayYearAuditRow): HolidayYearAuditRecord | null {
  const data = parseData(r.data);
  if (data === null) return null;
  return {
    id: r.id,
    year: r.year,
    action: r.action,
    version: r.version,
    data,
    previous: parseData(r.previousData),
    reason: r.reason,
    userId: r.userId,
    orgId: r.orgId,
    deviceId: r.deviceId,
    at: isoTime(r.at),
  };
}

/** The problems in the caller's language, each once. */
function detailOf(req: FastifyRequest, problems: readonly LawMessage[]): string {
  const en = pickLang(req.headers['accept-language']) === 'en';
  return [...new Set(problems.map((p) => (en ? p.en : p.zh)))].join(en ? '; ' : '；');
}

const YEAR_CODES = new Set(['calendar_year_range', 'calendar_year_bundled']);

const ADMIN_ONLY = {
  zh: '只有管理员可以发布或查看节假日安排的发布记录',
  en: 'Only an administrator may publish holiday years or read their audit',
};

const isAdmin = (auth: AuthContext): boolean => auth.user.roles.includes('admin');

/**
 * The bundled calendar merged with every published year, for hub code that computes deadlines (the KPI
 * report). The same object is returned while the published years do not change, so per-calendar memos
 * keep working.
 */
let cached: { key: string; calendar: HolidayCalendar } | null = null;
export async function hubHolidayCalendar(q: Queries): Promise<HolidayCalendar | null> {
  if (!bundled.ok) return null;
  const rows = await q.listHolidayYears();
  const key = rows.map((r) => `${String(r.year)}:${String(r.version)}:${r.data}`).join('|');
  if (cached?.key === key) return cached.calendar;
  const stored: Record<string, unknown> = {};
  for (const r of rows) {
    const data = parseData(r.data);
    if (data !== null) stored[String(r.year)] = data;
  }
  const calendar = mergeHolidayCalendars(bundled.value, stored).calendar;
  cached = { key, calendar };
  return calendar;
}

export function registerCalendarRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/calendar/holiday-years', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    if (Object.keys(req.query ?? {}).length > 0) return sendError(req, reply, 'invalid_request');
    const q = ctx.storage.q;
    const years: PublishedHolidayYear[] = [];
    for (const r of await q.listHolidayYears()) {
      const w = await toWire(q, r);
      if (w) years.push(w);
    }
    const body: HolidayYearsResponse = { years, hubTime: isoTime(ctx.clock()) };
    return body;
  });

  app.post('/v1/calendar/holiday-years', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const en = pickLang(req.headers['accept-language']) === 'en';
    if (!isAdmin(auth.value))
      return sendError(req, reply, 'forbidden', { detail: en ? ADMIN_ONLY.en : ADMIN_ONLY.zh });
    const parsed = holidayYearPublishSchema.safeParse(req.body);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const { year, data, replace } = parsed.data;
    if (!bundled.ok)
      return reply
        .code(500)
        .send({ error: 'internal', message: '节假日日历无法读取。Holiday calendar unreadable.' });
    // The same checks as a year typed on a laptop: range, not a bundled year, the year's own rules.
    const checked = addAdminYear(bundled.value, {}, year, data);
    if (!checked.ok) {
      const onYear = checked.error.some((m) => YEAR_CODES.has(m.code));
      return sendError(req, reply, 'invalid_request', {
        field: onYear ? 'year' : 'data',
        detail: detailOf(req, checked.error),
      });
    }
    const clean = checked.value[String(year)];
    if (clean === undefined) return sendError(req, reply, 'invalid_request', { field: 'data' });
    const json = canonicalJson(clean);
    const { user, device } = auth.value;
    const now = ctx.clock();
    const result = await ctx.storage.tx(async (q) => {
      const prior = await q.getHolidayYear(year);
      if (prior !== null && prior.data === json) return { status: 'unchanged' as const, row: prior };
      if (prior !== null && replace === undefined) return { status: 'conflict' as const, row: prior };
      const row: HolidayYearRow = {
        year,
        data: json,
        version: (prior?.version ?? 0) + 1,
        userId: user.id,
        orgId: user.orgId,
        deviceId: device.id,
        publishedAt: now,
      };
      await q.putHolidayYear(row);
      await q.addHolidayYearAudit({
        id: ctx.ids(),
        year,
        action: prior === null ? 'published' : 'replaced',
        version: row.version,
        data: json,
        previousData: prior?.data ?? null,
        reason: replace?.reason ?? null,
        userId: user.id,
        orgId: user.orgId,
        deviceId: device.id,
        at: now,
      });
      return { status: prior === null ? ('published' as const) : ('replaced' as const), row };
    });
    if (result.status === 'conflict') {
      const by = await names(ctx.storage.q, result.row.userId, result.row.orgId);
      const when = isoTime(result.row.publishedAt);
      return sendError(req, reply, 'invalid_request', {
        field: 'replace',
        detail: en
          ? `${String(year)} was already published with other content (version ${String(result.row.version)}, by ${by.user}, ${by.org}, ${when}); to replace it, give replace.reason`
          : `${String(year)} 年已由 ${by.org} ${by.user} 于 ${when} 发布（第 ${String(result.row.version)} 版），内容不同；如需替换，请注明替换理由（replace.reason）`,
      });
    }
    const wire = await toWire(ctx.storage.q, result.row);
    if (wire === null) return sendError(req, reply, 'invalid_request', { field: 'data' });
    const body: HolidayYearPublishResponse = { status: result.status, year: wire, hubTime: isoTime(now) };
    return reply.code(result.status === 'unchanged' ? 200 : 201).send(body);
  });

  app.get('/v1/calendar/holiday-years/audit', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const en = pickLang(req.headers['accept-language']) === 'en';
    if (!isAdmin(auth.value))
      return sendError(req, reply, 'forbidden', { detail: en ? ADMIN_ONLY.en : ADMIN_ONLY.zh });
    const parsed = auditQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const rows = await ctx.storage.q.listHolidayYearAudit(parsed.data.year ?? null);
    return {
      records: rows.map(toAuditRecord).filter((r) => r !== null),
      hubTime: isoTime(ctx.clock()),
    };
  });
}
