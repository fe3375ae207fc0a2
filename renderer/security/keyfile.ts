/*
 * The key file: how the device's random data key is kept at rest, never in the clear (R6, R8). Three
 * independent wraps of the same 32 raw bytes:
 *   - passphrase: AES-GCM under a KEK from PBKDF2-SHA256 (600,000 iterations by default, random salt);
 *     when the OS keystore is usable the KEK also mixes in a secret kept there (safeStorage), so a
 *     copied profile is useless even to someone who knows the passphrase;
 *   - recovery: RSA-OAEP-256 to the organisation's recovery public key (the hub's admins can unwrap it);
 *   - pending: a new passphrase wrap being verified during a passphrase change.
 * The file itself is validated with zod on every read: a damaged key file is named, never guessed at.
 */
import { z } from 'zod';
import type { KeyBackend } from '#shared/ipc/contract';
import { fromB64url, own, randomBytes, toB64url, toHex, utf8 } from './bytes';

export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
export const KEYFILE_META_KEY = 'security.keyfile';
export const FAILURES_META_KEY = 'security.unlockFailures';
/** keys:* IPC id of the secret the OS keystore keeps for us. */
export const PLATFORM_SECRET_ID = 'tribunal-kek-pepper';

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

const passphraseWrapSchema = z.strictObject({
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.int().min(1).max(10_000_000),
  salt: b64url,
  iv: b64url,
  ct: b64url,
});
export type PassphraseWrap = z.infer<typeof passphraseWrapSchema>;

const backends = [
  'keychain',
  'dpapi',
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
  'basic_text',
  'unknown',
  'browser',
] as const satisfies readonly KeyBackend[];

const platformSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('bound'), backend: z.enum(backends), secretId: z.string() }),
  z.strictObject({
    state: z.enum(['unavailable', 'refused']),
    backend: z.enum(backends).nullable(),
    reason: z.string(),
  }),
]);
export type PlatformBinding = z.infer<typeof platformSchema>;

const recoverySchema = z.strictObject({
  alg: z.literal('RSA-OAEP-256'),
  wrapped: b64url,
  /** SHA-256 (hex, 16 chars) of the recovery key's modulus: which organisation key can unwrap it. */
  keyFingerprint: z.string(),
  at: z.number(),
  /** Set once the hub has accepted this wrap for the device (PUT /v1/devices/recovery-key). */
  hub: z.strictObject({ deviceId: z.string(), at: z.number() }).optional(),
});
export type RecoveryWrap = z.infer<typeof recoverySchema>;

export const keyFileSchema = z.strictObject({
  v: z.literal(1),
  keyId: z.string(),
  createdAt: z.number(),
  passphrase: passphraseWrapSchema,
  pending: passphraseWrapSchema.optional(),
  platform: platformSchema,
  recovery: recoverySchema.nullable(),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

const wrapAad = (keyId: string) => utf8.encode(`keyring|${keyId}|v1`);

/** The key-encryption key: PBKDF2 of the passphrase, mixed with the OS-keystore secret when bound. */
async function deriveKek(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
  platformSecret: Uint8Array | null,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    utf8.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: own(salt), iterations },
      base,
      256,
    ),
  );
  const aes = { name: 'AES-GCM', length: 256 };
  if (!platformSecret) return crypto.subtle.importKey('raw', bits, aes, false, ['encrypt', 'decrypt']);
  const ikm = new Uint8Array(bits.length + platformSecret.length);
  ikm.set(bits);
  ikm.set(platformSecret, bits.length);
  const hkdf = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveKey']);
  ikm.fill(0);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8.encode('kek+platform') },
    hkdf,
    aes,
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function wrapWithPassphrase(
  raw: Uint8Array,
  keyId: string,
  passphrase: string,
  iterations: number,
  platformSecret: Uint8Array | null,
): Promise<PassphraseWrap> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(passphrase, salt, iterations, platformSecret);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: wrapAad(keyId) }, kek, own(raw)),
  );
  return { kdf: 'PBKDF2-SHA256', iterations, salt: toB64url(salt), iv: toB64url(iv), ct: toB64url(ct) };
}

/** The raw data key, or null when the passphrase (or the keystore secret) is wrong. */
export async function unwrapWithPassphrase(
  wrap: PassphraseWrap,
  keyId: string,
  passphrase: string,
  platformSecret: Uint8Array | null,
): Promise<Uint8Array | null> {
  const salt = fromB64url(wrap.salt);
  const iv = fromB64url(wrap.iv);
  const ct = fromB64url(wrap.ct);
  if (!salt || !iv || !ct) return null;
  const kek = await deriveKek(passphrase, salt, wrap.iterations, platformSecret);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: own(iv), additionalData: wrapAad(keyId) },
        kek,
        own(ct),
      ),
    );
  } catch {
    return null;
  }
}

/** RSA-OAEP-256 of the raw key to the organisation's recovery public key; null when the JWK is unusable. */
export async function wrapForRecovery(
  raw: Uint8Array,
  jwk: JsonWebKey,
  now: number,
): Promise<RecoveryWrap | null> {
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') return null;
  try {
    const pub = await crypto.subtle.importKey(
      'jwk',
      { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', ext: true },
      { name: 'RSA-OAEP', hash: 'SHA-256' },
      false,
      ['encrypt'],
    );
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, pub, own(raw)));
    const fp = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(jwk.n)));
    return { alg: 'RSA-OAEP-256', wrapped: toB64url(ct), keyFingerprint: toHex(fp).slice(0, 16), at: now };
  } catch {
    return null;
  }
}
