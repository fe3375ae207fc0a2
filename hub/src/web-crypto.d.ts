/*
 * shared/events names the Web platform's global key types (CryptoKey, JsonWebKey); Node 20 implements
 * them (globalThis.crypto is WebCrypto) but @types/node exposes them only under `webcrypto`. Aliased
 * here so hub code and the shared declarations meet on one type.
 */
import type { webcrypto } from 'node:crypto';

declare global {
  type CryptoKey = webcrypto.CryptoKey;
  type CryptoKeyPair = webcrypto.CryptoKeyPair;
  type JsonWebKey = webcrypto.JsonWebKey;
}
