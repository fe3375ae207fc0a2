/*
 * GET /v1/reports/caseload — first version: counts of the caller's visible cases grouped by status,
 * category or channel, optionally within an opening-date window (China time). Issue #9 adds the KPIs of
 * domain.md §8.2 and grouping by user.
 */
import type { FastifyInstance } from 'fastify';
import { caseloadQuerySchema, type CaseloadResponse } from '#shared/sync/wire';
import { authenticate } from '../auth/authenticate';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { sendError, sendZodError } from '../http/errors';
import type { CaseRecord } from '../storage/types';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const dayOf = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);

function groupKey(c: CaseRecord, by: 'status' | 'category' | 'channel'): string {
  const v = by === 'status' ? c.status : by === 'category' ? c.category : c.channel;
  return v ?? 'unknown';
}

export function registerReportRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/reports/caseload', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = caseloadQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const { from, to, withCases } = parsed.data;
    const by = parsed.data.groupBy ?? 'status';
    if (by === 'user')
      return sendError(req, reply, 'invalid_request', { field: 'groupBy', detail: 'user: issue #9' });
    const cases = (await ctx.storage.q.visibleCases(auth.value.principal)).filter((c) => {
      const day = c.openedAt === null ? null : dayOf(c.openedAt);
      return (
        (from === undefined || (day !== null && day >= from)) &&
        (to === undefined || (day !== null && day <= to))
      );
    });
    const groups = new Map<string, string[]>();
    for (const c of cases) groups.set(groupKey(c, by), [...(groups.get(groupKey(c, by)) ?? []), c.caseId]);
    const body: CaseloadResponse = {
      groupBy: by,
      total: cases.length,
      groups: [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, ids]) => ({ key, count: ids.length, ...(withCases === 'true' ? { caseIds: ids } : {}) })),
      definition: `Cases visible to the caller, opened (hub receipt, China time) between ${from ?? '-∞'} and ${to ?? '+∞'}, grouped by current ${by}.`,
      hubTime: isoTime(ctx.clock()),
    };
    return body;
  });
}
