// A hub under test: real storage (SQLite or PostgreSQL), a manual clock, deterministic ids, and helpers to
// seed organisations/users and enrol devices through the public API.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { exportPublicKeyJwk, generateDeviceKeyPair } from '#shared/events/signing';
import { createUuidV7 } from '#shared/util/ids';
import type { EnrollResponse, Role } from '#shared/sync/wire';
import { buildHub } from '../../../../hub/src/app';
import { createEnrollCode, createOrg, createUser, type AdminDeps } from '../../../../hub/src/admin/commands';
import type { HubLimits } from '../../../../hub/src/context';
import { openStorage, type StorageConfig } from '../../../../hub/src/storage/open';
import type { OrgRecord, Storage, UserRecord } from '../../../../hub/src/storage/types';
import { TEST_RECOVERY } from './recovery';

export const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

export type Harness = {
  app: FastifyInstance;
  storage: Storage;
  clock: { now: number };
  ids: () => string;
  blobDir: string;
  /** The admin-command deps (test recovery secret and cached key pair). */
  deps: AdminDeps;
  org(name: string, prefix?: string, kind?: string): Promise<OrgRecord>;
  user(org: OrgRecord, name: string, roles: Role[]): Promise<UserRecord>;
  code(user: UserRecord, ttlMs?: number): Promise<string>;
  enroll(user: UserRecord, jwk?: JsonWebKey): Promise<EnrollResponse>;
  close(): Promise<void>;
};

/** Deterministic bytes for the UUIDv7 generator. */
function seededRandom(seed: number): (n: number) => Uint8Array {
  let x = seed >>> 0 || 1;
  return (n) =>
    Uint8Array.from({ length: n }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) & 0xff;
    });
}

/** A fresh device public key (Ed25519, as shared/events signs). */
export async function newPublicJwk(): Promise<JsonWebKey> {
  return exportPublicKeyJwk((await generateDeviceKeyPair()).publicKey);
}

/** `idSeed`: a second hub on the same database needs its own id stream. */
export async function startHub(
  config: StorageConfig,
  limits: Partial<HubLimits> = {},
  idSeed = 7,
): Promise<Harness> {
  const storage = await openStorage(config);
  const clock = { now: T0 };
  const ids = createUuidV7(() => clock.now, seededRandom(idSeed));
  const blobDir = mkdtempSync(join(tmpdir(), 'hub-blobs-'));
  const app = await buildHub({
    storage,
    blobDir,
    clock: () => clock.now,
    ids,
    limits,
    corsOrigins: ['http://127.0.0.1:5173'],
  });
  const deps: AdminDeps = { storage, clock: () => clock.now, ids, recovery: TEST_RECOVERY };
  const h: Harness = {
    app,
    storage,
    clock,
    ids,
    blobDir,
    deps,
    org: async (name, prefix = '荆劳人仲字', kind = 'arbitration') => {
      const r = await createOrg(deps, { name, kind, prefix });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    user: async (org, name, roles) => {
      const r = await createUser(deps, { org: org.id, name, roles: roles.join(',') });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    code: async (user, ttlMs = 3_600_000) => {
      const r = await createEnrollCode(deps, { user: user.id, ttlMs });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.code;
    },
    enroll: async (user, jwk) => {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/devices/enroll',
        payload: {
          code: await h.code(user),
          deviceName: `${user.name}的电脑`,
          publicKey: jwk ?? (await newPublicJwk()),
        },
      });
      if (res.statusCode !== 201) throw new Error(`enroll failed ${String(res.statusCode)} ${res.body}`);
      return res.json<EnrollResponse>();
    },
    close: async () => {
      await app.close();
      await storage.close();
    },
  };
  return h;
}

export const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });
