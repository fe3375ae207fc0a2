/*
 * Device public keys as JWK: only an Ed25519 public key is accepted (no private members), and it must
 * import for verifying, so a bad key is refused at enrollment instead of failing every later push.
 */
import type { Jwk } from '#shared/sync/wire';
import { importDeviceKey } from './event-lib';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

export async function importEnrolledKey(jwk: Jwk): Promise<CryptoKey | null> {
  if (PRIVATE_MEMBERS.some((m) => m in jwk)) return null;
  return importDeviceKey(jwk);
}

export const checkPublicJwk = async (jwk: Jwk): Promise<boolean> => (await importEnrolledKey(jwk)) !== null;
