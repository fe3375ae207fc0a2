/*
 * Admin operations behind the CLI, as plain functions over the storage so they are unit-tested without a
 * process: create organisations (with their recovery key pair) and users, make one-time enrollment codes,
 * list and revoke devices. The recovery commands are in ../recovery/recovery-service.ts.
 */
import { ORG_KINDS, ROLES, type OrgKind, type Role } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { IdGenerator } from '#shared/util/ids';
import { newEnrollmentCode, normalizeCode, secretHash } from '../auth/secrets';
import { newOrgRecoveryKey, type RecoveryDeps } from '../recovery/recovery-service';
import type { OrgRecord, Storage, UserRecord } from '../storage/types';

/** `recovery` defaults to the process environment (HUB_RECOVERY_SECRET, else the data dir's secret file). */
export type AdminDeps = { storage: Storage; clock: () => number; ids: IdGenerator; recovery?: RecoveryDeps };

export type AdminError = { field: string; message: string };

const fail = (field: string, message: string): Result<never, AdminError> => err({ field, message });

export async function createOrg(
  d: AdminDeps,
  a: { name: string; kind: string; prefix: string },
): Promise<Result<OrgRecord, AdminError>> {
  if (!a.name.trim()) return fail('name', '机构名称不能为空 / name is required');
  if (!(ORG_KINDS as readonly string[]).includes(a.kind))
    return fail('kind', `kind 必须是 ${ORG_KINDS.join('|')}`);
  if (!a.prefix.trim()) return fail('prefix', '案号前缀不能为空 / prefix is required');
  const org: OrgRecord = {
    id: d.ids(),
    name: a.name.trim(),
    kind: a.kind as OrgKind,
    caseNumberPrefix: a.prefix.trim(),
    createdAt: d.clock(),
  };
  const recovery = await newOrgRecoveryKey(d, org.id);
  if (!recovery.ok) return recovery;
  await d.storage.tx(async (q) => {
    await q.createOrg(org);
    await q.putRecoveryKey(recovery.value);
  });
  return ok(org);
}

export async function createUser(
  d: AdminDeps,
  a: { org: string; name: string; roles: string },
): Promise<Result<UserRecord, AdminError>> {
  if (!(await d.storage.q.getOrg(a.org))) return fail('org', `机构不存在 / no organisation ${a.org}`);
  if (!a.name.trim()) return fail('name', '用户名不能为空 / name is required');
  const roles = a.roles
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || bad !== undefined)
    return fail('roles', `角色必须是 ${ROLES.join(',')} 中的一个或多个`);
  const user: UserRecord = {
    id: d.ids(),
    orgId: a.org,
    name: a.name.trim(),
    roles: roles as Role[],
    createdAt: d.clock(),
  };
  await d.storage.q.createUser(user);
  return ok(user);
}

/** A one-time code, shown once; only its hash is stored. */
export async function createEnrollCode(
  d: AdminDeps,
  a: { user: string; ttlMs: number },
): Promise<Result<{ code: string; userId: string; expiresAt: string }, AdminError>> {
  if (!(await d.storage.q.getUser(a.user))) return fail('user', `用户不存在 / no user ${a.user}`);
  if (!Number.isFinite(a.ttlMs) || a.ttlMs <= 0) return fail('ttl', 'ttl 必须为正数 / ttl must be positive');
  const code = newEnrollmentCode();
  const now = d.clock();
  await d.storage.q.createEnrollmentCode({
    codeHash: secretHash(normalizeCode(code)),
    userId: a.user,
    expiresAt: now + a.ttlMs,
    createdAt: now,
  });
  return ok({ code, userId: a.user, expiresAt: new Date(now + a.ttlMs).toISOString() });
}

export async function listDevices(d: AdminDeps, a: { user: string }) {
  const devices = await d.storage.q.listDevices(a.user);
  return devices.map((x) => ({
    id: x.id,
    name: x.name,
    revoked: x.revokedAt !== null,
    lastSeq: x.lastSeq,
    createdAt: new Date(x.createdAt).toISOString(),
  }));
}

export async function revokeDevice(
  d: AdminDeps,
  a: { device: string },
): Promise<Result<{ deviceId: string }, AdminError>> {
  if (!(await d.storage.q.getDevice(a.device))) return fail('device', `设备不存在 / no device ${a.device}`);
  await d.storage.tx((q) => q.revokeDevice(a.device, d.clock()));
  return ok({ deviceId: a.device });
}
