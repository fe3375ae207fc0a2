/*
 * GET /v1/reports/caseload — first version: counts of the caller's visible cases grouped by status,
 * category, channel or user (the current handler), optionally within an opening-date window (China
 * time). The KPIs of domain.md §8.2 come from shared/stats over reduced case states (see the seam below).
 */
import type { FastifyInstance } from 'fastify';
import { assertNever } from '#shared/util/assert-never';
import { caseloadQuerySchema, type CaseloadResponse } from '#shared/sync/wire';
import { authenticate } from '../auth/authenticate';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { sendError, sendZodError } from '../http/errors';
import type { CaseRecord, Queries } from '../storage/types';

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
}
