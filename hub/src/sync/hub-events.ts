/*
 * Events the hub itself emits (today only `case.numbered`), sealed with the hub's identity and appended
 * in the caller's transaction with the hub device's own hash chain, so clients verify them like any
 * device's events (public key and device id come with the enrollment answer). The actor is the hub's
 * system user acting as `admin` for the owning organisation.
 */
import { createHlc } from '#shared/events/hlc';
import type { PayloadOf } from '#shared/events/payloads';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import type { Queries } from '../storage/types';
import { sealHubEvent, storedBody, type UnsignedWireEvent } from './event-lib';

export type HubEventInput = {
  caseId: string;
  orgId: string;
  type: 'case.numbered';
  payload: PayloadOf<'case.numbered'>;
  /** HLC of the event that caused it; the hub event is stamped just after it (sorts after its cause). */
  causeHlc: string;
};

/** The hub's stamp for an event caused by `cause`: after the cause and after the hub's own clock. */
function stampAfter(ctx: HubContext, cause: string): string {
  const hlc = createHlc({
    now: ctx.clock,
    nodeId: ctx.identity.deviceId,
    maxDriftMs: ctx.limits.maxClockDriftMs,
  });
  hlc.receive(cause);
  return hlc.tick();
}

export async function emitHubEvent(ctx: HubContext, q: Queries, input: HubEventInput): Promise<number> {
  const id = ctx.identity;
  const device = await q.getDevice(id.deviceId);
  const deviceSeq = (device?.lastSeq ?? 0) + 1;
  const prev = device?.lastHash ?? null;
  const unsigned: UnsignedWireEvent = {
    v: 1,
    id: ctx.ids(),
    caseId: input.caseId,
    type: input.type,
    payload: input.payload,
    conf: 'public',
    at: { hlc: stampAfter(ctx, input.causeHlc), wall: isoTime(ctx.clock()) },
    actor: { userId: id.userId, deviceId: id.deviceId, orgId: input.orgId, role: 'admin' },
    deviceSeq,
    prev: deviceSeq === 1 ? null : prev,
  };
  const event = await sealHubEvent(unsigned, id.privateKey);
  return q.appendEvent(
    {
      id: event.id,
      caseId: event.caseId,
      deviceId: id.deviceId,
      deviceSeq,
      hash: event.hash,
      type: event.type,
      conf: event.conf,
      body: storedBody(event),
    },
    ctx.clock(),
  );
}
