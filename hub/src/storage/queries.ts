/*
 * The storage operations, written once over `Db` for both dialects. Visibility is a grant table: a case
 * is granted to a user (opened by / assigned to them) or to an organisation (its supervisors) from a hub
 * sequence number on; a puller's feed position for an event is max(event seq, earliest grant seq), which
 * appends a newly visible case's history at the grant point so cursors never move back.
 */
import { batchQueries } from './batch-queries';
import type { Db, SqlValue } from './db';
import { num } from './db';
import { holidayQueries } from './holiday-queries';
import { orgQueries } from './org-queries';
import { recoveryQueries } from './recovery-queries';
import { toBlob, toCase, toDevice, toEvent, toFeedEvent, toOrg, toToken, toUser } from './row-mappers';
import type { CasePatch, Principal, Queries } from './types';

const GRANTS_OF = `SELECT case_id, MIN(granted_seq) AS gseq FROM case_grants
  WHERE (principal_type = 'user' AND principal_id = ?) OR (? = 1 AND principal_type = 'org' AND principal_id = ?)
  GROUP BY case_id`;
const grantParams = (p: Principal): SqlValue[] => [p.userId, p.supervisor ? 1 : 0, p.orgId];
const POS = 'CASE WHEN e.hub_seq > g.gseq THEN e.hub_seq ELSE g.gseq END';
const CASE_COLUMNS = {
  caseNumber: 'case_number',
  status: 'status',
  category: 'category',
  channel: 'channel',
} as const;

function identityQueries(
  db: Db,
): Pick<
  Queries,
  | 'createOrg'
  | 'getOrg'
  | 'listOrgs'
  | 'createUser'
  | 'getUser'
  | 'createEnrollmentCode'
  | 'consumeEnrollmentCode'
  | 'createDevice'
  | 'getDevice'
  | 'listDevices'
  | 'revokeDevice'
> {
  return {
    createOrg: async (o) => {
      await db.run(
        'INSERT INTO orgs (id, name, kind, case_number_prefix, created_at) VALUES (?, ?, ?, ?, ?)',
        [o.id, o.name, o.kind, o.caseNumberPrefix, o.createdAt],
      );
    },
    getOrg: async (id) => {
      const r = await db.get('SELECT * FROM orgs WHERE id = ?', [id]);
      return r ? toOrg(r) : null;
    },
    listOrgs: async () => (await db.all('SELECT * FROM orgs ORDER BY created_at, id')).map(toOrg),
    createUser: async (u) => {
      await db.run('INSERT INTO users (id, org_id, name, roles, created_at) VALUES (?, ?, ?, ?, ?)', [
        u.id,
        u.orgId,
        u.name,
        u.roles.join(','),
        u.createdAt,
      ]);
    },
    getUser: async (id) => {
      const r = await db.get('SELECT * FROM users WHERE id = ?', [id]);
      return r ? toUser(r) : null;
    },
    createEnrollmentCode: async (c) => {
      await db.run(
        'INSERT INTO enrollment_codes (code_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)',
        [c.codeHash, c.userId, c.expiresAt, c.createdAt],
      );
    },
    consumeEnrollmentCode: async (codeHash, now) => {
      const r = await db.get(
        'SELECT user_id FROM enrollment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
        [codeHash, now],
      );
      if (!r) return null;
      const changed = await db.run(
        'UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL',
        [now, codeHash],
      );
      return changed === 1 ? String(r['user_id']) : null;
    },
    createDevice: async (d) => {
      await db.run(
        `INSERT INTO devices (id, user_id, name, public_key, wrapped_recovery_key, revoked_at, last_seq, last_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          d.id,
          d.userId,
          d.name,
          d.publicKeyJwk,
          d.wrappedRecoveryKey,
          d.revokedAt,
          d.lastSeq,
          d.lastHash,
          d.createdAt,
        ],
      );
    },
    getDevice: async (id) => {
      const r = await db.get('SELECT * FROM devices WHERE id = ?', [id]);
      return r ? toDevice(r) : null;
    },
    listDevices: async (userId) =>
      (await db.all('SELECT * FROM devices WHERE user_id = ? ORDER BY created_at, id', [userId])).map(
        toDevice,
      ),
    revokeDevice: async (id, now) => {
      const n = await db.run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
        now,
        id,
      ]);
      await db.run('UPDATE tokens SET revoked = 1 WHERE device_id = ?', [id]);
      return n === 1;
    },
  };
}

function tokenQueries(
  db: Db,
): Pick<Queries, 'insertToken' | 'getToken' | 'markTokenRotated' | 'revokeToken'> {
  return {
    insertToken: async (t) => {
      await db.run(
        `INSERT INTO tokens (token_hash, kind, device_id, expires_at, created_at, rotated_at, replaced_by, revoked)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          t.tokenHash,
          t.kind,
          t.deviceId,
          t.expiresAt,
          t.createdAt,
          t.rotatedAt,
          t.replacedBy,
          t.revoked ? 1 : 0,
        ],
      );
    },
    getToken: async (h) => {
      const r = await db.get('SELECT * FROM tokens WHERE token_hash = ?', [h]);
      return r ? toToken(r) : null;
    },
    markTokenRotated: async (h, now, replacedBy) => {
      await db.run('UPDATE tokens SET rotated_at = ?, replaced_by = ? WHERE token_hash = ?', [
        now,
        replacedBy,
        h,
      ]);
    },
    revokeToken: async (h) => {
      await db.run('UPDATE tokens SET revoked = 1 WHERE token_hash = ?', [h]);
    },
  };
}

function eventQueries(
  db: Db,
): Pick<Queries, 'findEvent' | 'caseEvents' | 'appendEvent' | 'lastHubSeq' | 'pull'> {
  const lastHubSeq = async () =>
    num((await db.get('SELECT COALESCE(MAX(hub_seq), 0) AS s FROM events'))?.['s'] ?? 0);
  return {
    findEvent: async (id) => {
      const r = await db.get('SELECT * FROM events WHERE id = ?', [id]);
      return r ? toEvent(r) : null;
    },
    caseEvents: async (caseId) =>
      (await db.all('SELECT * FROM events WHERE case_id = ? ORDER BY hub_seq', [caseId])).map(toEvent),
    lastHubSeq,
    appendEvent: async (e, receivedAt) => {
      const seq = (await lastHubSeq()) + 1;
      await db.run(
        `INSERT INTO events (hub_seq, id, case_id, device_id, device_seq, hash, type, conf, body, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [seq, e.id, e.caseId, e.deviceId, e.deviceSeq, e.hash, e.type, e.conf, e.body, receivedAt],
      );
      await db.run('UPDATE devices SET last_seq = ?, last_hash = ? WHERE id = ?', [
        e.deviceSeq,
        e.hash,
        e.deviceId,
      ]);
      return seq;
    },
    pull: async (p, after, limit) => {
      const rows = await db.all(
        `SELECT e.*, ${POS} AS pos FROM events e
         JOIN (${GRANTS_OF}) g ON g.case_id = e.case_id
         JOIN cases c ON c.case_id = e.case_id
         WHERE (c.owner_org_id = ? OR e.conf = 'public')
           AND (${POS} > ? OR (${POS} = ? AND e.hub_seq > ?))
         ORDER BY pos, e.hub_seq LIMIT ?`,
        [...grantParams(p), p.orgId, after.pos, after.pos, after.seq, limit],
      );
      return rows.map(toFeedEvent);
    },
  };
}

function caseQueries(
  db: Db,
): Pick<
  Queries,
  | 'getCase'
  | 'createCase'
  | 'updateCase'
  | 'setAssignee'
  | 'getAssignee'
  | 'grant'
  | 'canSee'
  | 'visibleCases'
  | 'nextCaseNumber'
> {
  return {
    getCase: async (id) => {
      const r = await db.get('SELECT * FROM cases WHERE case_id = ?', [id]);
      return r ? toCase(r) : null;
    },
    createCase: async (c) => {
      await db.run(
        'INSERT INTO cases (case_id, owner_org_id, opened_seq, created_at, opened_at) VALUES (?, ?, ?, ?, ?)',
        [c.caseId, c.ownerOrgId, c.openedSeq, c.openedAt, c.openedAt],
      );
    },
    updateCase: async (caseId, patch: CasePatch) => {
      for (const key of Object.keys(CASE_COLUMNS) as (keyof typeof CASE_COLUMNS)[]) {
        const v = patch[key];
        if (v === undefined) continue;
        await db.run(`UPDATE cases SET ${CASE_COLUMNS[key]} = ? WHERE case_id = ?`, [v, caseId]);
      }
    },
    setAssignee: async (caseId, orgId, userId, hlc) => {
      await db.run(
        `INSERT INTO case_assignees (case_id, org_id, user_id, hlc) VALUES (?, ?, ?, ?)
         ON CONFLICT (case_id, org_id) DO UPDATE SET user_id = excluded.user_id, hlc = excluded.hlc
         WHERE case_assignees.hlc < excluded.hlc`,
        [caseId, orgId, userId, hlc],
      );
    },
    getAssignee: async (caseId, orgId) => {
      const r = await db.get('SELECT user_id FROM case_assignees WHERE case_id = ? AND org_id = ?', [
        caseId,
        orgId,
      ]);
      return r ? String(r['user_id']) : null;
    },
    grant: async (caseId, type, principalId, seq) => {
      await db.run(
        `INSERT INTO case_grants (case_id, principal_type, principal_id, granted_seq) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        [caseId, type, principalId, seq],
      );
    },
    canSee: async (caseId, p) =>
      (await db.get(`SELECT 1 AS x FROM (${GRANTS_OF}) g WHERE g.case_id = ?`, [
        ...grantParams(p),
        caseId,
      ])) !== undefined,
    visibleCases: async (p) =>
      (
        await db.all(
          `SELECT c.* FROM cases c JOIN (${GRANTS_OF}) g ON g.case_id = c.case_id ORDER BY c.opened_seq`,
          [...grantParams(p)],
        )
      ).map(toCase),
    nextCaseNumber: async (orgId, year) => {
      const r = await db.get('SELECT last_number FROM case_number_counters WHERE org_id = ? AND year = ?', [
        orgId,
        year,
      ]);
      const next = r ? num(r['last_number']) + 1 : 1;
      if (r)
        await db.run('UPDATE case_number_counters SET last_number = ? WHERE org_id = ? AND year = ?', [
          next,
          orgId,
          year,
        ]);
      else
        await db.run('INSERT INTO case_number_counters (org_id, year, last_number) VALUES (?, ?, ?)', [
          orgId,
          year,
          next,
        ]);
      return next;
    },
  };
}

function blobQueries(
  db: Db,
): Pick<Queries, 'addBlobRef' | 'blobRefs' | 'getBlob' | 'putBlob' | 'deleteBlob' | 'getState' | 'setState'> {
  return {
    addBlobRef: async (r) => {
      await db.run(
        'INSERT INTO blob_refs (sha256, event_id, case_id, conf) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [r.sha256, r.eventId, r.caseId, r.conf],
      );
    },
    blobRefs: async (sha) =>
      (await db.all('SELECT case_id, conf FROM blob_refs WHERE sha256 = ?', [sha])).map((r) => ({
        caseId: String(r['case_id']),
        conf: String(r['conf']),
      })),
    getBlob: async (sha) => {
      const r = await db.get('SELECT * FROM blobs WHERE sha256 = ?', [sha]);
      return r ? toBlob(r) : null;
    },
    putBlob: async (b) => {
      await db.run(
        `INSERT INTO blobs (sha256, length, received, complete, created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET length = excluded.length, received = excluded.received,
           complete = excluded.complete, completed_at = excluded.completed_at`,
        [b.sha256, b.length, b.received, b.complete ? 1 : 0, b.createdAt, b.complete ? b.createdAt : null],
      );
    },
    deleteBlob: async (sha) => {
      await db.run('DELETE FROM blobs WHERE sha256 = ?', [sha]);
    },
    getState: async (key) => {
      const r = await db.get('SELECT value FROM hub_state WHERE key = ?', [key]);
      return r ? String(r['value']) : null;
    },
    setState: async (key, value) => {
      await db.run(
        'INSERT INTO hub_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, value],
      );
    },
  };
}

/** All operations over one connection or transaction. */
export function createQueries(db: Db): Queries {
  return {
    ...identityQueries(db),
    ...tokenQueries(db),
    ...eventQueries(db),
    ...caseQueries(db),
    ...blobQueries(db),
    ...recoveryQueries(db),
    ...orgQueries(db),
    ...holidayQueries(db),
    ...batchQueries(db),
  };
}
