// Recovery through the API and the admin operations (issue #8): enrollment answers the organisation's
// recovery public key, the device escrows its data key (at enrollment or by PUT), and the administrator's
// unwrap gives back exactly that key and leaves an audit row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrollResponse, Jwk } from '#shared/sync/wire';
import { exportRecoveryKey, unwrapDeviceRecoveryKey } from '../../../hub/src/recovery/recovery-service';
import { wrapDeviceKey } from '../../../hub/src/recovery/recovery-keys';
import type { OrgRecord, UserRecord } from '../../../hub/src/storage/types';
import { BACKENDS } from './support/backends';
import { bearer, newPublicJwk, startHub, type Harness } from './support/harness';

const rawKey = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

async function escrow(jwk: Jwk | null, raw = rawKey): Promise<string> {
  if (!jwk) throw new Error('no recovery key in the answer');
  const w = await wrapDeviceKey(jwk, raw);
  if (!w.ok) throw new Error(w.error.message);
  return w.value;
}

describe.each(BACKENDS)('recovery on $name', ({ config }) => {
  let h: Harness;
  let org: OrgRecord;
  let user: UserRecord;
  beforeEach(async () => {
    h = await startHub(config());
    org = await h.org('荆门市劳动人事争议仲裁院');
    user = await h.user(org, '王调解', ['mediator']);
  });
  afterEach(async () => {
    await h.close();
  });

  const enrollWith = async (extra: object) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      payload: { code: await h.code(user), deviceName: '电脑', publicKey: await newPublicJwk(), ...extra },
    });

  it('answers the recovery key at enrollment, takes the escrow by PUT, and unwraps it with an audit row', async () => {
    const enrolled = await h.enroll(user);
    const exported = await exportRecoveryKey(h.deps, { org: org.id });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(enrolled.recoveryPublicKey).toEqual(exported.value.recoveryPublicKey);
    expect(enrolled.recoveryPublicKey).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256' });

    const put = (wrappedRecoveryKey: unknown, token = enrolled.token) =>
      h.app.inject({
        method: 'PUT',
        url: '/v1/devices/recovery-key',
        headers: bearer(token),
        payload: { wrappedRecoveryKey },
      });
    expect((await unwrapDeviceRecoveryKey(h.deps, { device: enrolled.deviceId, operator: 'root' })).ok).toBe(
      false,
    );
    expect((await put('AAAA')).json()).toMatchObject({
      error: 'invalid_request',
      field: 'wrappedRecoveryKey',
    });
    expect((await put(123)).statusCode).toBe(400);
    expect((await put(await escrow(enrolled.recoveryPublicKey), 'x'.repeat(20))).statusCode).toBe(401);
    expect((await put(await escrow(enrolled.recoveryPublicKey))).statusCode).toBe(204);

    h.clock.now += 5_000;
    const out = await unwrapDeviceRecoveryKey(h.deps, { device: enrolled.deviceId, operator: '张管理员' });
    expect(out).toEqual({
      ok: true,
      value: { deviceId: enrolled.deviceId, dataKey: Buffer.from(rawKey).toString('base64url') },
    });
    expect(await h.storage.q.listRecoveryAudit(enrolled.deviceId)).toMatchObject([
      { deviceId: enrolled.deviceId, orgId: org.id, action: 'unwrap', operator: '张管理员', at: h.clock.now },
    ]);
  });

  it('stores an escrow sent with the enrollment, and refuses a malformed one without using up the code', async () => {
    const exported = await exportRecoveryKey(h.deps, { org: org.id });
    const publicJwk = exported.ok ? exported.value.recoveryPublicKey : null;
    const code = await h.code(user);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      payload: { code, deviceName: '电脑', publicKey: await newPublicJwk(), wrappedRecoveryKey: 'AAAA' },
    });
    expect(bad.json()).toMatchObject({ error: 'invalid_request', field: 'wrappedRecoveryKey' });
    const good = await h.app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      payload: {
        code,
        deviceName: '电脑',
        publicKey: await newPublicJwk(),
        wrappedRecoveryKey: await escrow(publicJwk),
      },
    });
    expect(good.statusCode).toBe(201);
    const { deviceId } = good.json<EnrollResponse>();
    const out = await unwrapDeviceRecoveryKey(h.deps, { device: deviceId, operator: 'root' });
    expect(out.ok && out.value.dataKey).toBe(Buffer.from(rawKey).toString('base64url'));
    expect((await enrollWith({ wrappedRecoveryKey: 'not base64url!' })).statusCode).toBe(400);
  });

  it('gives an organisation made before migration 003 a key on first export', async () => {
    await h.storage.q.createOrg({
      id: 'legacy',
      name: '旧机构',
      kind: 'union',
      caseNumberPrefix: 'L',
      createdAt: 1,
    });
    const legacyUser = await h.user({ ...org, id: 'legacy' }, '老用户', ['mediator']);
    expect((await h.enroll(legacyUser)).recoveryPublicKey).toBeNull();
    const exported = await exportRecoveryKey(h.deps, { org: 'legacy' });
    expect(exported.ok && exported.value.recoveryPublicKey.kty).toBe('RSA');
    expect((await h.enroll(legacyUser)).recoveryPublicKey).toEqual(
      exported.ok && exported.value.recoveryPublicKey,
    );
    expect((await exportRecoveryKey(h.deps, { org: 'nope' })).ok).toBe(false);
  });
});
