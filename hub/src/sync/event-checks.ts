/*
 * The checks of one pushed event that need no stored state: schema, actor = authenticated device and
 * user (`not_your_device`), canonical hash, signature with the enrolled key, and claimed time not too
 * far ahead of the hub's clock, neither wall time nor HLC (R14). Runs before the push transaction so
 * crypto never holds it. SHA-256 and Ed25519 go through node:crypto with the device's key imported once
 * (keys.ts): the hash synchronously, the signature checks on the thread pool beside the parsing, so a
 * batch of 500 is checked without 1,000 sequential WebCrypto jobs.
 */
import type { KeyObject } from 'node:crypto';
import type { PushResult } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { AuthContext } from '../auth/authenticate';
import type { HubContext } from '../context';
import { parseHlc } from '#shared/events/hlc';
import { computeHashSync, parseEvent, storedBody, verifySigPooled, type WireEvent } from './event-lib';

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

/**
 * The stateless checks of a whole push, one result per input in order, each event's first failing check
 * in the order schema → actor → hash → signature → clock. Parsing and hashing run here in turn while the
 * signature checks of the events before run on the thread pool (`verifySigPooled`).
 * `key`: the authenticated device's verify key (`enrolledVerifyKey`), null when it does not import.
 */
export async function checkEvents(
  ctx: HubContext,
  auth: AuthContext,
  inputs: readonly unknown[],
  key: KeyObject | null,
): Promise<Result<CheckedEvent, PushResult>[]> {
  const early = inputs.map((input) => checkBeforeSignature(auth, input));
  const signed = await Promise.all(
    early.map((r) =>
      r.ok && key ? verifySigPooled(key, r.value.hash, r.value.sig) : Promise.resolve(false),
    ),
  );
  return early.map((r, i) => {
    if (!r.ok) return r;
    const e = r.value;
    if (signed[i] !== true) return reject(e.id, 'bad_signature');
    const wall = Date.parse(e.at.wall);
    const limit = ctx.clock() + ctx.limits.maxClockDriftMs;
    if (!Number.isFinite(wall) || wall > limit)
      return reject(e.id, 'clock_drift', `claimed time ${e.at.wall} is ahead of hub time`);
    // R14: a far-future HLC would sort the event after everything written later, everywhere, for good.
    if ((parseHlc(e.at.hlc)?.ms ?? Infinity) > limit)
      return reject(e.id, 'clock_drift', `HLC ${e.at.hlc} is ahead of hub time`);
    return ok({ event: e, body: storedBody(e) });
  });
}

/** Schema, actor and canonical hash of one pushed event. */
function checkBeforeSignature(auth: AuthContext, input: unknown): Result<WireEvent, PushResult> {
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
  if (computeHashSync(e) !== e.hash) return reject(e.id, 'hash_mismatch');
  return ok(e);
}
