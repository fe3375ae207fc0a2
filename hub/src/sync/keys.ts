/*
 * Device public keys as JWK: only an Ed25519 public key is accepted (no private members), and it must
 * import for verifying, so a bad key is refused at enrollment instead of failing every later push.
 */
import type { KeyObject } from 'node:crypto';
import type { Jwk } from '#shared/sync/wire';
import { deviceKeyObject, importDeviceKey } from './event-lib';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

export async function importEnrolledKey(jwk: Jwk): Promise<CryptoKey | null> {
  if (PRIVATE_MEMBERS.some((m) => m in jwk)) return null;
  return importDeviceKey(jwk);
}

export const checkPublicJwk = async (jwk: Jwk): Promise<boolean> => (await importEnrolledKey(jwk)) !== null;

/** Imported verify keys by their stored JWK text (the text is the key: same text, same key). */
const verifyKeys = new Map<string, KeyObject | null>();
const MAX_KEPT_KEYS = 4096;

/**
 * The node:crypto verify key of a device's stored public JWK (devices.public_key), imported once per
 * key text and kept (bounded); null when the text is not an Ed25519 public JWK — the same acceptance as
 * `importEnrolledKey`, so such a device's events are `bad_signature`.
 */
export function enrolledVerifyKey(jwkText: string): KeyObject | null {
  const kept = verifyKeys.get(jwkText);
  if (kept !== undefined) return kept;
  let key: KeyObject | null = null;
  try {
    const jwk: unknown = JSON.parse(jwkText);
    if (typeof jwk === 'object' && jwk !== null && !Array.isArray(jwk)) {
      const members = jwk as Record<string, unknown>;
      if (!PRIVATE_MEMBERS.some((m) => m in members)) key = deviceKeyObject(members);
    }
  } catch {
    key = null;
  }
  if (verifyKeys.size >= MAX_KEPT_KEYS) verifyKeys.clear();
  verifyKeys.set(jwkText, key);
  return key;
}
