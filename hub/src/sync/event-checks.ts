/*
 * The checks of one pushed event that need no stored state: schema, actor = authenticated device and
 * user (`not_your_device`), canonical hash, signature with the enrolled key, and claimed time not too
 * far ahead of the hub's clock, neither wall time nor HLC (R14). Runs before the push transaction so
 * crypto never holds it.
 */
import type { Jwk, PushResult } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { AuthContext } from '../auth/authenticate';
import type { HubContext } from '../context';
import { parseHlc } from '#shared/events/hlc';
import { computeHash, parseEvent, storedBody, verifySig, type WireEvent } from './event-lib';
import { importEnrolledKey } from './keys';

/** An event that passed the stateless checks; `body` is its canonical stored JSON. */
export type CheckedEvent = { event: WireEvent; body: string };

const idOf = (input: unknown): string => {
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 64) : '';
};

const reject = (
  id: string,
  reason: NonNullable<PushResult['reason']>,
  detail?: string,
): Result<never, PushResult> =>
  err({ id, status: 'rejected', reason, ...(detail !== undefined ? { detail } : {}) });

export async function checkEventAlone(
  ctx: HubContext,
  auth: AuthContext,
  input: unknown,
  keys: Map<string, Promise<CryptoKey | null>>,
): Promise<Result<CheckedEvent, PushResult>> {
  const parsed = parseEvent(input);
  if (!parsed.ok) {
    const first = parsed.error[0];
    return reject(idOf(input), 'schema_invalid', first ? `${first.field}: ${first.message}` : undefined);
  }
  const e = parsed.value;
  const a = e.actor;
  if (a.deviceId !== auth.device.id || a.userId !== auth.user.id || a.orgId !== auth.user.orgId)
    return reject(
      e.id,
      'not_your_device',
      'actor must be the authenticated device, its user and organisation',
    );
  if ((await computeHash(e)) !== e.hash) return reject(e.id, 'hash_mismatch');
  let key = keys.get(auth.device.id);
  if (!key) {
    key = importEnrolledKey(JSON.parse(auth.device.publicKeyJwk) as Jwk);
    keys.set(auth.device.id, key);
  }
  const k = await key;
  if (!k || !(await verifySig(k, e.hash, e.sig))) return reject(e.id, 'bad_signature');
  const wall = Date.parse(e.at.wall);
  const limit = ctx.clock() + ctx.limits.maxClockDriftMs;
  if (!Number.isFinite(wall) || wall > limit)
    return reject(e.id, 'clock_drift', `claimed time ${e.at.wall} is ahead of hub time`);
  // R14: a far-future HLC would sort the event after everything written later, everywhere, for good.
  if ((parseHlc(e.at.hlc)?.ms ?? Infinity) > limit)
    return reject(e.id, 'clock_drift', `HLC ${e.at.hlc} is ahead of hub time`);
  return ok({ event: e, body: storedBody(e) });
}
