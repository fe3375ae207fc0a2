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

  it('is idempotent and ends at the latest version', async () => {
    const backend = await openBackend(config());
    await migrate(backend);
    expect(await migrate(backend)).toBe(MIGRATIONS.length);
    expect(await currentVersion(backend)).toBe(MIGRATIONS.length);
    await backend.close();
  });
});
