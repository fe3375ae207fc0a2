/*
 * v6: the per-case facts the KPI report needs (issue #9 item 7), kept up to date on push so
 * GET /v1/reports/kpis reads one small row per visible case instead of reducing every event. Two rows per
 * case: `owner` (reduced from all events: what users of the owning organisation who see the case pull)
 * and `outside` (public events only: what another organisation sees). `facts` is the JSON of
 * shared/stats CaseFacts, or `null` for a case the statistics do not count. Cases stored before v6 get
 * their rows the first time a report needs them.
 */
import type { Migration } from './index';

export const migration006: Migration = {
  version: 6,
  name: 'case-facts',
  statements: () => [
    `CREATE TABLE case_facts (case_id TEXT NOT NULL, audience TEXT NOT NULL, facts TEXT NOT NULL,
      PRIMARY KEY (case_id, audience))`,
  ],
};
