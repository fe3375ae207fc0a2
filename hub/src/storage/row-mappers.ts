/*
 * Row → record conversion. PostgreSQL returns BIGINT as strings and SQLite as numbers, so every integer
 * goes through `num`.
 */
import type { OrgKind, Role } from '#shared/sync/wire';
import type { Row } from './db';
import { num, str, strOrNull } from './db';
import type {
  BlobRecord,
  CaseRecord,
  DeviceRecord,
  FeedEvent,
  OrgRecord,
  StoredEvent,
  TokenRecord,
  UserRecord,
} from './types';

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

export const toOrg = (r: Row): OrgRecord => ({
  id: str(r['id']),
  name: str(r['name']),
  kind: str(r['kind']) as OrgKind,
  caseNumberPrefix: str(r['case_number_prefix']),
  createdAt: num(r['created_at']),
});

export const toUser = (r: Row): UserRecord => ({
  id: str(r['id']),
  orgId: str(r['org_id']),
  name: str(r['name']),
  roles: str(r['roles']).split(',').filter(Boolean) as Role[],
  createdAt: num(r['created_at']),
});

export const toDevice = (r: Row): DeviceRecord => ({
  id: str(r['id']),
  userId: str(r['user_id']),
  name: str(r['name']),
  publicKeyJwk: str(r['public_key']),
  wrappedRecoveryKey: strOrNull(r['wrapped_recovery_key']),
  revokedAt: numOrNull(r['revoked_at']),
  lastSeq: num(r['last_seq']),
  lastHash: strOrNull(r['last_hash']),
  createdAt: num(r['created_at']),
});

export const toToken = (r: Row): TokenRecord => ({
  tokenHash: str(r['token_hash']),
  kind: str(r['kind']) === 'refresh' ? 'refresh' : 'access',
  deviceId: str(r['device_id']),
  expiresAt: num(r['expires_at']),
  createdAt: num(r['created_at']),
  rotatedAt: numOrNull(r['rotated_at']),
  replacedBy: strOrNull(r['replaced_by']),
  revoked: num(r['revoked']) !== 0,
});

export const toEvent = (r: Row): StoredEvent => ({
  hubSeq: num(r['hub_seq']),
  id: str(r['id']),
  caseId: str(r['case_id']),
  deviceId: str(r['device_id']),
  deviceSeq: num(r['device_seq']),
  hash: str(r['hash']),
  type: str(r['type']),
  conf: str(r['conf']),
  body: str(r['body']),
});

export const toFeedEvent = (r: Row): FeedEvent => ({ ...toEvent(r), pos: num(r['pos']) });

export const toCase = (r: Row): CaseRecord => ({
  caseId: str(r['case_id']),
  ownerOrgId: str(r['owner_org_id']),
  openedSeq: num(r['opened_seq']),
  caseNumber: strOrNull(r['case_number']),
  status: str(r['status']),
  category: strOrNull(r['category']),
  channel: strOrNull(r['channel']),
  openedAt: numOrNull(r['opened_at']),
});

export const toBlob = (r: Row): BlobRecord => ({
  sha256: str(r['sha256']),
  length: numOrNull(r['length']),
  received: num(r['received']),
  complete: num(r['complete']) !== 0,
  createdAt: num(r['created_at']),
});
