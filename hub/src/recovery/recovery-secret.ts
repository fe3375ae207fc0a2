/*
 * The hub's recovery secret, which wraps every organisation's recovery private key. From the env
 * `HUB_RECOVERY_SECRET` (required when NODE_ENV=production, and whenever several hub machines share one
 * PostgreSQL database); otherwise, for development, a generated secret in `<data dir>/recovery-secret`
 * created with mode 0600 (tightened back to 0600 if someone loosened it).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '#shared/util/result';

export const RECOVERY_SECRET_FILE = 'recovery-secret';
const MIN_SECRET_LENGTH = 16;

export type SecretSource = { secret: string; source: 'env' | 'file'; file?: string };

export function loadRecoverySecret(env: NodeJS.ProcessEnv, dataDir: string): Result<SecretSource, string> {
  const fromEnv = env['HUB_RECOVERY_SECRET'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_LENGTH)
      return err(`HUB_RECOVERY_SECRET 太短（至少 ${String(MIN_SECRET_LENGTH)} 个字符）/ too short`);
    return ok({ secret: fromEnv, source: 'env' });
  }
  if (env['NODE_ENV'] === 'production')
    return err('生产环境必须设置 HUB_RECOVERY_SECRET / HUB_RECOVERY_SECRET is required in production');
  const file = join(dataDir, RECOVERY_SECRET_FILE);
  try {
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    }
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < MIN_SECRET_LENGTH)
      return err(`${file} 内容无效 / the secret file is empty or too short`);
    return ok({ secret, source: 'file', file });
  } catch (e) {
    return err(`无法读取或创建 ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
