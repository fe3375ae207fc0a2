/*
 * Enrollment escrows the data key to the organisation (#8 part 3), against the real hub in-process:
 * the hub holds the wrap after enrollment, the administrator's `recovery:unwrap` gives back a key that
 * opens data sealed on the device, and that key recovers the device under a new passphrase. A wrong
 * passphrase never uses up the one-time code; an organisation without a recovery key is named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncLocal } from '../../../../renderer/data/outbox';
import { enrollWithEscrow, putRecoveryKey, retryEscrow } from '../../../../renderer/security/escrow';
import { openKeyring, type KeyringStorage } from '../../../../renderer/security/keyring';
import { unwrapDeviceRecoveryKey } from '../../../../hub/src/recovery/recovery-service';
import { harness } from '../data/store-harness';
import { HUB_URL, world, type World } from '../sync/support';

let w: World | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

const PASS = '荆门背包仲裁庭口令2026';

function memoryStorage(): KeyringStorage & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (k) => Promise.resolve(map.get(k)),
    put: (k, v) => {
      map.set(k, v);
      return Promise.resolve();
    },
  };
}

async function device(fetchOverride?: World['fetch']) {
  const { store } = harness();
  const storage = memoryStorage();
  let t = Date.UTC(2026, 10, 29, 1, 0, 0);
  const keyring = openKeyring({ storage, iterations: 1000, now: () => (t += 1000) });
  const created = await keyring.create(PASS);
  if (!created.ok) throw new Error(created.error.message);
  if (!w) throw new Error('no world');
  return {
    store,
    keyring,
    session: created.value,
    deps: {
      local: createSyncLocal(store),
      publicKey: () => store.publicKeyJwk(),
      fetch: fetchOverride ?? w.fetch,
      keyring,
    },
  };
}

describe('enrollWithEscrow against the hub', () => {
  it('escrows at enrollment; recovery:unwrap gives back the key that opens the data', async () => {
    w = await world();
    const user = await w.hub.user(w.org, '王调解', ['mediator']);
    const d = await device();
    const sealed = await d.session.codec.seal('caseStates', {
      worker: '张三',
      idNumber: '420802199001011234',
    });

    const r = await enrollWithEscrow(
      d.deps,
      { hubUrl: HUB_URL, code: await w.hub.code(user), deviceName: '王调解的电脑' },
      PASS,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const deviceId = r.value.enrollment.deviceId;
    expect(r.value.escrow).toEqual({ state: 'escrowed', deviceId });
    expect(w.fetch.calls).toContain('PUT /v1/devices/recovery-key');

    const info = await d.keyring.info();
    expect(info.ok && info.value?.recovery?.hub).toEqual({ deviceId, at: expect.any(Number) as number });

    const unwrapped = await unwrapDeviceRecoveryKey(w.hub.deps, { device: deviceId, operator: '李管理员' });
    if (!unwrapped.ok) throw new Error(unwrapped.error.message);
    const recovered = await d.keyring.recoverWithDataKey(unwrapped.value.dataKey, '忘记旧口令后的新口令');
    if (!recovered.ok) throw new Error(recovered.error.message);
    expect(await recovered.value.codec.open('caseStates', sealed)).toEqual({
      worker: '张三',
      idNumber: '420802199001011234',
    });
    // The new passphrase unlocks from now on; the audit row names the operator.
    expect((await d.keyring.unlock('忘记旧口令后的新口令')).ok).toBe(true);
    expect(await w.hub.storage.q.listRecoveryAudit(deviceId)).toMatchObject([
      { operator: '李管理员', action: 'unwrap' },
    ]);
  });

  it('a wrong passphrase is refused before the hub is called: the code stays usable', async () => {
    w = await world();
    const user = await w.hub.user(w.org, '王调解', ['mediator']);
    const code = await w.hub.code(user);
    const d = await device();
    const wrong = await enrollWithEscrow(
      d.deps,
      { hubUrl: HUB_URL, code, deviceName: '电脑' },
      'not the pass',
    );
    expect(!wrong.ok && wrong.error).toMatchObject({
      kind: 'passphrase',
      error: { code: 'wrong_passphrase' },
    });
    expect(w.fetch.calls).toEqual([]);
    expect(await d.store.enrollment()).toBeUndefined();
    const right = await enrollWithEscrow(d.deps, { hubUrl: HUB_URL, code, deviceName: '电脑' }, PASS);
    expect(right.ok && right.value.escrow.state).toBe('escrowed');
  });

  it('enrollment stands when the hub refuses the escrow, and says so; the hub still has none', async () => {
    w = await world();
    const user = await w.hub.user(w.org, '王调解', ['mediator']);
    const inner = w.fetch;
    const refusing = Object.assign(
      (input: string, init?: RequestInit) =>
        init?.method === 'PUT'
          ? Promise.resolve(new Response('{"error":"unavailable"}', { status: 503 }))
          : inner(input, init),
      { calls: inner.calls },
    );
    const d = await device(refusing);
    const r = await enrollWithEscrow(
      d.deps,
      { hubUrl: HUB_URL, code: await w.hub.code(user), deviceName: '电脑' },
      PASS,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.escrow).toMatchObject({
      state: 'failed',
      reason: 'hub',
      detail: expect.stringMatching(/503/) as string,
    });
    expect(await d.store.enrollment()).toBeDefined();
    const info = await d.keyring.info();
    expect(info.ok && info.value?.recovery).toMatchObject({ hub: null });
    const unwrapped = await unwrapDeviceRecoveryKey(w.hub.deps, {
      device: r.value.enrollment.deviceId,
      operator: 'x',
    });
    expect(unwrapped.ok).toBe(false);

    // Later, with the hub answering again: the kept wrap is sent without the passphrase.
    const again = await retryEscrow(
      { keyring: d.keyring, local: d.deps.local, fetch: inner, now: () => w?.hub.clock.now ?? 0 },
      r.value.enrollment,
    );
    expect(again).toEqual({ state: 'escrowed', deviceId: r.value.enrollment.deviceId });
    const later = await unwrapDeviceRecoveryKey(w.hub.deps, {
      device: r.value.enrollment.deviceId,
      operator: 'x',
    });
    expect(later.ok).toBe(true);
  });

  it('an organisation without a recovery key is named: enrolled, nothing escrowed', async () => {
    w = await world();
    await w.hub.storage.q.createOrg({
      id: 'legacy',
      name: '旧机构',
      kind: 'union',
      caseNumberPrefix: 'L',
      createdAt: 1,
    });
    const user = await w.hub.user({ ...w.org, id: 'legacy' }, '老用户', ['mediator']);
    const d = await device();
    const r = await enrollWithEscrow(
      d.deps,
      { hubUrl: HUB_URL, code: await w.hub.code(user), deviceName: '电脑' },
      PASS,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.escrow).toEqual({ state: 'no_org_key' });
    expect(w.fetch.calls).not.toContain('PUT /v1/devices/recovery-key');
    const info = await d.keyring.info();
    expect(info.ok && info.value?.recovery).toBeNull();
  });

  it('the hub refuses an escrow that does not fit the organisation key', async () => {
    w = await world();
    const user = await w.hub.user(w.org, '王调解', ['mediator']);
    const enrolled = await w.hub.enroll(user);
    const r = await putRecoveryKey(w.fetch, HUB_URL, enrolled.token, 'AAAA');
    expect(!r.ok && r.error).toMatch(/400/);
  });

  it('the hub lets the web app send the PUT (CORS preflight)', async () => {
    w = await world();
    const res = await w.hub.app.inject({
      method: 'OPTIONS',
      url: '/v1/devices/recovery-key',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'PUT' },
    });
    expect(String(res.headers['access-control-allow-methods'])).toMatch(/\bPUT\b/);
  });
});
