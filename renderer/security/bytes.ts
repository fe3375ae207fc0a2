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

/** Bytes → unpadded base64url. */
export function toB64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
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
