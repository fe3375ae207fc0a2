// The admin CLI as a process: JSON output, exit codes, and the recovery commands (dev secret file in the
// data dir, export of the public key, audited unwrap of a device's escrowed data key).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Jwk } from '#shared/sync/wire';
import { wrapDeviceKey } from '../../../hub/src/recovery/recovery-keys';
import { openStorage } from '../../../hub/src/storage/open';

const dataDir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'hub/src/admin/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, HUB_DATA_DIR: dataDir, HUB_DATABASE_URL: '', HUB_RECOVERY_SECRET: '' },
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
  }, 120_000);

  it('fails clearly on bad input', () => {
    const bad = cli('org:create', '--name', 'x', '--kind', 'bank', '--prefix', 'P', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, error: { field: 'kind' } });
    expect(JSON.parse(cli('recovery:unwrap', '--device', 'nope', '--json').out)).toMatchObject({
      ok: false,
      error: { field: 'device' },
    });
    expect(cli('nonsense').code).toBe(1);
  }, 120_000);

  it('exports the recovery key and unwraps an escrowed device key, with an audit row', async () => {
    const org = cli('org:create', '--name', '工会', '--kind', 'union', '--prefix', '荆工调', '--json');
    const orgId = (JSON.parse(org.out) as { value: { id: string } }).value.id;
    expect(statSync(join(dataDir, 'recovery-secret')).mode & 0o777).toBe(0o600);
    const exported = cli('recovery:export-key', '--org', orgId);
    expect(exported.code).toBe(0);
    const jwk = JSON.parse(exported.out) as Jwk;
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256' });
    const raw = Uint8Array.from({ length: 32 }, (_, i) => i);
    const wrapped = await wrapDeviceKey(jwk, raw);
    if (!wrapped.ok) throw new Error(wrapped.error.message);
    const storage = await openStorage({ kind: 'sqlite', file: join(dataDir, 'hub.sqlite') });
    try {
      await storage.q.createUser({ id: 'u-cli', orgId, name: '王', roles: ['mediator'], createdAt: 1 });
      await storage.q.createDevice({
        id: 'dev-cli',
        userId: 'u-cli',
        name: 'pc',
        publicKeyJwk: '{}',
        wrappedRecoveryKey: wrapped.value,
        revokedAt: null,
        lastSeq: 0,
        lastHash: null,
        createdAt: 1,
      });
      const out = cli('recovery:unwrap', '--device', 'dev-cli', '--operator', '张管理员');
      expect(out.code).toBe(0);
      expect(JSON.parse(out.out)).toEqual({
        deviceId: 'dev-cli',
        dataKey: Buffer.from(raw).toString('base64url'),
      });
      expect(await storage.q.listRecoveryAudit('dev-cli')).toMatchObject([{ operator: '张管理员', orgId }]);
    } finally {
      await storage.close();
    }
  }, 120_000);
});
