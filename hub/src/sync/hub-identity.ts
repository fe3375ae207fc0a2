/*
 * The hub's own signing identity, for the few events the hub itself emits (official case numbers). It
 * is a device like any other — a system organisation, user and device row with its own hash chain — so
 * clients verify hub events exactly as they verify each other's. The key lives in hub_state so several
 * hub processes sharing one PostgreSQL database sign with the same key.
 */
import type { IdGenerator } from '#shared/util/ids';
import type { Jwk } from '#shared/sync/wire';
import { SIGNATURE_ALGORITHM } from '#shared/events/signing';
import type { Storage } from '../storage/types';
import { generateHubKeyPair } from './event-lib';

export type HubIdentity = {
  orgId: string;
  userId: string;
  deviceId: string;
  publicJwk: Jwk;
  privateKey: CryptoKey;
};

type StoredIdentity = {
  orgId: string;
  userId: string;
  deviceId: string;
  publicJwk: Jwk;
  privateJwk: JsonWebKey;
};
/*
 * Ed25519 like every device (shared/events/signing). The interim ECDSA identity of early development
 * builds lived under 'hub_identity'; a new key name means such a database simply gets a fresh identity.
 */
const KEY = 'hub_identity_ed25519';

async function create(storage: Storage, ids: IdGenerator, clock: () => number): Promise<StoredIdentity> {
  const pair = await generateHubKeyPair();
  const publicJwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as Jwk;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return storage.tx(async (q) => {
    const raced = await q.getState(KEY);
    if (raced !== null) return JSON.parse(raced) as StoredIdentity;
    const now = clock();
    const s: StoredIdentity = { orgId: ids(), userId: ids(), deviceId: ids(), publicJwk, privateJwk };
    await q.createOrg({
      id: s.orgId,
      name: '枢纽系统 Hub system',
      kind: 'other',
      caseNumberPrefix: '-',
      createdAt: now,
    });
    await q.createUser({ id: s.userId, orgId: s.orgId, name: '枢纽 Hub', roles: ['admin'], createdAt: now });
    await q.createDevice({
      id: s.deviceId,
      userId: s.userId,
      name: 'hub',
      publicKeyJwk: JSON.stringify(publicJwk),
      wrappedRecoveryKey: null,
      revokedAt: null,
      lastSeq: 0,
      lastHash: null,
      createdAt: now,
    });
    await q.setState(KEY, JSON.stringify(s));
    return s;
  });
}

/** Loads the identity, creating it on the first start. */
export async function loadHubIdentity(
  storage: Storage,
  ids: IdGenerator,
  clock: () => number,
): Promise<HubIdentity> {
  const raw = await storage.q.getState(KEY);
  const s = raw === null ? await create(storage, ids, clock) : (JSON.parse(raw) as StoredIdentity);
  const privateKey = await crypto.subtle.importKey('jwk', s.privateJwk, SIGNATURE_ALGORITHM, false, ['sign']);
  return { orgId: s.orgId, userId: s.userId, deviceId: s.deviceId, publicJwk: s.publicJwk, privateKey };
}
