/*
 * Issue #9 additions (hub/README.md "Organisation directory and export audit"):
 *
 * GET /v1/org/users — the users of the caller's own organisation (id, name, roles), for the laptop's
 * directory: the review tab's reassignment list shows names and roles, offline after a sync. Only the
 * caller's organisation: another organisation's staff are never listed.
 *
 * POST /v1/audit/exports — the laptop's export audit records (who exported which file, when, with how
 * many rows and cases, and what the file discloses). A dedicated endpoint rather than a signed case event:
 * an export is not an act on one case (a caseload export spans thousands), so a case event would land
 * in no case or in every one, and would be pulled by every handler of those cases; the audit is for the
 * organisation's supervisors. The bearer token binds the record to the device, user and organisation
 * (the body cannot name them); ids make a retry after a lost answer harmless.
 *
 * GET /v1/audit/exports?limit= — a supervisor reads their organisation's records, anyone else their own.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DISCLOSURE_ITEMS,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportAuditPushSchema,
  type ExportAuditEntry,
  type ExportAuditPushResponse,
  type ExportAuditRecord,
  type OrgUsersResponse,
} from '#shared/sync/wire-org';
import { authenticate } from '../auth/authenticate';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { sendError, sendZodError } from '../http/errors';
import type { ExportAuditRow, UserRecord } from '../storage/types';

const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

const pick = <T extends string>(all: readonly T[], v: string): T | undefined => all.find((x) => x === v);

/** A stored row back in wire shape (stored values were validated on the way in). */
function toRecord(r: ExportAuditRow, users: ReadonlyMap<string, UserRecord>): ExportAuditRecord | null {
  const kind = pick(EXPORT_KINDS, r.kind);
  const format = pick(EXPORT_FORMATS, r.format);
  const disclosure = r.disclosure.split(',').map((d) => pick(DISCLOSURE_ITEMS, d));
  if (kind === undefined || format === undefined || disclosure.some((d) => d === undefined)) return null;
  return {
    id: r.id,
    at: r.at,
    kind,
    format,
    file: r.file,
    rows: r.rows,
    cases: r.cases,
    period: r.periodFrom !== null && r.periodTo !== null ? { from: r.periodFrom, to: r.periodTo } : null,
    caseId: r.caseId,
    disclosure: disclosure.filter((d) => d !== undefined),
    userId: r.userId,
    userName: users.get(r.userId)?.name ?? '',
    deviceId: r.deviceId,
    receivedAt: isoTime(r.receivedAt),
  };
}

export function registerOrgRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/org/users', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    if (Object.keys(req.query ?? {}).length > 0) return sendError(req, reply, 'invalid_request');
    const { org } = auth.value;
    const users = await ctx.storage.q.listOrgUsers(org.id);
    const body: OrgUsersResponse = {
      org: { id: org.id, name: org.name, kind: org.kind },
      users: users.map((u) => ({ id: u.id, name: u.name, roles: u.roles })),
      hubTime: isoTime(ctx.clock()),
    };
    return body;
  });

  app.post('/v1/audit/exports', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = exportAuditPushSchema.safeParse(req.body);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const bad = parsed.data.entries.findIndex((e) => e.period !== null && e.period.to < e.period.from);
    if (bad >= 0)
      return sendError(req, reply, 'invalid_request', {
        field: `entries.${String(bad)}.period`,
        detail: '统计期间的结束日期早于开始日期',
      });
    const { user, device } = auth.value;
    const now = ctx.clock();
    const stored = await ctx.storage.tx(async (q) => {
      const ids: string[] = [];
      for (const e of parsed.data.entries) {
        const prior = await q.getExportAudit(e.id);
        // An id another user (or device) already used is not theirs to confirm; it is left out.
        if (prior !== null) {
          if (prior.userId === user.id && prior.deviceId === device.id) ids.push(e.id);
          continue;
        }
        await q.addExportAudit(rowOf(e, user, device.id, now));
        ids.push(e.id);
      }
      return ids;
    });
    const body: ExportAuditPushResponse = { stored, hubTime: isoTime(now) };
    return body;
  });

  app.get('/v1/audit/exports', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = listQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const { user, principal } = auth.value;
    const q = ctx.storage.q;
    const rows = await q.listExportAudit(
      user.orgId,
      principal.supervisor ? null : user.id,
      parsed.data.limit ?? 200,
    );
    const users = new Map((await q.listOrgUsers(user.orgId)).map((u) => [u.id, u]));
    return {
      records: rows.map((r) => toRecord(r, users)).filter((r) => r !== null),
      hubTime: isoTime(ctx.clock()),
    };
  });
}

function rowOf(e: ExportAuditEntry, user: UserRecord, deviceId: string, now: number): ExportAuditRow {
  return {
    id: e.id,
    orgId: user.orgId,
    userId: user.id,
    deviceId,
    at: e.at,
    kind: e.kind,
    format: e.format,
    file: e.file,
    rows: e.rows,
    cases: e.cases,
    periodFrom: e.period?.from ?? null,
    periodTo: e.period?.to ?? null,
    caseId: e.caseId,
    disclosure: [...new Set(e.disclosure)].join(','),
    receivedAt: now,
  };
}
