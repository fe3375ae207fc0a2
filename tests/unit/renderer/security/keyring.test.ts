import { describe, expect, it } from 'vitest';
import type { KeyBackend, TribunalApi } from '#shared/ipc/contract';
import { ipcError } from '#shared/ipc/contract';
import { openKeyring, type KeyringDeps, type KeyringStorage } from '../../../../renderer/security/keyring';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  KEYFILE_META_KEY,
  type KeyFile,
} from '../../../../renderer/security/keyfile';
import { throttleDelayMs } from '../../../../renderer/security/throttle';
import { toB64url } from '../../../../renderer/security/bytes';

function memoryStorage(): KeyringStorage & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (k) => Promise.resolve(structuredClone(map.get(k))),
    put: (k, v) => {
      map.set(k, structuredClone(v));
      return Promise.resolve();
    },
  };
}

function fakeKeys(backend: KeyBackend, secure = true): TribunalApi['keys'] & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const state = { backend };
  return {
    map,
    status: () => Promise.resolve({ ok: true, value: { available: true, backend: state.backend, secure } }),
    store: (i) => {
      map.set(i.keyId, i.wrapped);
      return Promise.resolve({ ok: true, value: { backend: state.backend } });
    },
    load: (i) => {
      const w = map.get(i.keyId);
      return Promise.resolve(
        w === undefined
          ? ipcError('not_found', 'no key')
          : { ok: true, value: { wrapped: w, backend: state.backend } },
      );
    },
  };
}

const PASS = '正确的口令 horse battery';
const NEW_PASS = 'another long passphrase';

function setup(extra: Partial<KeyringDeps> = {}) {
  const storage = memoryStorage();
  let t = 1_000_000;
  const clock = {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
  const keyring = openKeyring({ storage, iterations: 1000, now: clock.now, ...extra });
  return { storage, clock, keyring };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('keyring', () => {
  it('uses PBKDF2-SHA256 with 600,000 iterations by default', async () => {
    expect(DEFAULT_PBKDF2_ITERATIONS).toBe(600_000);
    const storage = memoryStorage();
    must(await openKeyring({ storage }).create(PASS));
    const kf = storage.map.get(KEYFILE_META_KEY) as KeyFile;
    expect(kf.passphrase).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: 600_000 });
    expect(JSON.stringify(kf)).not.toContain(PASS);
  });

  it('creates once, then unlocks to a codec that opens what the first one sealed', async () => {
    const { keyring } = setup();
    expect(must(await keyring.info())).toBeNull();
    const first = must(await keyring.create(PASS));
    const sealed = await first.codec.seal('events', { worker: '李四' });
    expect((await keyring.create(PASS)).ok).toBe(false);
    const again = must(await keyring.unlock(PASS));
    expect(again.keyId).toBe(first.keyId);
    expect(await again.codec.open('events', sealed)).toEqual({ worker: '李四' });
    expect(must(await keyring.info())?.platform).toMatchObject({ state: 'unavailable' });
  });

  it('refuses short passphrases and answers no_keyring before first run', async () => {
    const { keyring } = setup();
    expect(await keyring.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'no_keyring' } });
    expect(await keyring.create('short')).toMatchObject({ ok: false, error: { code: 'weak_passphrase' } });
  });

  it('names a wrong passphrase and slows repeated guesses without locking the data out', async () => {
    const { keyring, clock } = setup();
    must(await keyring.create(PASS));
    for (let i = 0; i < 2; i++)
      expect(await keyring.unlock('wrong guess!')).toMatchObject({
        ok: false,
        error: { code: 'wrong_passphrase' },
      });
    const third = await keyring.unlock('wrong guess!');
    expect(third).toMatchObject({ ok: false, error: { code: 'wrong_passphrase', retryAfterMs: 1000 } });
    expect(await keyring.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'throttled' } });
    clock.advance(1000);
    expect(await keyring.unlock('wrong guess!')).toMatchObject({ error: { retryAfterMs: 2000 } });
    clock.advance(1999);
    expect(await keyring.unlock(PASS)).toMatchObject({
      ok: false,
      error: { code: 'throttled', retryAfterMs: 1 },
    });
    clock.advance(1);
    expect((await keyring.unlock(PASS)).ok).toBe(true);
    expect(must(await keyring.info())?.retryAfterMs).toBe(0);
    expect(throttleDelayMs(2)).toBe(0);
    expect(throttleDelayMs(100)).toBe(300_000);
  });

  it('changes the passphrase without re-encrypting; the old one stops working', async () => {
    const { keyring } = setup();
    const first = must(await keyring.create(PASS));
    const sealed = await first.codec.seal('cases', 42);
    expect((await keyring.changePassphrase('wrong guess!', NEW_PASS)).ok).toBe(false);
    must(await keyring.changePassphrase(PASS, NEW_PASS));
    expect(await keyring.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(await must(await keyring.unlock(NEW_PASS)).codec.open('cases', sealed)).toBe(42);
  });

  it('keeps the old wrap when the new one cannot be read back', async () => {
    const storage = memoryStorage();
    const lossy: KeyringStorage = {
      get: (k) => storage.get(k),
      put: (k, v) => storage.put(k, k === KEYFILE_META_KEY ? { ...(v as KeyFile), pending: undefined } : v),
    };
    const keyring = openKeyring({ storage: lossy, iterations: 1000 });
    must(await keyring.create(PASS));
    expect(await keyring.changePassphrase(PASS, NEW_PASS)).toMatchObject({
      ok: false,
      error: { code: 'storage_failed' },
    });
    expect((await keyring.unlock(PASS)).ok).toBe(true);
  });

  it('finishes a passphrase change interrupted after the new wrap was stored', async () => {
    const { keyring, storage } = setup();
    must(await keyring.create(PASS));
    const before = storage.map.get(KEYFILE_META_KEY) as KeyFile;
    must(await keyring.changePassphrase(PASS, NEW_PASS));
    const after = storage.map.get(KEYFILE_META_KEY) as KeyFile;
    // Crash state: old wrap still current, the new one pending.
    storage.map.set(KEYFILE_META_KEY, { ...before, pending: after.passphrase });
    expect((await keyring.unlock(PASS)).ok).toBe(true);
    expect((await keyring.unlock(NEW_PASS)).ok).toBe(true);
    expect((storage.map.get(KEYFILE_META_KEY) as KeyFile).pending).toBeUndefined();
    expect(await keyring.unlock(PASS)).toMatchObject({ ok: false });
  });

  it('escrows to the recovery key; the hub-side unwrap recovers everything under a new passphrase', async () => {
    const pair = await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['encrypt', 'decrypt'],
    );
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const { keyring, storage } = setup();
    const first = must(await keyring.create(PASS, { recoveryPublicKeyJwk: jwk }));
    const sealed = await first.codec.seal('events', 'evidence');
    const kf = storage.map.get(KEYFILE_META_KEY) as KeyFile;
    expect(kf.recovery?.alg).toBe('RSA-OAEP-256');
    // What hub/src/recovery unwrapDeviceKey does with the private key:
    const ct = Uint8Array.from(atob(kf.recovery!.wrapped.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
      c.charCodeAt(0),
    );
    const raw = new Uint8Array(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, pair.privateKey, ct));
    expect(raw.length).toBe(32);
    expect(await keyring.recoverWithDataKey(toB64url(new Uint8Array(32)), NEW_PASS)).toMatchObject({
      ok: false,
      error: { code: 'wrong_recovery_key' },
    });
    expect(await keyring.recoverWithDataKey('not base64!', NEW_PASS)).toMatchObject({ ok: false });
    const recovered = must(await keyring.recoverWithDataKey(toB64url(raw), NEW_PASS));
    expect(await recovered.codec.open('events', sealed)).toBe('evidence');
    expect((await keyring.unlock(NEW_PASS)).ok).toBe(true);
  });

  it('adds a recovery wrap later and refuses an unusable public key', async () => {
    const { keyring, storage } = setup();
    must(await keyring.create(PASS));
    expect(await keyring.addRecoveryWrap(PASS, { kty: 'EC' })).toMatchObject({
      ok: false,
      error: { code: 'bad_recovery_public_key' },
    });
    const pair = await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['encrypt', 'decrypt'],
    );
    must(await keyring.addRecoveryWrap(PASS, await crypto.subtle.exportKey('jwk', pair.publicKey)));
    expect((storage.map.get(KEYFILE_META_KEY) as KeyFile).recovery).not.toBeNull();
    expect(must(await keyring.info())?.recovery?.keyFingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('binds to a protecting OS keystore: a copied profile with the passphrase gets nothing', async () => {
    const keys = fakeKeys('gnome_libsecret');
    const { keyring, storage } = setup({ platformKeys: keys });
    must(await keyring.create(PASS));
    expect(must(await keyring.info())?.platform).toEqual({
      state: 'bound',
      backend: 'gnome_libsecret',
      secretId: 'tribunal-kek-pepper',
    });
    expect((await keyring.unlock(PASS)).ok).toBe(true);
    // Same key file on another account: the keystore does not have the secret.
    const copied = openKeyring({ storage, iterations: 1000, platformKeys: fakeKeys('gnome_libsecret') });
    expect(await copied.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'keystore_unavailable' } });
    const noPlatform = openKeyring({ storage, iterations: 1000 });
    expect(await noPlatform.unlock(PASS)).toMatchObject({
      ok: false,
      error: { code: 'keystore_unavailable' },
    });
    // Same secret but the backend changed since the last start.
    const moved = fakeKeys('kwallet5');
    for (const [k, v] of keys.map) moved.map.set(k, v);
    const changed = openKeyring({ storage, iterations: 1000, platformKeys: moved });
    expect(await changed.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'keystore_changed' } });
  });

  it('refuses basic_text and reports the browser keystore as unavailable', async () => {
    const basic = setup({ platformKeys: fakeKeys('basic_text', false) });
    must(await basic.keyring.create(PASS));
    expect(must(await basic.keyring.info())?.platform).toMatchObject({
      state: 'refused',
      backend: 'basic_text',
    });
    const browser = setup({ platformKeys: fakeKeys('browser', false) });
    must(await browser.keyring.create(PASS));
    expect(must(await browser.keyring.info())?.platform).toMatchObject({
      state: 'unavailable',
      backend: 'browser',
    });
    expect((await browser.keyring.unlock(PASS)).ok).toBe(true);
  });

  it('names a damaged key file', async () => {
    const { keyring, storage } = setup();
    storage.map.set(KEYFILE_META_KEY, { v: 1, keyId: 3 });
    expect(await keyring.unlock(PASS)).toMatchObject({ ok: false, error: { code: 'corrupt_keyring' } });
    expect(await keyring.info()).toMatchObject({ ok: false, error: { code: 'corrupt_keyring' } });
  });
});
