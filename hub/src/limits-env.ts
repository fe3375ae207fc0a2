/*
 * The limits an operator may set in the environment (hub/README.md "Run"): body size, events per push,
 * chunk and blob size, pull page size. Each must be a positive whole number; anything else stops the hub
 * at start with the variable named, rather than running with a limit nobody chose.
 */
import { err, ok, type Result } from '#shared/util/result';
import type { HubLimits } from './context';

export const LIMIT_ENV = {
  HUB_MAX_BODY_BYTES: 'maxBodyBytes',
  HUB_MAX_EVENTS_PER_PUSH: 'maxEventsPerPush',
  HUB_MAX_CHUNK_BYTES: 'maxChunkBytes',
  HUB_MAX_BLOB_BYTES: 'maxBlobBytes',
  HUB_MAX_PULL_LIMIT: 'maxPullLimit',
} as const satisfies Record<string, keyof HubLimits>;

export function limitsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Result<Partial<HubLimits>, string> {
  const out: Partial<HubLimits> = {};
  for (const [name, key] of Object.entries(LIMIT_ENV)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const n = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n <= 0)
      return err(`${name} must be a positive whole number, got "${raw}"`);
    out[key] = n;
  }
  return ok(out);
}
