/*
 * v4: each organisation's current handler of a case, for caseload reports grouped by user: the assignee
 * of that organisation's latest case.assigned / case.reassigned by HLC (the reducer's rule: the later
 * stamp wins), kept with that stamp so assignments arriving out of order cannot move it back. Per
 * organisation because a court assigns its own judge to a referred case without changing the owner's
 * mediator. Assignments accepted before v4 are not back-filled (those cases read as unassigned).
 */
import type { Migration } from './index';

export const migration004: Migration = {
  version: 4,
  name: 'case-assignee',
  statements: () => [
    `CREATE TABLE case_assignees (case_id TEXT NOT NULL, org_id TEXT NOT NULL, user_id TEXT NOT NULL,
      hlc TEXT NOT NULL, PRIMARY KEY (case_id, org_id))`,
  ],
};
