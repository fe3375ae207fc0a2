/*
 * Device public keys as JWK: only public members are accepted, and the key must import for verifying
 * signatures, so a bad key is refused at enrollment instead of failing every later push.
 */
import { webcrypto } from 'node:crypto';
import type { Jwk } from '#shared/sync/wire';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

export async function importDeviceKey(jwk: Jwk): Promise<webcrypto.CryptoKey | null> {
  if (PRIVATE_MEMBERS.some((m) => m in jwk)) return null;
  try {
    return await webcrypto.subtle.importKey(
      'jwk',
      jwk as webcrypto.JsonWebKey,
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
  } catch {
    return null;
  }
}

export const checkPublicJwk = async (jwk: Jwk): Promise<boolean> => (await importDeviceKey(jwk)) !== null;
