// Storage operations on both adapters: enrollment codes are single-use, case numbers stay gapless and
// unique under many concurrent transactions, and a failed transaction leaves nothing behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../../hub/src/storage/open';
import type { Storage } from '../../../hub/src/storage/types';
import { BACKENDS } from './support/backends';

describe.each(BACKENDS)('storage queries on $name', ({ config }) => {
  let s: Storage;
  beforeEach(async () => {
    s = await openStorage(config());
    await s.q.createOrg({
      id: 'o1',
      name: '仲裁院',
      kind: 'arbitration',
      caseNumberPrefix: 'P',
      createdAt: 1,
    });
    await s.q.createUser({
      id: 'u1',
      orgId: 'o1',
      name: '王',
      roles: ['mediator', 'supervisor'],
      createdAt: 1,
    });
  });
  afterEach(async () => {
    await s.close();
  });

  it('stores users with roles and consumes an enrollment code once, only before expiry', async () => {
    expect((await s.q.getUser('u1'))?.roles).toEqual(['mediator', 'supervisor']);
    await s.q.createEnrollmentCode({ codeHash: 'h1', userId: 'u1', expiresAt: 100, createdAt: 1 });
    await s.q.createEnrollmentCode({ codeHash: 'h2', userId: 'u1', expiresAt: 100, createdAt: 1 });
    expect(await s.q.consumeEnrollmentCode('h1', 50)).toBe('u1');
    expect(await s.q.consumeEnrollmentCode('h1', 50)).toBeNull();
    expect(await s.q.consumeEnrollmentCode('h2', 100)).toBeNull();
    expect(await s.q.consumeEnrollmentCode('nope', 1)).toBeNull();
  });

  it('hands out gapless, unique case numbers to 60 concurrent transactions', async () => {
    const got = await Promise.all(
      Array.from({ length: 60 }, () => s.tx((q) => q.nextCaseNumber('o1', 2026))),
    );
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(await s.tx((q) => q.nextCaseNumber('o1', 2027))).toBe(1);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      s.tx(async (q) => {
        await q.nextCaseNumber('o1', 2026);
        await q.createOrg({ id: 'o2', name: 'x', kind: 'court', caseNumberPrefix: 'X', createdAt: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await s.q.getOrg('o2')).toBeNull();
    expect(await s.tx((q) => q.nextCaseNumber('o1', 2026))).toBe(1);
  });

  it('appends events with increasing hub seq and moves the device chain head', async () => {
    await s.q.createDevice({
      id: 'd1',
      userId: 'u1',
      name: 'pc',
      publicKeyJwk: '{}',
      wrappedRecoveryKey: null,
      revokedAt: null,
      lastSeq: 0,
      lastHash: null,
      createdAt: 1,
    });
    const base = { caseId: 'c1', deviceId: 'd1', type: 'note.recorded', conf: 'public', body: '{}' };
    const a = await s.tx((q) => q.appendEvent({ ...base, id: 'e1', deviceSeq: 1, hash: 'h1' }, 5));
    const b = await s.tx((q) => q.appendEvent({ ...base, id: 'e2', deviceSeq: 2, hash: 'h2' }, 6));
    expect(b).toBe(a + 1);
    expect(await s.q.getDevice('d1')).toMatchObject({ lastSeq: 2, lastHash: 'h2' });
    await expect(
      s.tx((q) => q.appendEvent({ ...base, id: 'e1', deviceSeq: 3, hash: 'h3' }, 7)),
    ).rejects.toThrow();
    expect(await s.q.getDevice('d1')).toMatchObject({ lastSeq: 2 });
  });
});
