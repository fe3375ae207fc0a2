/*
 * The encrypting codec behind renderer/data's seam (R6): AES-256-GCM with a fresh 96-bit random IV for
 * every seal, and additional data `${ctx}|${keyId}|v1` so a ciphertext cut from one table, key or schema
 * version and pasted into another fails to open instead of decrypting. Search tokens are HMAC-SHA256
 * blind indexes under a separate subkey, so the index never holds a plaintext name, ID or phone.
 * Both subkeys come from one random 32-byte data key through HKDF and are non-extractable.
 */
import type { Codec, SealContext, Sealed } from '../data/codec';
import { fromB64url, own, randomBytes, toB64url, toHex, utf8, utf8Decode } from './bytes';

export const CRYPTO_ALG = 'A256GCM';
const SCHEMA = 'v1';
const IV_BYTES = 12;
/** Leading byte of sealed blob chunks, so a later format can be told apart. */
const BYTES_VERSION = 1;
/** Blind-index tokens: 32 hex chars = 128 bits of HMAC-SHA256. */
const INDEX_HEX = 32;
const TOKEN_CACHE = 50_000;

/** Why a stored value could not be opened; named so the UI can say 数据被篡改 rather than show garbage. */
export type SealFailure = 'tampered' | 'wrong_key' | 'malformed';

export class SealError extends Error {
  readonly code: SealFailure;
  constructor(code: SealFailure, message: string) {
    super(message);
    this.name = 'SealError';
    this.code = code;
  }
}

/** The subkeys of one device data key. */
export type CodecKeys = { dataKey: CryptoKey; indexKey: CryptoKey; keyId: string };

const HKDF_SALT = utf8.encode('backpack-tribunal/hkdf/v1');

/** Derives the encryption and index subkeys and the public key id from the raw 32-byte data key. */
export async function deriveCodecKeys(raw: Uint8Array): Promise<CodecKeys> {
  if (raw.length !== 32) throw new SealError('malformed', `data key must be 32 bytes, got ${raw.length}`);
  const ikm = await crypto.subtle.importKey('raw', own(raw), 'HKDF', false, ['deriveKey', 'deriveBits']);
  const info = (s: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: utf8.encode(s) });
  const dataKey = await crypto.subtle.deriveKey(info('enc'), ikm, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const indexKey = await crypto.subtle.deriveKey(
    info('index'),
    ikm,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  const kidBits = new Uint8Array(await crypto.subtle.deriveBits(info('key-id'), ikm, 64));
  return { dataKey, indexKey, keyId: `dk-${toHex(kidBits)}` };
}

/**
 * An event is stored twice with the same content — its IndexedDB row and its journal line — so it is
 * sealed once under this scope (`sealRecord`), whose additional data binds it to exactly those two places:
 * the events table and the journal open it, every other table refuses it as misplaced. A value sealed for
 * one table alone (`seal(ctx, …)`) keeps `${ctx}|…` and still opens in that table only.
 */
const RECORD_SCOPE = 'events+journal';
const RECORD_PLACES: readonly SealContext[] = ['events', 'journal'];

const aad = (scope: SealContext | typeof RECORD_SCOPE, keyId: string): Uint8Array<ArrayBuffer> =>
  utf8.encode(`${scope}|${keyId}|${SCHEMA}`);

/**
 * Journal lines are JSON, so there iv and ct are base64url; IndexedDB stores bytes natively, so rows
 * keep Uint8Array (no base64 work, a third less on disk).
 */
type Bytesish = string | Uint8Array;
type SealedData = { iv: Bytesish; ct: Bytesish; kid: string; scope?: typeof RECORD_SCOPE };

/** By tag, not `instanceof`: bytes structured-cloned from another realm (a test DOM, a worker) count too. */
const isBytesish = (x: unknown): x is Bytesish =>
  typeof x === 'string' || Object.prototype.toString.call(x) === '[object Uint8Array]';
const bytesOf = (x: Bytesish): Uint8Array | null => (typeof x === 'string' ? fromB64url(x) : x);

function sealedData(sealed: Sealed): SealedData {
  const d = sealed.data as Partial<Record<keyof SealedData, unknown>> | null;
  if (
    sealed.alg !== CRYPTO_ALG ||
    typeof d !== 'object' ||
    d === null ||
    !isBytesish(d.iv) ||
    !isBytesish(d.ct) ||
    typeof d.kid !== 'string' ||
    (d.scope !== undefined && d.scope !== RECORD_SCOPE)
  )
    throw new SealError('malformed', `不是加密数据 (not an ${CRYPTO_ALG} value: alg ${sealed.alg})`);
  return d.scope === undefined
    ? { iv: d.iv, ct: d.ct, kid: d.kid }
    : { iv: d.iv, ct: d.ct, kid: d.kid, scope: d.scope };
}

async function decrypt(
  key: CryptoKey,
  iv: Uint8Array,
  ct: Uint8Array,
  ad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: own(iv), additionalData: ad }, key, own(ct)),
    );
  } catch {
    throw new SealError(
      'tampered',
      '数据校验失败，可能被篡改 (authentication failed: tampered or misplaced)',
    );
  }
}

/**
 * The encrypting codec. `keyId` names the data key (from deriveCodecKeys) and is bound into every
 * ciphertext; the default only suits tests that build keys by hand.
 */
export function createCryptoCodec(dataKey: CryptoKey, indexKey: CryptoKey, keyId = 'dk-test'): Codec {
  // Name prefixes and ID tails repeat across cases (common surnames): one HMAC each, not one per case.
  // Lives only as long as the codec, i.e. until the lock reloads the renderer.
  const tokens = new Map<string, string>();
  const encrypt = async (scope: SealContext | typeof RECORD_SCOPE, plain: Uint8Array<ArrayBuffer>) => {
    const iv = randomBytes(IV_BYTES);
    const ct = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(scope, keyId) }, dataKey, plain),
    );
    return { iv, ct };
  };
  return {
    name: 'aes-256-gcm',
    seal: async (ctx, value) => {
      const json = JSON.stringify(value);
      const { iv, ct } = await encrypt(ctx, utf8.encode(json));
      const data: SealedData =
        ctx === 'journal' ? { iv: toB64url(iv), ct: toB64url(ct), kid: keyId } : { iv, ct, kid: keyId };
      return { v: 1, alg: CRYPTO_ALG, data };
    },
    open: async (ctx, sealed) => {
      const d = sealedData(sealed);
      if (d.kid !== keyId)
        throw new SealError(
          'wrong_key',
          `数据由另一把密钥加密 (sealed with ${d.kid}, this device has ${keyId})`,
        );
      if (d.scope !== undefined && !RECORD_PLACES.includes(ctx))
        throw new SealError(
          'tampered',
          `数据不属于此处，可能被篡改 (an ${d.scope} record found in ${ctx}: misplaced)`,
        );
      const iv = bytesOf(d.iv);
      const ct = bytesOf(d.ct);
      if (!iv || iv.length !== IV_BYTES || !ct)
        throw new SealError('malformed', 'bad iv or ciphertext encoding');
      const plain = await decrypt(dataKey, iv, ct, aad(d.scope ?? ctx, keyId));
      try {
        return JSON.parse(utf8Decode.decode(plain)) as unknown;
      } catch {
        throw new SealError('malformed', 'decrypted value is not JSON');
      }
    },
    // One AES-GCM call for an event's row and its journal line (was two: the per-call WebCrypto hop
    // dominated the encrypted append, #8 part 6). Same fresh IV rules, same key, same authentication.
    sealRecord: async (value) => {
      const { iv, ct } = await encrypt(RECORD_SCOPE, utf8.encode(JSON.stringify(value)));
      const row: Sealed = { v: 1, alg: CRYPTO_ALG, data: { iv, ct, kid: keyId, scope: RECORD_SCOPE } };
      const line: Sealed = {
        v: 1,
        alg: CRYPTO_ALG,
        data: { iv: toB64url(iv), ct: toB64url(ct), kid: keyId, scope: RECORD_SCOPE },
      };
      return { row, line: JSON.stringify(line) };
    },
    sealBytes: async (ctx, bytes) => {
      const { iv, ct } = await encrypt(ctx, own(bytes));
      const out = new Uint8Array(1 + IV_BYTES + ct.length);
      out[0] = BYTES_VERSION;
      out.set(iv, 1);
      out.set(ct, 1 + IV_BYTES);
      return out;
    },
    openBytes: async (ctx, bytes) => {
      if (bytes.length < 1 + IV_BYTES + 16 || bytes[0] !== BYTES_VERSION)
        throw new SealError('malformed', 'not a sealed blob chunk');
      return decrypt(dataKey, bytes.subarray(1, 1 + IV_BYTES), bytes.subarray(1 + IV_BYTES), aad(ctx, keyId));
    },
    index: async (term) => {
      const normalized = term.normalize('NFKC').toLowerCase();
      const cached = tokens.get(normalized);
      if (cached !== undefined) return cached;
      const mac = await crypto.subtle.sign('HMAC', indexKey, utf8.encode(normalized));
      const token = toHex(new Uint8Array(mac)).slice(0, INDEX_HEX);
      if (tokens.size >= TOKEN_CACHE) tokens.clear();
      tokens.set(normalized, token);
      return token;
    },
  };
}

/** The codec for a raw data key (what the keyring hands out after unlock). */
export async function codecFromRawKey(raw: Uint8Array): Promise<{ codec: Codec; keyId: string }> {
  const keys = await deriveCodecKeys(raw);
  return { codec: createCryptoCodec(keys.dataKey, keys.indexKey, keys.keyId), keyId: keys.keyId };
}
