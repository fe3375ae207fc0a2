/*
 * v1: identities (orgs, users, devices, enrollment codes, tokens), the event log, case access grants and
 * blobs. Secrets (codes, tokens) are stored only as SHA-256 hashes. Times are Unix ms.
 */
import type { Migration } from './index';
import { bigint } from './index';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  statements: (d) => {
    const int = bigint(d);
    return [
      `CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
        case_number_prefix TEXT NOT NULL, created_at ${int} NOT NULL)`,
      `CREATE TABLE users (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id), name TEXT NOT NULL,
        roles TEXT NOT NULL, created_at ${int} NOT NULL)`,
      `CREATE TABLE enrollment_codes (code_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
        expires_at ${int} NOT NULL, used_at ${int}, created_at ${int} NOT NULL)`,
      `CREATE TABLE devices (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
        public_key TEXT NOT NULL, wrapped_recovery_key TEXT, revoked_at ${int}, last_seq ${int} NOT NULL DEFAULT 0,
        last_hash TEXT, created_at ${int} NOT NULL)`,
      `CREATE INDEX devices_user ON devices(user_id)`,
      `CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, device_id TEXT NOT NULL REFERENCES devices(id),
        expires_at ${int} NOT NULL, created_at ${int} NOT NULL, rotated_at ${int}, replaced_by TEXT,
        revoked ${int} NOT NULL DEFAULT 0)`,
      `CREATE INDEX tokens_device ON tokens(device_id)`,
      `CREATE TABLE events (hub_seq ${int} PRIMARY KEY, id TEXT NOT NULL UNIQUE, case_id TEXT NOT NULL,
        device_id TEXT NOT NULL, device_seq ${int} NOT NULL, hash TEXT NOT NULL, type TEXT NOT NULL,
        conf TEXT NOT NULL, body TEXT NOT NULL, received_at ${int} NOT NULL)`,
      `CREATE INDEX events_case ON events(case_id, hub_seq)`,
      `CREATE UNIQUE INDEX events_device_seq ON events(device_id, device_seq)`,
      `CREATE TABLE cases (case_id TEXT PRIMARY KEY, owner_org_id TEXT NOT NULL, opened_seq ${int} NOT NULL,
        created_at ${int} NOT NULL)`,
      `CREATE TABLE case_grants (case_id TEXT NOT NULL, principal_type TEXT NOT NULL, principal_id TEXT NOT NULL,
        granted_seq ${int} NOT NULL, PRIMARY KEY (case_id, principal_type, principal_id))`,
      `CREATE INDEX case_grants_principal ON case_grants(principal_type, principal_id)`,
      `CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, length ${int}, received ${int} NOT NULL DEFAULT 0,
        complete ${int} NOT NULL DEFAULT 0, created_at ${int} NOT NULL, completed_at ${int})`,
      `CREATE TABLE blob_refs (sha256 TEXT NOT NULL, event_id TEXT NOT NULL, case_id TEXT NOT NULL, conf TEXT NOT NULL,
        PRIMARY KEY (sha256, event_id))`,
      `CREATE TABLE hub_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    ];
  },
};
