/*
 * Byte helpers for the security module: base64url for everything we store (JSON-safe, so sealed values
 * survive the journal's JSON lines), standard base64 only where the IPC contract asks for it.
 */

const CHUNK = 0x8000;

function toBinary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return s;
}

function fromBinary(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Bytes → standard base64 with padding (the keys:* IPC format). */
export function toBase64(bytes: Uint8Array): string {
  return btoa(toBinary(bytes));
}

/** Standard base64 → bytes; null when malformed. */
export function fromBase64(s: string): Uint8Array | null {
  try {
    return fromBinary(atob(s));
  } catch {
    return null;
  }
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Chromium ≥ 140 encodes natively (TC39 Uint8Array base64); Node 20 and older engines use the loop. */
type NativeBase64 = { toBase64?: (o: { alphabet: 'base64url'; omitPadding: boolean }) => string };

/** Bytes → unpadded base64url (on the hot path of every journal line, hence no regex passes). */
export function toB64url(bytes: Uint8Array): string {
  const native = (bytes as NativeBase64).toBase64;
  if (native) return native.call(bytes, { alphabet: 'base64url', omitPadding: true });
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      B64URL.charAt(n >> 18) +
      B64URL.charAt((n >> 12) & 63) +
      B64URL.charAt((n >> 6) & 63) +
      B64URL.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest > 1 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out += B64URL.charAt(n >> 18) + B64URL.charAt((n >> 12) & 63);
    if (rest > 1) out += B64URL.charAt((n >> 6) & 63);
  }
  return out;
}

/** Unpadded (or padded) base64url → bytes; null when malformed. */
export function fromB64url(s: string): Uint8Array | null {
  const trimmed = s.trim().replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(trimmed) || trimmed.length % 4 === 1) return null;
  const std = trimmed.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(std + '='.repeat((4 - (std.length % 4)) % 4));
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

export const utf8 = new TextEncoder();
export const utf8Decode = new TextDecoder('utf-8', { fatal: true });

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** A copy that owns a plain ArrayBuffer (WebCrypto's BufferSource typing wants one). */
export function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
