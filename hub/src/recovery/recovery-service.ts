/*
 * Recovery key operations over the storage: create an organisation's key pair (at org:create, or on
 * first export for organisations created before migration 003), the public JWK for enrollment answers,
 * and the administrator's unwrap of one device's escrowed data key, which always leaves an audit row
 * (written before the key is handed out).
 */
import type { Jwk } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { AdminDeps, AdminError } from '../admin/commands';
import { loadRecoverySecret } from './recovery-secret';
import type { Queries, RecoveryKeyRecord } from '../storage/types';
import {
  exportRecoveryPublicJwk,
  generateRecoveryKeyPair,
  unwrapDeviceKey,
  unwrapPrivateKey,
  wrapPrivateKey,
} from './recovery-keys';

/** Where the recovery secret comes from (read only by commands that need it) and, for tests, the key pairs. */
export type RecoveryDeps = {
  secret: () => Result<string, string>;
  /** Default: a fresh RSA-OAEP 3072-bit pair (slow to generate; tests inject a cached one). */
  newKeyPair?: () => Promise<CryptoKeyPair>;
};

const ENV_RECOVERY: RecoveryDeps = {
  secret: () => {
    const r = loadRecoverySecret(process.env, process.env['HUB_DATA_DIR'] ?? '.hub-data');
    return r.ok ? ok(r.value.secret) : r;
  },
};
export const recoveryOf = (d: AdminDeps): RecoveryDeps => d.recovery ?? ENV_RECOVERY;

const fail = (field: string, message: string): Result<never, AdminError> => err({ field, message });

/** The public JWK devices escrow to, or null when the organisation has none yet. */
export async function recoveryPublicJwk(q: Queries, orgId: string): Promise<Jwk | null> {
  const r = await q.getRecoveryKey(orgId);
  return r ? (JSON.parse(r.publicJwk) as Jwk) : null;
}

/** Generates and wraps a key pair; the caller stores it with `putRecoveryKey`. */
export async function newOrgRecoveryKey(
  d: AdminDeps,
  orgId: string,
): Promise<Result<RecoveryKeyRecord, AdminError>> {
  const secret = recoveryOf(d).secret();
  if (!secret.ok) return fail('HUB_RECOVERY_SECRET', secret.error);
  const pair = await (recoveryOf(d).newKeyPair ?? generateRecoveryKeyPair)();
  return ok({
    orgId,
    publicJwk: JSON.stringify(await exportRecoveryPublicJwk(pair.publicKey)),
    wrappedPrivateKey: await wrapPrivateKey(pair.privateKey, secret.value, orgId),
    createdAt: d.clock(),
  });
}

/** `recovery:export-key --org`: the organisation's public JWK (created first if it has none). */
export async function exportRecoveryKey(
  d: AdminDeps,
  a: { org: string },
): Promise<Result<{ orgId: string; recoveryPublicKey: Jwk }, AdminError>> {
  if (!(await d.storage.q.getOrg(a.org))) return fail('org', `机构不存在 / no organisation ${a.org}`);
  let jwk = await recoveryPublicJwk(d.storage.q, a.org);
  if (!jwk) {
    const created = await newOrgRecoveryKey(d, a.org);
    if (!created.ok) return created;
    await d.storage.tx((q) => q.putRecoveryKey(created.value));
    jwk = await recoveryPublicJwk(d.storage.q, a.org);
  }
  return jwk
    ? ok({ orgId: a.org, recoveryPublicKey: jwk })
    : fail('org', '恢复密钥未能保存 / key not stored');
}

/** `recovery:unwrap --device`: the device's raw data key (base64url), after recording who asked. */
export async function unwrapDeviceRecoveryKey(
  d: AdminDeps,
  a: { device: string; operator: string },
): Promise<Result<{ deviceId: string; dataKey: string }, AdminError>> {
  const q = d.storage.q;
  const device = await q.getDevice(a.device);
  if (!device) return fail('device', `设备不存在 / no device ${a.device}`);
  if (device.wrappedRecoveryKey === null)
    return fail('device', '该设备没有托管恢复密钥 / this device has not escrowed its key');
  const user = await q.getUser(device.userId);
  const stored = user ? await q.getRecoveryKey(user.orgId) : null;
  if (!user || !stored) return fail('org', '该设备的机构没有恢复密钥 / the organisation has no recovery key');
  const secret = recoveryOf(d).secret();
  if (!secret.ok) return fail('HUB_RECOVERY_SECRET', secret.error);
  const privateKey = await unwrapPrivateKey(stored.wrappedPrivateKey, secret.value, user.orgId);
  if (!privateKey.ok) return fail('HUB_RECOVERY_SECRET', privateKey.error.message);
  const raw = await unwrapDeviceKey(privateKey.value, device.wrappedRecoveryKey);
  if (!raw.ok) return fail('device', raw.error.message);
  await d.storage.tx((tq) =>
    tq.addRecoveryAudit({
      id: d.ids(),
      deviceId: device.id,
      orgId: user.orgId,
      action: 'unwrap',
      operator: a.operator,
      at: d.clock(),
    }),
  );
  const dataKey = Buffer.from(raw.value).toString('base64url');
  raw.value.fill(0);
  return ok({ deviceId: device.id, dataKey });
}
