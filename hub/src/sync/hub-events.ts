/*
 * Events the hub itself emits (today only `case.numbered`), sealed with the hub's identity and appended
 * in the caller's transaction with the hub device's own hash chain, so clients verify them like any
 * device's events (public key and device id come with the enrollment answer).
 */
import type { HubContext } from '../context';
import { isoTime } from '../context';
import type { Queries } from '../storage/types';
import { computeHash, signHash, type WireEvent } from './event-lib';

export type HubEventInput = {
  caseId: string;
  orgId: string;
  type: string;
  payload: Record<string, unknown>;
  /** HLC of the event that caused it; the hub event sorts with it. */
  hlc: string;
};

export async function emitHubEvent(ctx: HubContext, q: Queries, input: HubEventInput): Promise<number> {
  const id = ctx.identity;
  const device = await q.getDevice(id.deviceId);
  const deviceSeq = (device?.lastSeq ?? 0) + 1;
  const unsigned: WireEvent = {
    v: 1,
    id: ctx.ids(),
    caseId: input.caseId,
    type: input.type,
    payload: input.payload,
    conf: 'public',
    at: { hlc: input.hlc, wall: isoTime(ctx.clock()) },
    actor: { userId: id.userId, deviceId: id.deviceId, orgId: input.orgId, role: 'admin' },
    deviceSeq,
    prev: device?.lastHash ?? null,
    hash: '',
    sig: '',
  };
  const hash = await computeHash(unsigned);
  const event: WireEvent = { ...unsigned, hash, sig: await signHash(id.privateKey, hash) };
  return q.appendEvent(
    {
      id: event.id,
      caseId: event.caseId,
      deviceId: id.deviceId,
      deviceSeq,
      hash,
      type: event.type,
      conf: event.conf,
      body: JSON.stringify(event),
    },
    ctx.clock(),
  );
}
