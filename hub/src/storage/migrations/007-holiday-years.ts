/*
 * v7: the administrators' holiday years (issue #4, hub/README.md "Holiday years"). A year the State
 * Council published after the app was built is typed by an administrator on a laptop and published here,
 * so every device pulls it during sync. One row per year (`data`: the canonical JSON of the year as in
 * cn-holidays.json; `version` counts replacements). Every publication and every replacement writes an
 * audit row with the previous content and the reason; audit rows are never updated.
 */
import type { Migration } from './index';
import { bigint } from './index';

export const migration007: Migration = {
  version: 7,
  name: 'holiday-years',
  statements: (d) => {
    const int = bigint(d);
    return [
      `CREATE TABLE holiday_years (year ${int} PRIMARY KEY, data TEXT NOT NULL, version ${int} NOT NULL,
        user_id TEXT NOT NULL, org_id TEXT NOT NULL, device_id TEXT NOT NULL, published_at ${int} NOT NULL)`,
      `CREATE TABLE holiday_year_audit (id TEXT PRIMARY KEY, year ${int} NOT NULL, action TEXT NOT NULL,
        version ${int} NOT NULL, data TEXT NOT NULL, previous_data TEXT, reason TEXT, user_id TEXT NOT NULL,
        org_id TEXT NOT NULL, device_id TEXT NOT NULL, at ${int} NOT NULL)`,
      `CREATE INDEX holiday_year_audit_year ON holiday_year_audit(year, at)`,
    ];
  },
};
