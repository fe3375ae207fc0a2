/*
 * The published holiday years and their audit (issue #4, migration 007). Same dialect-free SQL as
 * queries.ts.
 */
import type { Db } from './db';
import { num, str, strOrNull } from './db';
import type { HolidayYearAuditRow, HolidayYearRow, Queries } from './types';

type HolidayQueries = Pick<
  Queries,
  'getHolidayYear' | 'listHolidayYears' | 'putHolidayYear' | 'addHolidayYearAudit' | 'listHolidayYearAudit'
>;

const toYear = (r: Record<string, unknown>): HolidayYearRow => ({
  year: num(r['year']),
  data: str(r['data']),
  version: num(r['version']),
  userId: str(r['user_id']),
  orgId: str(r['org_id']),
  deviceId: str(r['device_id']),
  publishedAt: num(r['published_at']),
});

const toAudit = (r: Record<string, unknown>): HolidayYearAuditRow => ({
  id: str(r['id']),
  year: num(r['year']),
  action: str(r['action']) === 'replaced' ? 'replaced' : 'published',
  version: num(r['version']),
  data: str(r['data']),
  previousData: strOrNull(r['previous_data']),
  reason: strOrNull(r['reason']),
  userId: str(r['user_id']),
  orgId: str(r['org_id']),
  deviceId: str(r['device_id']),
  at: num(r['at']),
});

export function holidayQueries(db: Db): HolidayQueries {
  return {
    getHolidayYear: async (year) => {
      const r = await db.get('SELECT * FROM holiday_years WHERE year = ?', [year]);
      return r ? toYear(r) : null;
    },
    listHolidayYears: async () => (await db.all('SELECT * FROM holiday_years ORDER BY year')).map(toYear),
    putHolidayYear: async (y) => {
      await db.run(
        `INSERT INTO holiday_years (year, data, version, user_id, org_id, device_id, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (year) DO UPDATE SET data = excluded.data, version = excluded.version,
           user_id = excluded.user_id, org_id = excluded.org_id, device_id = excluded.device_id,
           published_at = excluded.published_at`,
        [y.year, y.data, y.version, y.userId, y.orgId, y.deviceId, y.publishedAt],
      );
    },
    addHolidayYearAudit: async (a) => {
      await db.run(
        `INSERT INTO holiday_year_audit (id, year, action, version, data, previous_data, reason, user_id, org_id,
           device_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          a.id,
          a.year,
          a.action,
          a.version,
          a.data,
          a.previousData,
          a.reason,
          a.userId,
          a.orgId,
          a.deviceId,
          a.at,
        ],
      );
    },
    listHolidayYearAudit: async (year) =>
      (
        await db.all(
          `SELECT * FROM holiday_year_audit WHERE (? = 0 OR year = ?) ORDER BY at DESC, version DESC, id DESC`,
          [year ?? 0, year ?? 0],
        )
      ).map(toAudit),
  };
}
