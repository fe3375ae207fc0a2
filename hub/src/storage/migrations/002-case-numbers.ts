/*
 * v2: official case numbers (gapless per organisation and year) and the few case facts the caseload
 * report groups by, kept up to date as events are accepted.
 */
import type { Migration } from './index';
import { bigint } from './index';

export const migration002: Migration = {
  version: 2,
  name: 'case-numbers',
  statements: (d) => {
    const int = bigint(d);
    return [
      `CREATE TABLE case_number_counters (org_id TEXT NOT NULL, year ${int} NOT NULL, last_number ${int} NOT NULL,
        PRIMARY KEY (org_id, year))`,
      `ALTER TABLE cases ADD COLUMN case_number TEXT`,
      `ALTER TABLE cases ADD COLUMN status TEXT NOT NULL DEFAULT 'open'`,
      `ALTER TABLE cases ADD COLUMN category TEXT`,
      `ALTER TABLE cases ADD COLUMN channel TEXT`,
      `ALTER TABLE cases ADD COLUMN opened_at ${int}`,
      `CREATE UNIQUE INDEX cases_number ON cases(case_number)`,
    ];
  },
};
