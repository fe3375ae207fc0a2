/* The device's escrow and the hub's unwrap agree (the contract of #8 part 3, tested end to end). */
import { describe, expect, it } from 'vitest';
import {
  exportRecoveryPublicJwk,
  generateRecoveryKeyPair,
  unwrapDeviceKey,
} from '../../../../hub/src/recovery/recovery-keys';
import { toB64url } from '../../../../renderer/security/bytes';
import { KEYFILE_META_KEY, type KeyFile } from '../../../../renderer/security/keyfile';
import { openKeyring } from '../../../../renderer/security/keyring';

describe('recovery interop with the hub', () => {
  it('hub unwrapDeviceKey opens what the keyring escrowed, and the key recovers the device', async () => {
    const map = new Map<string, unknown>();
    const keyring = openKeyring({
      iterations: 1000,
      storage: {
        get: (k) => Promise.resolve(map.get(k)),
        put: (k, v) => {
          map.set(k, v);
          return Promise.resolve();
        },
      },
    });
    const pair = await generateRecoveryKeyPair();
    const jwk = await exportRecoveryPublicJwk(pair.publicKey);
    const created = await keyring.create('original passphrase', { recoveryPublicKeyJwk: jwk });
    if (!created.ok) throw new Error(created.error.message);
    const sealed = await created.value.codec.seal('caseStates', { worker: '王五' });

    const wrapped = (map.get(KEYFILE_META_KEY) as KeyFile).recovery?.wrapped ?? '';
    const raw = await unwrapDeviceKey(pair.privateKey, wrapped);
    if (!raw.ok) throw new Error(raw.error.message);
    const recovered = await keyring.recoverWithDataKey(toB64url(raw.value), 'passphrase after recovery');
    if (!recovered.ok) throw new Error(recovered.error.message);
    expect(await recovered.value.codec.open('caseStates', sealed)).toEqual({ worker: '王五' });
  });
});
