/*
 * v3: organisation recovery keys (issue #8). Each organisation has an RSA-OAEP-256 key pair; devices
 * escrow their data key to its public key (devices.wrapped_recovery_key, since v1). The private key is
 * stored only wrapped (AES-256-GCM under the hub's recovery secret, never in plain), and every unwrap
 * of a device's key leaves an audit row.
 */
import type { Migration } from './index';
import { bigint } from './index';

export const migration003: Migration = {
  version: 3,
  name: 'recovery-keys',
  statements: (d) => {
    const int = bigint(d);
    return [
      `CREATE TABLE org_recovery_keys (org_id TEXT PRIMARY KEY REFERENCES orgs(id), public_jwk TEXT NOT NULL,
        wrapped_private_key TEXT NOT NULL, created_at ${int} NOT NULL)`,
      `CREATE TABLE recovery_audit (id TEXT PRIMARY KEY, device_id TEXT NOT NULL, org_id TEXT NOT NULL,
        action TEXT NOT NULL, operator TEXT NOT NULL, at ${int} NOT NULL)`,
      `CREATE INDEX recovery_audit_device ON recovery_audit(device_id, at)`,
    ];
  },
};
