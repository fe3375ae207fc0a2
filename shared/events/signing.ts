/*
 * Hashing and device signatures through WebCrypto (identical in Chromium/Electron and Node ≥ 20).
 *
 * Algorithm: Ed25519. Why: deterministic signatures (no per-signature randomness to get wrong), small
 * keys (32 bytes) and signatures (64 bytes, 86 base64url chars), one fixed parameter set, and native
 * WebCrypto support in Node 20 (checked: generateKey/sign/verify/JWK export with {name:'Ed25519'} work
 * on Node 20.20) and in Chromium ≥ 137, i.e. Electron 39. ECDSA P-256 would also work but its
 * signatures are randomized and encoded differently across platforms (IEEE P1363 vs DER).
 *
 * What is signed is the 32 raw bytes of the event hash (sync-protocol.md: "signature over the hash
 * bytes"). The hash is SHA-256 of the RFC 8785 canonical JSON of the event without hash and sig.
 */
import { canonicalJson } from './canonical';
import type { CaseEvent, UnsignedEvent } from './envelope';

export const SIGNATURE_ALGORITHM = { name: 'Ed25519' } as const;

// Table lookups, not a string per byte: every pulled event's hash and signature pass through these
// (a first sync verifies 100k events; the per-byte versions were ~5% of it, #7 item 8).
const HEX_OF_BYTE = Array.from({ length: 256 }, (_, x) => x.toString(16).padStart(2, '0'));

const toHex = (b: Uint8Array): string => {
  let out = '';
  for (const x of b) out += HEX_OF_BYTE[x] ?? '';
  return out;
};

/** A hex digit's value (the string was checked to be hex first). */
const nibble = (c: number): number => (c <= 57 ? c - 48 : (c | 32) - 87);

/** Lowercase hex → bytes; null when not an even-length hex string. */
export function hexToBytes(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++)
    out[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  return out;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Each base64url character's value by its char code. */
const B64URL_VALUE = new Uint8Array(128);
for (let i = 0; i < B64URL.length; i++) B64URL_VALUE[B64URL.charCodeAt(i)] = i;

/** Bytes → unpadded base64url (RFC 4648 §5). */
export function bytesToBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += B64URL.charAt((n >> (18 - 6 * j)) & 63);
  }
  return out;
}

/** Unpadded base64url → bytes; null on a malformed string. */
export function base64urlToBytes(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    acc = (acc << 6) | (B64URL_VALUE[s.charCodeAt(i)] ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** SHA-256 as lowercase hex; strings are hashed as UTF-8. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** The event hash: SHA-256 of the canonical JSON of the event without hash and sig. */
export function hashEvent(e: UnsignedEvent | CaseEvent): Promise<string> {
  const rest: Record<string, unknown> = { ...e };
  delete rest['hash'];
  delete rest['sig'];
  return sha256Hex(canonicalJson(rest));
}

/**
 * A new device key pair. By default the private key is not extractable (it never leaves WebCrypto; a
 * CryptoKey can still be stored in IndexedDB by structured clone). The public key is always exportable.
 */
export async function generateDeviceKeyPair(options: { extractable?: boolean } = {}): Promise<CryptoKeyPair> {
  const pair = await crypto.subtle.generateKey(SIGNATURE_ALGORITHM, options.extractable ?? false, [
    'sign',
    'verify',
  ]);
  return pair as CryptoKeyPair;
}

/** The public key as JWK (what enrollment sends to the hub). */
export function exportPublicKeyJwk(key: CryptoKey): Promise<JsonWebKey> {
  return crypto.subtle.exportKey('jwk', key);
}

/** A public key from JWK; null when the JWK is not an Ed25519 public key. */
export async function importPublicKeyJwk(jwk: JsonWebKey): Promise<CryptoKey | null> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || jwk.d !== undefined || typeof jwk.x !== 'string')
    return null;
  try {
    return await crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
      SIGNATURE_ALGORITHM,
      true,
      ['verify'],
    );
  } catch {
    return null;
  }
}

/** Signs the 32 bytes of a hex hash; the signature as base64url. */
export async function signHash(privateKey: CryptoKey, hashHex: string): Promise<string> {
  const bytes = hexToBytes(hashHex);
  if (bytes?.length !== 32) throw new Error('signHash: expected a hex SHA-256');
  return bytesToBase64url(new Uint8Array(await crypto.subtle.sign(SIGNATURE_ALGORITHM, privateKey, bytes)));
}

/** Whether `sig` is a valid signature of the hash by `publicKey`; false (never a throw) on bad input. */
export async function verifyHashSignature(
  publicKey: CryptoKey,
  hashHex: string,
  sig: string,
): Promise<boolean> {
  const bytes = hexToBytes(hashHex);
  const signature = base64urlToBytes(sig);
  if (bytes?.length !== 32 || signature === null) return false;
  try {
    return await crypto.subtle.verify(SIGNATURE_ALGORITHM, publicKey, signature, bytes);
  } catch {
    return false;
  }
}

/** Hashes and signs an event. */
export async function sealEvent(unsigned: UnsignedEvent, privateKey: CryptoKey): Promise<CaseEvent> {
  const hash = await hashEvent(unsigned);
  return { ...unsigned, hash, sig: await signHash(privateKey, hash) };
}

/** The chain fields of a device's next event, given its last one (null: first event). */
export function nextChainLink(last: { deviceSeq: number; hash: string } | null): {
  deviceSeq: number;
  prev: string | null;
} {
  return last === null ? { deviceSeq: 1, prev: null } : { deviceSeq: last.deviceSeq + 1, prev: last.hash };
}
