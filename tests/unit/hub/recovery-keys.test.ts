// Recovery keys (issue #8): the pure RSA-OAEP-256 escrow and AES-256-GCM storage wrap, checked against
// the desktop client's own wrapping code, and the recovery secret's sources (env, 0600 file).
import { mkdtempSync, statSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Jwk } from '#shared/sync/wire';
import { wrapForRecovery } from '../../../renderer/security/keyfile';
import {
  exportRecoveryPublicJwk,
  generateRecoveryKeyPair,
  isWrappedDeviceKey,
  unwrapDeviceKey,
  unwrapPrivateKey,
  wrapDeviceKey,
  wrapPrivateKey,
} from '../../../hub/src/recovery/recovery-keys';
import { loadRecoverySecret } from '../../../hub/src/recovery/recovery-secret';

const raw = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);

describe('recovery keys', () => {
  let pair: CryptoKeyPair;
  let jwk: Jwk;
  beforeAll(async () => {
    pair = await generateRecoveryKeyPair();
    jwk = await exportRecoveryPublicJwk(pair.publicKey);
  });

  it('publishes a 3072-bit RSA-OAEP-256 public JWK and nothing private', () => {
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'e', 'kty', 'n']);
    expect(jwk).toMatchObject({ kty: 'RSA', e: 'AQAB', alg: 'RSA-OAEP-256' });
    expect(Buffer.from(String(jwk['n']), 'base64url').length * 8).toBe(3072);
  });

  it("unwraps what the desktop client's keyring escrows, and what the hub's own helper wraps", async () => {
    const fromClient = await wrapForRecovery(raw, jwk, 0);
    if (!fromClient) throw new Error('client refused the key');
    expect(isWrappedDeviceKey(fromClient.wrapped, jwk)).toBe(true);
    expect(await unwrapDeviceKey(pair.privateKey, fromClient.wrapped)).toEqual({ ok: true, value: raw });
    const ours = await wrapDeviceKey(jwk, raw);
    if (!ours.ok) throw new Error(ours.error.message);
    expect(await unwrapDeviceKey(pair.privateKey, ours.value)).toEqual({ ok: true, value: raw });
  });

  it('names every bad escrow without throwing', async () => {
    const other = await generateRecoveryKeyPair();
    const wrapped = await wrapDeviceKey(jwk, raw);
    if (!wrapped.ok) throw new Error('wrap');
    const code = async (k: CryptoKey, s: string) => {
      const r = await unwrapDeviceKey(k, s);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code(other.privateKey, wrapped.value)).toBe('wrong_private_key');
    expect(await code(pair.privateKey, `${wrapped.value}=`)).toBe('bad_wrapped_key');
    expect(await code(pair.privateKey, 'AAAA')).toBe('wrong_private_key');
    const short = await wrapDeviceKey(jwk, raw.slice(0, 16));
    if (!short.ok) throw new Error('wrap');
    expect(await code(pair.privateKey, short.value)).toBe('bad_wrapped_key');
    expect(isWrappedDeviceKey('AAAA', jwk)).toBe(false);
    expect((await wrapDeviceKey({ kty: 'RSA', n: 'x', e: 'AQAB' }, raw)).ok).toBe(false);
  });

  it('stores the private key only under the secret and organisation it was wrapped for', async () => {
    const stored = await wrapPrivateKey(pair.privateKey, 'the-secret-of-this-hub', 'org-1');
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    const back = await unwrapPrivateKey(stored, 'the-secret-of-this-hub', 'org-1');
    if (!back.ok) throw new Error(back.error.message);
    const wrapped = await wrapDeviceKey(jwk, raw);
    if (!wrapped.ok) throw new Error('wrap');
    expect(await unwrapDeviceKey(back.value, wrapped.value)).toEqual({ ok: true, value: raw });
    for (const [secret, org, text] of [
      ['another-secret-entirely', 'org-1', stored],
      ['the-secret-of-this-hub', 'org-2', stored],
      ['the-secret-of-this-hub', 'org-1', stored.replace('v1.', 'v2.')],
      ['the-secret-of-this-hub', 'org-1', 'garbage'],
    ] as const) {
      const r = await unwrapPrivateKey(text, secret, org);
      expect(r.ok ? 'ok' : r.error.code).toBe('bad_stored_key');
    }
  });
});

describe('recovery secret', () => {
  it('takes HUB_RECOVERY_SECRET, refuses a short one, and requires one in production', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-secret-'));
    expect(loadRecoverySecret({ HUB_RECOVERY_SECRET: 'x'.repeat(40) }, dir)).toEqual({
      ok: true,
      value: { secret: 'x'.repeat(40), source: 'env' },
    });
    expect(loadRecoverySecret({ HUB_RECOVERY_SECRET: 'short' }, dir).ok).toBe(false);
    expect(loadRecoverySecret({ NODE_ENV: 'production' }, dir).ok).toBe(false);
  });

  it('otherwise generates a 0600 secret file in the data dir once and keeps it that way', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hub-secret-')), 'data');
    const first = loadRecoverySecret({}, dir);
    if (!first.ok) throw new Error(first.error);
    const file = join(dir, 'recovery-secret');
    expect(first.value).toMatchObject({ source: 'file', file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.value.secret);
    chmodSync(file, 0o644);
    const again = loadRecoverySecret({}, dir);
    expect(again.ok && again.value.secret).toBe(first.value.secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
