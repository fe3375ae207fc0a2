/*
 * The organisation directory and the central export audit (issue #9, migration 005). Same dialect-free
 * SQL as queries.ts.
 */
import type { Db } from './db';
import { num, str, strOrNull } from './db';
import { toUser } from './row-mappers';
import type { ExportAuditRow, Queries } from './types';

type OrgQueries = Pick<Queries, 'listOrgUsers' | 'addExportAudit' | 'getExportAudit' | 'listExportAudit'>;

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
