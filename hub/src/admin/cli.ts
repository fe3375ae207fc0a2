/*
 * `npm run hub:admin -- <command> [--flags] [--json]`: the administrator's tool. Uses the same storage
 * selection as the hub (HUB_DATABASE_URL or HUB_DATA_DIR). Exit code 0 on success, 1 on bad input.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { createUuidV7 } from '#shared/util/ids';
import type { Result } from '#shared/util/result';
import { openStorage, storageConfigFromEnv } from '../storage/open';
import type { AdminDeps, AdminError } from './commands';
import { createEnrollCode, createOrg, createUser, listDevices, revokeDevice } from './commands';
import { exportRecoveryKey, unwrapDeviceRecoveryKey } from '../recovery/recovery-service';

/** Who ran the command, for the recovery audit row. */
const operatorName = (): string => {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? 'unknown';
  }
};

const USAGE = `用法 / usage: npm run hub:admin -- <command> [--json]
  org:create --name <名称> --kind <arbitration|union|court|legal_aid|mediation|hr_bureau|other> --prefix <案号前缀>
  user:create --org <orgId> --name <姓名> --roles <mediator,arbitrator,clerk,supervisor,admin>
  enroll:code --user <userId> [--ttl <hours, default 24>]
  device:list --user <userId>
  device:revoke --device <deviceId>
  recovery:export-key --org <orgId>       (机构恢复公钥 JWK / the organisation's recovery public key)
  recovery:unwrap --device <deviceId> [--operator <name>]   (解开设备数据密钥，记入审计 / audited)`;

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const errOut = (s: string): void => void process.stderr.write(`${s}\n`);

function report<T>(r: Result<T, AdminError>, json: boolean, human: (v: T) => string): number {
  if (!r.ok) {
    if (json) out(JSON.stringify({ ok: false, error: r.error }));
    else errOut(`错误 / error (${r.error.field}): ${r.error.message}`);
    return 1;
  }
  out(json ? JSON.stringify({ ok: true, value: r.value }) : human(r.value));
  return 0;
}

async function run(
  command: string | undefined,
  v: Record<string, string | boolean | undefined>,
  d: AdminDeps,
) {
  const s = (k: string): string => (typeof v[k] === 'string' ? v[k] : '');
  const json = v['json'] === true;
  switch (command ?? '') {
    case 'org:create':
      return report(
        await createOrg(d, { name: s('name'), kind: s('kind'), prefix: s('prefix') }),
        json,
        (o) => `机构已创建 org created: ${o.id}`,
      );
    case 'user:create':
      return report(
        await createUser(d, { org: s('org'), name: s('name'), roles: s('roles') }),
        json,
        (u) => `用户已创建 user created: ${u.id}`,
      );
    case 'enroll:code': {
      const ttlMs = (s('ttl') === '' ? 24 : Number(s('ttl'))) * 3_600_000;
      return report(
        await createEnrollCode(d, { user: s('user'), ttlMs }),
        json,
        (c) => `一次性注册码 one-time code: ${c.code} (expires ${c.expiresAt})`,
      );
    }
    case 'device:list': {
      const list = await listDevices(d, { user: s('user') });
      out(
        json
          ? JSON.stringify({ ok: true, value: list })
          : list.map((x) => `${x.id}\t${x.name}\t${x.revoked ? 'revoked' : 'active'}`).join('\n'),
      );
      return 0;
    }
    case 'device:revoke':
      return report(
        await revokeDevice(d, { device: s('device') }),
        json,
        (r) => `设备已吊销 device revoked: ${r.deviceId}`,
      );
    case 'recovery:export-key':
      return report(await exportRecoveryKey(d, { org: s('org') }), json, (r) =>
        JSON.stringify(r.recoveryPublicKey),
      );
    case 'recovery:unwrap':
      return report(
        await unwrapDeviceRecoveryKey(d, { device: s('device'), operator: s('operator') || operatorName() }),
        json,
        (r) => JSON.stringify(r),
      );
    default:
      errOut(USAGE);
      return 1;
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: {
      json: { type: 'boolean' },
      ...Object.fromEntries(
        ['name', 'kind', 'prefix', 'org', 'roles', 'user', 'ttl', 'device', 'operator'].map((k) => [
          k,
          { type: 'string' as const },
        ]),
      ),
    },
  });
  const storage = await openStorage(storageConfigFromEnv(process.env));
  try {
    return await run(positionals[0], values, { storage, clock: () => Date.now(), ids: createUuidV7() });
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    errOut(`失败 / failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
