/*
 * GET /v1/reports/caseload — first version: counts of the caller's visible cases grouped by status,
 * category, channel or user (the current handler), optionally within an opening-date window (China
 * time). The KPIs of domain.md §8.2 come from shared/stats over reduced case states (see the seam below).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import {
  CLOSURE_RATE_FORMULAS,
  computeStatsFromFacts,
  drillCases,
  DRILL_PAGE_MAX,
  GROUP_BYS,
  summarizeReport,
  type CaseFacts,
  type StatsReport,
} from '#shared/stats/index';
import { assertNever } from '#shared/util/assert-never';
import { caseloadQuerySchema, type CaseloadResponse } from '#shared/sync/wire';
import { authenticate } from '../auth/authenticate';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { hubHolidayCalendar } from './calendar';
import { sendError, sendZodError } from '../http/errors';
import type { CaseRecord, Principal, Queries } from '../storage/types';
import { refreshCaseFacts } from '../sync/case-facts';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const dayOf = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);

type GroupBy = 'status' | 'category' | 'channel' | 'user';

function groupKey(c: CaseRecord, by: GroupBy, handler: string | null): string {
  switch (by) {
    case 'status':
      return c.status;
    case 'category':
      return c.category ?? 'unknown';
    case 'channel':
      return c.channel ?? 'unknown';
    case 'user':
      return handler ?? 'unassigned';
    default:
      return assertNever(by);
  }
}

/** Names of handlers in the caller's own organisation (other organisations' staff stay ids). */
async function userLabels(q: Queries, orgId: string, keys: Iterable<string>): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const key of keys) {
    const u = key === 'unassigned' ? null : await q.getUser(key);
    if (u?.orgId === orgId) labels.set(key, u.name);
  }
  return labels;
}

const DEFINITION_OF: Record<GroupBy, string> = {
  status: 'current status (running value from explicit moves)',
  category: 'primary dispute category (the first listed at opening)',
  channel: 'intake channel',
  user: 'current handler in your organisation: assignee of its latest assignment by HLC, or "unassigned"',
};

export function registerReportRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/reports/caseload', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = caseloadQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const { from, to, withCases } = parsed.data;
    const by = parsed.data.groupBy ?? 'status';
    const cases = (await ctx.storage.q.visibleCases(auth.value.principal)).filter((c) => {
      const day = c.openedAt === null ? null : dayOf(c.openedAt);
      return (
        (from === undefined || (day !== null && day >= from)) &&
        (to === undefined || (day !== null && day <= to))
      );
    });
    // Seam for shared/stats (issue #9): KPIs are pure functions over reduced CaseStates. Reduce each case
    // of `cases` from its stored events (parse bodies, reduceCase) and hand the states to shared/stats
    // here; grouping keys stay as below.
    const groups = new Map<string, string[]>();
    for (const c of cases) {
      const handler = by === 'user' ? await ctx.storage.q.getAssignee(c.caseId, auth.value.user.orgId) : null;
      const key = groupKey(c, by, handler);
      groups.set(key, [...(groups.get(key) ?? []), c.caseId]);
    }
    const labels =
      by === 'user' ? await userLabels(ctx.storage.q, auth.value.user.orgId, groups.keys()) : null;
    const body: CaseloadResponse = {
      groupBy: by,
      total: cases.length,
      groups: [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, ids]) => {
          const label = labels?.get(key);
          return {
            key,
            ...(label !== undefined ? { label } : {}),
            count: ids.length,
            ...(withCases === 'true' ? { caseIds: ids } : {}),
          };
        }),
      definition: `Cases visible to the caller, opened (hub receipt, China time) between ${from ?? '-∞'} and ${to ?? '+∞'}, grouped by ${DEFINITION_OF[by]}.`,
      hubTime: isoTime(ctx.clock()),
    };
    return body;
  });
  registerKpiRoute(app, ctx);
}

/*
 * GET /v1/reports/kpis?from=&to=[&groupBy=assignee|category|channel|status|kind][&formula=official|accepted|cohort][&unit=<orgId>]
 * The KPIs of domain.md §8.2 computed by shared/stats over the caller's visible cases (of one owning
 * organisation with `unit`), each reduced from the events the caller would pull — the same function and
 * the same input as the supervisor's dashboard, so both give the same numbers. The per-case facts are
 * stored on push (hub/src/sync/case-facts.ts, migration 006), so a report reads one small row per visible
 * case instead of reducing every event. The answer carries counts only (summarizeReport: every case-id
 * list replaced by its length; 54–75 MB at 100k cases before); the cases behind one number come from
 * GET /v1/reports/kpis/cases with the same period, grouping, formula and unit plus the KPI key, a page at
 * a time.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const kpiQueryFields = {
  from: z.string().regex(DAY),
  to: z.string().regex(DAY),
  groupBy: z.enum(GROUP_BYS).optional(),
  formula: z.enum(CLOSURE_RATE_FORMULAS).optional(),
  unit: z.string().min(1).max(100).optional(),
};
const kpiQuerySchema = z.strictObject(kpiQueryFields);
const drillQuerySchema = z.strictObject({
  ...kpiQueryFields,
  key: z.string().min(1).max(100),
  group: z.string().min(1).max(100).optional(),
  side: z.enum(['numerator', 'denominator']).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(DRILL_PAGE_MAX).optional(),
});

const calendar = bundledHolidayCalendar();

/**
 * The facts of every case visible to `principal`, from the stored per-case facts (migration 006);
 * a case stored before them gets its row now.
 */
async function visibleFacts(ctx: HubContext, principal: Principal): Promise<CaseFacts[]> {
  const rows = await ctx.storage.q.visibleCaseFacts(principal);
  const out: CaseFacts[] = [];
  for (const r of rows) {
    const json = r.facts ?? (await ctx.storage.tx((q) => refreshCaseFacts(q, r.caseId)))[r.audience];
    // Written by refreshCaseFacts from shared/stats caseFacts.
    const f = JSON.parse(json) as CaseFacts | null;
    if (f !== null) out.push(f);
  }
  return out;
}

type KpiQuery = z.infer<typeof kpiQuerySchema>;

/**
 * The last few full reports (with case ids) of one hub, so the drill-down pages that follow a KPI answer
 * do not compute the report again. An entry serves only the same caller scope, query, day, holiday
 * calendar (hubHolidayCalendar answers the same object while no year changed) and event log head (every
 * push that changes facts or grants appends events); the KPI route itself always computes afresh.
 */
const REPORT_CACHE_SIZE = 4;
type ReportCache = { key: string; calendar: unknown; report: StatsReport }[];

/** The full report (with case ids) for one query, or the reply already sent. */
async function reportFor(
  ctx: HubContext,
  req: FastifyRequest,
  reply: FastifyReply,
  principal: Principal,
  query: KpiQuery,
  cache: { entries: ReportCache; use: boolean },
): Promise<StatsReport | null> {
  // The bundled calendar parses at build time; a failure here is a broken build, not bad input.
  if (!calendar.ok) {
    await reply
      .code(500)
      .send({ error: 'internal', message: '节假日日历无法读取。Holiday calendar unreadable.' });
    return null;
  }
  const { from, to, groupBy, formula, unit } = query;
  // Issue #4: limits are counted with the administrators' published years too (routes/calendar.ts).
  const withPublished = await hubHolidayCalendar(ctx.storage.q);
  const key = JSON.stringify([
    principal,
    from,
    to,
    groupBy ?? null,
    formula ?? null,
    unit ?? null,
    dayOf(ctx.clock()),
    await ctx.storage.q.lastHubSeq(),
  ]);
  const calendarUsed = withPublished ?? calendar.value;
  const cached = cache.entries.find((c) => c.key === key && c.calendar === calendarUsed);
  if (cache.use && cached) return cached.report;
  const all = await visibleFacts(ctx, principal);
  const facts = unit === undefined ? all : all.filter((f) => f.ownerOrgId === unit);
  const report = computeStatsFromFacts(facts, {
    period: { from, to },
    today: dayOf(ctx.clock()),
    calendar: calendarUsed,
    groupBy: groupBy ?? null,
    options: formula === undefined ? {} : { closureRateFormula: formula },
  });
  if (!report.ok) {
    await sendError(req, reply, 'invalid_request', { field: report.error.field, detail: report.error.zh });
    return null;
  }
  cache.entries.unshift({ key, calendar: calendarUsed, report: report.value });
  cache.entries.length = Math.min(cache.entries.length, REPORT_CACHE_SIZE);
  return report.value;
}

function registerKpiRoute(app: FastifyInstance, ctx: HubContext): void {
  const entries: ReportCache = [];
  app.get('/v1/reports/kpis', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = kpiQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const report = await reportFor(ctx, req, reply, auth.value.principal, parsed.data, {
      entries,
      use: false,
    });
    if (report === null) return reply;
    return { ...summarizeReport(report), hubTime: isoTime(ctx.clock()) };
  });

  // The drill-down: one page of the cases behind one number of the report above.
  app.get('/v1/reports/kpis/cases', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = drillQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const { key, group, side, offset, limit, ...query } = parsed.data;
    const report = await reportFor(ctx, req, reply, auth.value.principal, query, { entries, use: true });
    if (report === null) return reply;
    const page = drillCases(report, { key, group, side, offset: offset ?? 0, limit: limit ?? 200 });
    if (!page.ok)
      return sendError(req, reply, 'invalid_request', { field: page.error.field, detail: page.error.zh });
    return { ...page.value, hubTime: isoTime(ctx.clock()) };
  });
}
