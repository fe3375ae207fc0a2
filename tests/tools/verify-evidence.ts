/*
 * The standalone evidence verifier: `npm run verify-evidence -- <folder|zip> [options]`.
 * Imports only shared/evidence and shared/events (the published algorithms), never app code.
 * Prints OK or every failure with the file/event it names; exit code 0 when OK, 1 otherwise.
 *
 *   --case <caseId>            the package must be for this case
 *   --newer <folder|zip>       a later package of the same case: this one must not be older
 *   --trusted-keys <json>      {"<deviceId>": "<fingerprint>"} from the hub's device registry
 */
import { readFileSync } from 'node:fs';
import { describeTarget } from '#shared/evidence/failures';
import { verifyEvidencePackage, type VerifyPackageOptions } from '#shared/evidence/verify';
import { manifestSchema } from '#shared/evidence/manifest';
import { openPackage } from './package-readers';

const out = (line: string) => process.stdout.write(`${line}\n`);

type Args = { target: string; options: VerifyPackageOptions } | { error: string };

function parseArgs(argv: readonly string[]): Args {
  const rest = [...argv];
  let target: string | undefined;
  const options: { -readonly [K in keyof VerifyPackageOptions]: VerifyPackageOptions[K] } = {};
  while (rest.length > 0) {
    const a = rest.shift() ?? '';
    const value = () => rest.shift();
    if (a === '--case') options.expectedCaseId = value();
    else if (a === '--newer') {
      const newer = openPackage(value() ?? '');
      if (!newer.ok) return { error: newer.message };
      const m = manifestSchema.safeParse(JSON.parse(newer.value.manifestText));
      if (!m.success) return { error: '--newer 的清单格式无效' };
      options.reference = m.data.header;
    } else if (a === '--trusted-keys')
      options.trustedKeys = JSON.parse(readFileSync(value() ?? '', 'utf8')) as Record<string, string>;
    else if (a.startsWith('--')) return { error: `未知选项 ${a}` };
    else target = a;
  }
  return target === undefined
    ? {
        error:
          '用法：npm run verify-evidence -- <文件夹|zip> [--case <id>] [--newer <包>] [--trusted-keys <json>]',
      }
    : { target, options };
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    args = { error: `参数无效：${e instanceof Error ? e.message : String(e)}` };
  }
  if ('error' in args) {
    out(`FAILED ${args.error}`);
    return 1;
  }
  const opened = openPackage(args.target);
  if (!opened.ok) {
    out(`FAILED ${opened.message}`);
    return 1;
  }
  const r = await verifyEvidencePackage(opened.value.manifestText, opened.value.reader, args.options);
  out(`证据包 / evidence package: ${args.target}`);
  if (r.header)
    out(
      `案件 ${r.header.caseId} (${r.header.caseNumber}) 导出于 ${r.header.exportedAt} 设备 ${r.header.exportedBy.deviceId}；事件 ${String(r.checkedEvents)}，文件 ${String(r.checkedFiles)}`,
    );
  for (const [device, fp] of Object.entries(r.fingerprints)) out(`公钥指纹 key fingerprint ${device}: ${fp}`);
  if (r.ok) {
    out('OK 核验通过：所有文件、事件哈希和签名一致');
    return 0;
  }
  out(`FAILED 发现 ${String(r.failures.length)} 处问题:`);
  for (const f of r.failures) out(`  [${f.code}] ${describeTarget(f.target)}: ${f.message}`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
