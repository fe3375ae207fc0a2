/*
 * GET /v1/reports/caseload — first version: counts of the caller's visible cases grouped by status,
 * category, channel or user (the current handler), optionally within an opening-date window (China
 * time). The KPIs of domain.md §8.2 come from shared/stats over reduced case states (see the seam below).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reduceCase, type CaseState } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { CLOSURE_RATE_FORMULAS, computeStats, GROUP_BYS } from '#shared/stats/index';
import { assertNever } from '#shared/util/assert-never';
import { caseloadQuerySchema, type CaseloadResponse } from '#shared/sync/wire';
import { authenticate } from '../auth/authenticate';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { sendError, sendZodError } from '../http/errors';
import type { CaseRecord, Principal, Queries } from '../storage/types';
import { START_CURSOR } from '../sync/cursor';

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
 * GET /v1/reports/kpis?from=&to=[&groupBy=assignee|category|channel|status|kind][&formula=official|accepted|cohort]
 * The KPIs of domain.md §8.2 computed by shared/stats over the caller's visible cases, each reduced from
 * the events the caller would pull — the same function and the same input as the supervisor's dashboard,
 * so both give the same numbers. First version: reduces on request (a stored CaseState projection per case
 * is what the 100k-case benchmark needs).
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const kpiQuerySchema = z.strictObject({
  from: z.string().regex(DAY),
  to: z.string().regex(DAY),
  groupBy: z.enum(GROUP_BYS).optional(),
  formula: z.enum(CLOSURE_RATE_FORMULAS).optional(),
});

const calendar = bundledHolidayCalendar();

async function visibleStates(q: Queries, principal: Principal): Promise<CaseState[]> {
  const byCase = new Map<string, CaseEvent[]>();
  let after = START_CURSOR;
  for (;;) {
    const page = await q.pull(principal, after, 1000);
    for (const row of page) {
      // Bodies were fully validated (schema, hash, signature) when pushed.
      const e = JSON.parse(row.body) as CaseEvent;
      const list = byCase.get(e.caseId) ?? [];
      list.push(e);
      byCase.set(e.caseId, list);
    }
    const last = page.at(-1);
    if (!last || page.length < 1000) break;
    after = { pos: last.pos, seq: last.hubSeq };
  }
  return [...byCase.values()].map((events) => reduceCase(events));
}

function registerKpiRoute(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/reports/kpis', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = kpiQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    // The bundled calendar parses at build time; a failure here is a broken build, not bad input.
    if (!calendar.ok)
      return reply
        .code(500)
        .send({ error: 'internal', message: '节假日日历无法读取。Holiday calendar unreadable.' });
    const { from, to, groupBy, formula } = parsed.data;
    const states = await visibleStates(ctx.storage.q, auth.value.principal);
    const report = computeStats(states, {
      period: { from, to },
      today: dayOf(ctx.clock()),
      calendar: calendar.value,
      groupBy: groupBy ?? null,
      options: formula === undefined ? {} : { closureRateFormula: formula },
    });
    if (!report.ok)
      return sendError(req, reply, 'invalid_request', { field: report.error.field, detail: report.error.zh });
    return { ...report.value, hubTime: isoTime(ctx.clock()) };
  });
}
