// The admin CLI as a process: JSON output, exit codes, and the "not yet available" recovery commands.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'hub/src/admin/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, HUB_DATA_DIR: dataDir, HUB_DATABASE_URL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('hub admin CLI', () => {
  it('creates an org, a user and a code, printing JSON', () => {
    const org = cli(
      'org:create',
      '--name',
      '仲裁院',
      '--kind',
      'arbitration',
      '--prefix',
      '荆劳人仲字',
      '--json',
    );
    expect(org.code).toBe(0);
    const orgId = (JSON.parse(org.out) as { value: { id: string } }).value.id;
    const user = cli('user:create', '--org', orgId, '--name', '王', '--roles', 'mediator', '--json');
    const userId = (JSON.parse(user.out) as { value: { id: string } }).value.id;
    const code = cli('enroll:code', '--user', userId, '--ttl', '2', '--json');
    expect(JSON.parse(code.out)).toMatchObject({ ok: true, value: { userId } });
    expect(JSON.parse(cli('device:list', '--user', userId, '--json').out)).toEqual({ ok: true, value: [] });
  }, 60_000);

  it('fails clearly on bad input and on commands not yet available', () => {
    const bad = cli('org:create', '--name', 'x', '--kind', 'bank', '--prefix', 'P', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, error: { field: 'kind' } });
    const rec = cli('recovery:export-key');
    expect(rec.code).toBe(2);
    expect(rec.err).toContain('not yet available');
    expect(cli('nonsense').code).toBe(1);
  }, 60_000);
});
