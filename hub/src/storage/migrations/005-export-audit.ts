/*
 * v5: the central export audit (issue #9 item 4). Every file a user exported on a laptop (CSV, XLSX,
 * yearbook PDF, element sheet PDF/JSON) is sent here after the export: who (user and device, from the
 * token, never from the body), when, what (kind, format, file name, rows, cases, period, case) and the
 * disclosure (what the file contains). Rows are written once per id and never updated.
 */
import type { Migration } from './index';
import { bigint } from './index';

export const migration005: Migration = {
  version: 5,
  name: 'export-audit',
  statements: (d) => {
    const int = bigint(d);
    return [
      `CREATE TABLE export_audit (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, user_id TEXT NOT NULL,
        device_id TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, format TEXT NOT NULL, file TEXT NOT NULL,
        rows_count ${int} NOT NULL, cases_count ${int} NOT NULL, period_from TEXT, period_to TEXT, case_id TEXT,
        disclosure TEXT NOT NULL, received_at ${int} NOT NULL)`,
      `CREATE INDEX export_audit_org ON export_audit(org_id, received_at)`,
    ];
  },
};
