// Each migration is tested on both backends: open at n-1, seed, migrate to n, assert (conventions.md §10).
import { describe, expect, it } from 'vitest';
import { currentVersion, migrate } from '../../../hub/src/storage/migrate';
import { MIGRATIONS } from '../../../hub/src/storage/migrations/index';
import { openBackend, storageOver } from '../../../hub/src/storage/open';
import { BACKENDS } from './support/backends';

describe.each(BACKENDS)('migrations on $name', ({ config }) => {
  it('001 creates the identity, event and access tables from empty', async () => {
    const backend = await openBackend(config());
    expect(await migrate(backend, 1)).toBe(1);
    const s = storageOver(backend);
    await s.q.createOrg({
      id: 'o1',
      name: '仲裁院',
      kind: 'arbitration',
      caseNumberPrefix: '荆劳人仲字',
      createdAt: 1,
    });
    expect((await s.q.getOrg('o1'))?.name).toBe('仲裁院');
    await s.close();
  });

  it('002 keeps v1 cases and adds numbering with defaults', async () => {
    const backend = await openBackend(config());
    await migrate(backend, 1);
    await backend.db.run(
      "INSERT INTO cases (case_id, owner_org_id, opened_seq, created_at) VALUES ('c1', 'o1', 7, 100)",
    );
    expect(await migrate(backend, 2)).toBe(2);
    const s = storageOver(backend);
    const c = await s.q.getCase('c1');
    expect(c).toMatchObject({ caseId: 'c1', openedSeq: 7, status: 'open', caseNumber: null });
    expect(await s.tx((q) => q.nextCaseNumber('o1', 2026))).toBe(1);
    await s.close();
  });

  it('003 keeps v2 orgs and devices and adds recovery keys, escrowed device keys and the audit trail', async () => {
    const backend = await openBackend(config());
    await migrate(backend, 2);
    await backend.db.run(
      "INSERT INTO orgs (id, name, kind, case_number_prefix, created_at) VALUES ('o1', '仲裁院', 'arbitration', 'P', 1)",
    );
    await backend.db.run(
      "INSERT INTO users (id, org_id, name, roles, created_at) VALUES ('u1', 'o1', '王', 'mediator', 1)",
    );
    await backend.db.run(
      "INSERT INTO devices (id, user_id, name, public_key, created_at) VALUES ('d1', 'u1', '电脑', '{}', 1)",
    );
    expect(await migrate(backend, 3)).toBe(3);
    const s = storageOver(backend);
    expect(await s.q.getRecoveryKey('o1')).toBeNull();
    const key = { orgId: 'o1', publicJwk: '{"kty":"RSA"}', wrappedPrivateKey: 'w', createdAt: 5 };
    expect(await s.q.putRecoveryKey(key)).toBe(true);
    expect(await s.q.putRecoveryKey({ ...key, wrappedPrivateKey: 'other' })).toBe(false);
    expect(await s.q.getRecoveryKey('o1')).toEqual(key);
    await s.q.setWrappedRecoveryKey('d1', 'abc');
    expect((await s.q.getDevice('d1'))?.wrappedRecoveryKey).toBe('abc');
    const audit = {
      id: 'a1',
      deviceId: 'd1',
      orgId: 'o1',
      action: 'unwrap' as const,
      operator: 'root',
      at: 9,
    };
    await s.q.addRecoveryAudit(audit);
    expect(await s.q.listRecoveryAudit('d1')).toEqual([audit]);
    await s.close();
  });

  it("004 records each organisation's handler of the latest assignment by HLC", async () => {
    const backend = await openBackend(config());
    await migrate(backend, 3);
    await backend.db.run(
      "INSERT INTO cases (case_id, owner_org_id, opened_seq, created_at) VALUES ('c1', 'o1', 1, 100)",
    );
    expect(await migrate(backend, 4)).toBe(4);
    const s = storageOver(backend);
    expect(await s.q.getAssignee('c1', 'o1')).toBeNull();
    await s.q.setAssignee('c1', 'o1', 'u2', '000001764320400000-00001-dev');
    await s.q.setAssignee('c1', 'o1', 'u1', '000001764320400000-00000-dev');
    await s.q.setAssignee('c1', 'court', 'judge', '000001764320400000-00000-dev');
    expect(await s.q.getAssignee('c1', 'o1')).toBe('u2');
    await s.q.setAssignee('c1', 'o1', 'u3', '000001764320400001-00000-dev');
    expect(await s.q.getAssignee('c1', 'o1')).toBe('u3');
    expect(await s.q.getAssignee('c1', 'court')).toBe('judge');
    await s.close();
  });

  it('005 keeps export audit rows once per id, newest first, per organisation and user', async () => {
    const backend = await openBackend(config());
    await migrate(backend, 4);
    expect(await migrate(backend, 5)).toBe(5);
    const s = storageOver(backend);
    const row = {
      id: 'x1',
      orgId: 'o1',
      userId: 'u1',
      deviceId: 'd1',
      at: '2026-11-28T09:00:00.000Z',
      kind: 'caseload',
      format: 'csv',
      file: '案件清单.csv',
      rows: 3,
      cases: 2,
      periodFrom: '2026-01-01',
      periodTo: '2026-11-28',
      caseId: null,
      disclosure: 'case_list,handler_names',
      receivedAt: 10,
    };
    expect(await s.q.addExportAudit(row)).toBe(true);
    expect(await s.q.addExportAudit({ ...row, file: '又一次.csv' })).toBe(false);
    await s.q.addExportAudit({
      ...row,
      id: 'x2',
      userId: 'u2',
      receivedAt: 11,
      periodFrom: null,
      periodTo: null,
    });
    await s.q.addExportAudit({ ...row, id: 'x3', orgId: 'o2', receivedAt: 12 });
    expect((await s.q.listExportAudit('o1', null, 10)).map((r) => r.id)).toEqual(['x2', 'x1']);
    expect(await s.q.listExportAudit('o1', 'u1', 10)).toEqual([row]);
    await s.close();
  });

  it('is idempotent and ends at the latest version', async () => {
    const backend = await openBackend(config());
    await migrate(backend);
    expect(await migrate(backend)).toBe(MIGRATIONS.length);
    expect(await currentVersion(backend)).toBe(MIGRATIONS.length);
    await backend.close();
  });
});
