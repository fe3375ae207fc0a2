/*
 * Organisation recovery keys (issue #8), pure WebCrypto so it can be tested against the client's own
 * wrapping code: RSA-OAEP with SHA-256, 3072-bit modulus, e = 65537 (JWK `alg` "RSA-OAEP-256").
 *
 * - A device escrows its 32-byte raw data key as base64url(RSA-OAEP(recovery public key, raw)).
 * - The organisation's private key is stored only wrapped: AES-256-GCM under SHA-256(hub recovery
 *   secret), a fresh 96-bit IV, and the org id as additional data (a wrapped key moved to another
 *   organisation's row does not open). Format `v1.<iv>.<ciphertext+tag>` (base64url).
 * Nothing here throws across the boundary: failures are `Result` errors with a clear message.
 */
import { err, ok, type Result } from '#shared/util/result';
import type { Jwk } from '#shared/sync/wire';

export const RECOVERY_MODULUS_BITS = 3072;
const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;
const DATA_KEY_BYTES = 32;

export type RecoveryErrorCode = 'bad_wrapped_key' | 'wrong_private_key' | 'bad_stored_key' | 'bad_public_key';
export type RecoveryError = { code: RecoveryErrorCode; message: string };

const fail = (code: RecoveryErrorCode, message: string): Result<never, RecoveryError> =>
  err({ code, message });
const B64URL_RE = /^[A-Za-z0-9_-]+$/;

/** Strict unpadded base64url → bytes (null on anything else). */
export function fromB64url(s: string): Uint8Array | null {
  if (!B64URL_RE.test(s)) return null;
  const bytes = Buffer.from(s, 'base64url');
  return bytes.toString('base64url') === s ? new Uint8Array(bytes) : null;
}
const toB64url = (b: ArrayBuffer | Uint8Array): string =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('base64url');

/** A new recovery key pair (private key extractable once, to be wrapped and stored). */
export async function generateRecoveryKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(
    { ...RSA, modulusLength: RECOVERY_MODULUS_BITS, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['encrypt', 'decrypt'],
  );
}

/** The public key as devices receive it: `{kty:"RSA", n, e, alg:"RSA-OAEP-256"}`. */
export async function exportRecoveryPublicJwk(publicKey: CryptoKey): Promise<Jwk> {
  const j = await crypto.subtle.exportKey('jwk', publicKey);
  return { kty: 'RSA', n: j.n ?? '', e: j.e ?? '', alg: 'RSA-OAEP-256' };
}

/** Length in bytes of an RSA-OAEP ciphertext under this public JWK (its modulus size). */
export const ciphertextBytes = (publicJwk: Jwk): number =>
  typeof publicJwk['n'] === 'string' ? (fromB64url(publicJwk['n'])?.length ?? 0) : 0;

/** Whether `s` has the shape of a device key escrowed to this public key (base64url, modulus-sized). */
export const isWrappedDeviceKey = (s: string, publicJwk: Jwk): boolean =>
  fromB64url(s)?.length === ciphertextBytes(publicJwk) && ciphertextBytes(publicJwk) > 0;

/** Escrows a raw data key to a recovery public key (what the device does; here for tools and tests). */
export async function wrapDeviceKey(publicJwk: Jwk, raw: Uint8Array): Promise<Result<string, RecoveryError>> {
  try {
    const key = await crypto.subtle.importKey('jwk', publicJwk as JsonWebKey, RSA, false, ['encrypt']);
    return ok(toB64url(await crypto.subtle.encrypt(RSA, key, Uint8Array.from(raw))));
  } catch {
    return fail('bad_public_key', '恢复公钥无效 / the recovery public key is unusable');
  }
}

/** The device's 32-byte raw data key from its escrow, with the organisation's private key. */
export async function unwrapDeviceKey(
  privateKey: CryptoKey,
  wrappedB64url: string,
): Promise<Result<Uint8Array, RecoveryError>> {
  const ct = fromB64url(wrappedB64url);
  if (!ct) return fail('bad_wrapped_key', '托管密钥不是 base64url / the escrowed key is not base64url');
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(await crypto.subtle.decrypt(RSA, privateKey, Uint8Array.from(ct)));
  } catch {
    return fail(
      'wrong_private_key',
      '无法解开：密钥不匹配或数据损坏 / cannot unwrap: wrong key or corrupted data',
    );
  }
  if (raw.length !== DATA_KEY_BYTES)
    return fail(
      'bad_wrapped_key',
      `解开的密钥长度为 ${String(raw.length)}，应为 32 字节 / not a 32-byte key`,
    );
  return ok(raw);
}

async function secretKey(secret: string): Promise<CryptoKey> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return crypto.subtle.importKey('raw', digest, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}
const aad = (orgId: string): Uint8Array => new TextEncoder().encode(`tribunal-hub-recovery-v1|${orgId}`);

/** Wraps the organisation's private key for storage. */
export async function wrapPrivateKey(privateKey: CryptoKey, secret: string, orgId: string): Promise<string> {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', privateKey);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(orgId) },
    await secretKey(secret),
    pkcs8,
  );
  return `v1.${toB64url(iv)}.${toB64url(ct)}`;
}

/** The organisation's private key from its stored form; an error if the secret or org does not match. */
export async function unwrapPrivateKey(
  wrapped: string,
  secret: string,
  orgId: string,
): Promise<Result<CryptoKey, RecoveryError>> {
  const [v, ivText = '', ctText = ''] = wrapped.split('.');
  const iv = fromB64url(ivText);
  const ct = fromB64url(ctText);
  if (v !== 'v1' || iv?.length !== 12 || !ct)
    return fail('bad_stored_key', '存储的恢复私钥格式无效 / stored key malformed');
  try {
    const pkcs8 = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: Uint8Array.from(iv), additionalData: aad(orgId) },
      await secretKey(secret),
      Uint8Array.from(ct),
    );
    return ok(await crypto.subtle.importKey('pkcs8', pkcs8, RSA, false, ['decrypt']));
  } catch {
    return fail(
      'bad_stored_key',
      '无法解开机构恢复私钥：HUB_RECOVERY_SECRET 与创建时不同？/ cannot open the recovery key: is HUB_RECOVERY_SECRET the one it was created with?',
    );
  }
}
