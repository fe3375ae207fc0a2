/*
 * The organisation directory and the central export audit (issue #9, migration 005). Same dialect-free
 * SQL as queries.ts.
 */
import type { Db } from './db';
import { num, str, strOrNull } from './db';
import { toUser } from './row-mappers';
import type { ExportAuditRow, Queries } from './types';

type OrgQueries = Pick<
  Queries,
  | 'listOrgUsers'
  | 'addExportAudit'
  | 'getExportAudit'
  | 'listExportAudit'
  | 'putCaseFacts'
  | 'visibleCaseFacts'
>;

const GRANTED = `SELECT DISTINCT case_id FROM case_grants
  WHERE (principal_type = 'user' AND principal_id = ?) OR (? = 1 AND principal_type = 'org' AND principal_id = ?)`;

const toAudit = (r: Record<string, unknown>): ExportAuditRow => ({
  id: str(r['id']),
  orgId: str(r['org_id']),
  userId: str(r['user_id']),
  deviceId: str(r['device_id']),
  at: str(r['at']),
  kind: str(r['kind']),
  format: str(r['format']),
  file: str(r['file']),
  rows: num(r['rows_count']),
  cases: num(r['cases_count']),
  periodFrom: strOrNull(r['period_from']),
  periodTo: strOrNull(r['period_to']),
  caseId: strOrNull(r['case_id']),
  disclosure: str(r['disclosure']),
  receivedAt: num(r['received_at']),
});

export function orgQueries(db: Db): OrgQueries {
  return {
    putCaseFacts: async (caseId, audience, facts) => {
      await db.run(
        `INSERT INTO case_facts (case_id, audience, facts) VALUES (?, ?, ?)
         ON CONFLICT (case_id, audience) DO UPDATE SET facts = excluded.facts`,
        [caseId, audience, facts],
      );
    },
    visibleCaseFacts: async (p) =>
      (
        await db.all(
          `SELECT g.case_id AS case_id, CASE WHEN c.owner_org_id = ? THEN 'owner' ELSE 'outside' END AS audience,
             f.facts AS facts
           FROM (${GRANTED}) g JOIN cases c ON c.case_id = g.case_id
           LEFT JOIN case_facts f ON f.case_id = g.case_id
             AND f.audience = CASE WHEN c.owner_org_id = ? THEN 'owner' ELSE 'outside' END
           ORDER BY g.case_id`,
          [p.orgId, p.userId, p.supervisor ? 1 : 0, p.orgId, p.orgId],
        )
      ).map((r) => ({
        caseId: str(r['case_id']),
        audience: str(r['audience']) === 'owner' ? ('owner' as const) : ('outside' as const),
        facts: strOrNull(r['facts']),
      })),
    listOrgUsers: async (orgId) =>
      (await db.all('SELECT * FROM users WHERE org_id = ? ORDER BY name, id', [orgId])).map(toUser),
    addExportAudit: async (r) =>
      (await db.run(
        `INSERT INTO export_audit (id, org_id, user_id, device_id, at, kind, format, file, rows_count, cases_count,
           period_from, period_to, case_id, disclosure, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [
          r.id,
          r.orgId,
          r.userId,
          r.deviceId,
          r.at,
          r.kind,
          r.format,
          r.file,
          r.rows,
          r.cases,
          r.periodFrom,
          r.periodTo,
          r.caseId,
          r.disclosure,
          r.receivedAt,
        ],
      )) === 1,
    getExportAudit: async (id) => {
      const r = await db.get('SELECT * FROM export_audit WHERE id = ?', [id]);
      return r ? toAudit(r) : null;
    },
    listExportAudit: async (orgId, userId, limit) =>
      (
        await db.all(
          `SELECT * FROM export_audit WHERE org_id = ? AND (? = '' OR user_id = ?)
           ORDER BY received_at DESC, id DESC LIMIT ?`,
          [orgId, userId ?? '', userId ?? '', limit],
        )
      ).map(toAudit),
  };
}
