/*
 * Storage of organisation recovery keys, devices' escrowed data keys and the recovery audit trail
 * (migration 003). Same dialect-free SQL as queries.ts.
 */
import type { Db } from './db';
import { num, str } from './db';
import type { Queries, RecoveryAuditRecord } from './types';

type RecoveryQueries = Pick<
  Queries,
  'putRecoveryKey' | 'getRecoveryKey' | 'setWrappedRecoveryKey' | 'addRecoveryAudit' | 'listRecoveryAudit'
>;

export function recoveryQueries(db: Db): RecoveryQueries {
  return {
    putRecoveryKey: async (r) =>
      (await db.run(
        `INSERT INTO org_recovery_keys (org_id, public_jwk, wrapped_private_key, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        [r.orgId, r.publicJwk, r.wrappedPrivateKey, r.createdAt],
      )) === 1,
    getRecoveryKey: async (orgId) => {
      const r = await db.get('SELECT * FROM org_recovery_keys WHERE org_id = ?', [orgId]);
      return r
        ? {
            orgId: str(r['org_id']),
            publicJwk: str(r['public_jwk']),
            wrappedPrivateKey: str(r['wrapped_private_key']),
            createdAt: num(r['created_at']),
          }
        : null;
    },
    setWrappedRecoveryKey: async (deviceId, wrapped) => {
      await db.run('UPDATE devices SET wrapped_recovery_key = ? WHERE id = ?', [wrapped, deviceId]);
    },
    addRecoveryAudit: async (r) => {
      await db.run(
        'INSERT INTO recovery_audit (id, device_id, org_id, action, operator, at) VALUES (?, ?, ?, ?, ?, ?)',
        [r.id, r.deviceId, r.orgId, r.action, r.operator, r.at],
      );
    },
    listRecoveryAudit: async (deviceId) =>
      (await db.all('SELECT * FROM recovery_audit WHERE device_id = ? ORDER BY at, id', [deviceId])).map(
        (r): RecoveryAuditRecord => ({
          id: str(r['id']),
          deviceId: str(r['device_id']),
          orgId: str(r['org_id']),
          action: 'unwrap',
          operator: str(r['operator']),
          at: num(r['at']),
        }),
      ),
  };
}
