// The admin commands validate their input with clear messages and store what the hub needs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUuidV7 } from '#shared/util/ids';
import * as admin from '../../../hub/src/admin/commands';
import { secretHash, normalizeCode } from '../../../hub/src/auth/secrets';
import { openStorage } from '../../../hub/src/storage/open';
import type { Storage } from '../../../hub/src/storage/types';
import { TEST_RECOVERY } from './support/recovery';

describe('admin commands', () => {
  let storage: Storage;
  let d: admin.AdminDeps;
  beforeEach(async () => {
    storage = await openStorage({
      kind: 'sqlite',
      file: join(mkdtempSync(join(tmpdir(), 'hub-admin-')), 'h.sqlite'),
    });
    d = {
      storage,
      clock: () => 1_000,
      ids: createUuidV7(
        () => 1_000,
        (n) => new Uint8Array(n).fill(3),
      ),
      recovery: TEST_RECOVERY,
    };
  });
  afterEach(async () => {
    await storage.close();
  });

  it('creates an org, a user, a one-time code; lists and revokes devices', async () => {
    const org = await admin.createOrg(d, {
      name: '荆门市劳动人事争议仲裁院',
      kind: 'arbitration',
      prefix: '荆劳人仲字',
    });
    if (!org.ok) throw new Error('org');
    const user = await admin.createUser(d, { org: org.value.id, name: '王', roles: 'mediator,supervisor' });
    if (!user.ok) throw new Error('user');
    expect(user.value.roles).toEqual(['mediator', 'supervisor']);
    const code = await admin.createEnrollCode(d, { user: user.value.id, ttlMs: 3_600_000 });
    if (!code.ok) throw new Error('code');
    expect(code.value.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(
      await storage.q.consumeEnrollmentCode(secretHash(normalizeCode(code.value.code.toLowerCase())), 2_000),
    ).toBe(user.value.id);
    await storage.q.createDevice({
      id: 'dev1',
      userId: user.value.id,
      name: 'pc',
      publicKeyJwk: '{}',
      wrappedRecoveryKey: null,
      revokedAt: null,
      lastSeq: 0,
      lastHash: null,
      createdAt: 1,
    });
    expect(await admin.listDevices(d, { user: user.value.id })).toMatchObject([
      { id: 'dev1', revoked: false },
    ]);
    expect((await admin.revokeDevice(d, { device: 'dev1' })).ok).toBe(true);
    expect(await admin.listDevices(d, { user: user.value.id })).toMatchObject([
      { id: 'dev1', revoked: true },
    ]);
  });

  it('refuses bad input with the field at fault', async () => {
    expect(await admin.createOrg(d, { name: 'x', kind: 'bank', prefix: 'P' })).toMatchObject({
      ok: false,
      error: { field: 'kind' },
    });
    expect(await admin.createOrg(d, { name: ' ', kind: 'court', prefix: 'P' })).toMatchObject({
      ok: false,
      error: { field: 'name' },
    });
    expect(await admin.createUser(d, { org: 'nope', name: 'x', roles: 'mediator' })).toMatchObject({
      ok: false,
      error: { field: 'org' },
    });
    const org = await admin.createOrg(d, { name: 'x', kind: 'court', prefix: 'P' });
    if (!org.ok) throw new Error('org');
    expect(await admin.createUser(d, { org: org.value.id, name: 'x', roles: 'judge' })).toMatchObject({
      ok: false,
      error: { field: 'roles' },
    });
    expect(await admin.createEnrollCode(d, { user: 'nope', ttlMs: 1 })).toMatchObject({
      ok: false,
      error: { field: 'user' },
    });
    expect(await admin.revokeDevice(d, { device: 'nope' })).toMatchObject({
      ok: false,
      error: { field: 'device' },
    });
  });
});
