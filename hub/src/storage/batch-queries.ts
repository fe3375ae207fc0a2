/*
 * Set-at-a-time operations of the push path (issue #7 item 8): a push of 500 events reads what it needs
 * for the whole batch in a few queries (`IN (…)`) and writes it with multi-row INSERTs, instead of about
 * eight statements per event — each a round trip on PostgreSQL. Written once over `Db` for both
 * dialects; statements are cut into chunks so no statement binds more than MAX_PARAMS values.
 */
import type { Db, SqlValue } from './db';
import { num, str } from './db';
import { toCase, toEvent } from './row-mappers';
import type { Queries } from './types';

/** Under SQLite's and PostgreSQL's limits on bound values (32,766 / 65,535). */
const MAX_PARAMS = 4000;

const marks = (n: number, width: number): string => {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: n }, () => row).join(', ');
};
const list = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Splits `items` so each chunk binds at most MAX_PARAMS values at `width` values per item. */
function chunks<T>(items: readonly T[], width: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / width));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `INSERT … VALUES <rows> <tail>` in chunks; `row` gives each item's `width` values. */
async function insertRows<T>(
  db: Db,
  head: string,
  tail: string,
  width: number,
  items: readonly T[],
  row: (item: T) => SqlValue[],
): Promise<void> {
  for (const part of chunks(items, width))
    await db.run(`${head} VALUES ${marks(part.length, width)} ${tail}`, part.flatMap(row));
}

/**
 * Runs `sql(placeholders)` once per chunk of the distinct `keys` (bound in place of the placeholders,
 * then `after`) and concatenates the rows.
 */
async function selectIn(
  db: Db,
  keys: readonly string[],
  sql: (placeholders: string) => string,
  after: readonly SqlValue[] = [],
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const part of chunks([...new Set(keys)], 1))
    out.push(...(await db.all(sql(list(part.length)), [...part, ...after])));
  return out;
}

type BatchOps = Pick<
  Queries,
  | 'findEventHeads'
  | 'getCases'
  | 'visibleAmong'
  | 'caseEventsOf'
  | 'appendEvents'
  | 'setDeviceHead'
  | 'createCases'
  | 'grantMany'
  | 'addBlobRefs'
  | 'putCaseFactsMany'
>;

export function batchQueries(db: Db): BatchOps {
  return {
    findEventHeads: async (ids) =>
      (await selectIn(db, ids, (p) => `SELECT id, hash, hub_seq FROM events WHERE id IN (${p})`)).map(
        (r) => ({ id: str(r['id']), hash: str(r['hash']), hubSeq: num(r['hub_seq']) }),
      ),
    getCases: async (caseIds) =>
      (await selectIn(db, caseIds, (p) => `SELECT * FROM cases WHERE case_id IN (${p})`)).map(toCase),
    visibleAmong: async (caseIds, p) =>
      (
        await selectIn(
          db,
          caseIds,
          (m) => `SELECT DISTINCT case_id FROM case_grants WHERE case_id IN (${m})
            AND ((principal_type = 'user' AND principal_id = ?) OR (? = 1 AND principal_type = 'org' AND principal_id = ?))`,
          [p.userId, p.supervisor ? 1 : 0, p.orgId],
        )
      ).map((r) => str(r['case_id'])),
    caseEventsOf: async (caseIds) =>
      (await selectIn(db, caseIds, (p) => `SELECT * FROM events WHERE case_id IN (${p})`))
        .map(toEvent)
        .sort((a, b) => a.hubSeq - b.hubSeq),
    appendEvents: async (events) => {
      await insertRows(
        db,
        'INSERT INTO events (hub_seq, id, case_id, device_id, device_seq, hash, type, conf, body, received_at)',
        '',
        10,
        events,
        (e) => [
          e.hubSeq,
          e.id,
          e.caseId,
          e.deviceId,
          e.deviceSeq,
          e.hash,
          e.type,
          e.conf,
          e.body,
          e.receivedAt,
        ],
      );
    },
    setDeviceHead: async (deviceId, seq, hash) => {
      await db.run('UPDATE devices SET last_seq = ?, last_hash = ? WHERE id = ?', [seq, hash, deviceId]);
    },
    createCases: async (cases) => {
      await insertRows(
        db,
        'INSERT INTO cases (case_id, owner_org_id, opened_seq, created_at, opened_at, status, category, channel)',
        '',
        8,
        cases,
        (c) => [c.caseId, c.ownerOrgId, c.openedSeq, c.openedAt, c.openedAt, c.status, c.category, c.channel],
      );
    },
    grantMany: async (grants) => {
      await insertRows(
        db,
        'INSERT INTO case_grants (case_id, principal_type, principal_id, granted_seq)',
        'ON CONFLICT DO NOTHING',
        4,
        grants,
        (g) => [g.caseId, g.type, g.principalId, g.seq],
      );
    },
    addBlobRefs: async (refs) => {
      await insertRows(
        db,
        'INSERT INTO blob_refs (sha256, event_id, case_id, conf)',
        'ON CONFLICT DO NOTHING',
        4,
        refs,
        (r) => [r.sha256, r.eventId, r.caseId, r.conf],
      );
    },
    putCaseFactsMany: async (rows) => {
      await insertRows(
        db,
        'INSERT INTO case_facts (case_id, audience, facts)',
        'ON CONFLICT (case_id, audience) DO UPDATE SET facts = excluded.facts',
        3,
        rows,
        (r) => [r.caseId, r.audience, r.facts],
      );
    },
  };
}
