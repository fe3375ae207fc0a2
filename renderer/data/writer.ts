/*
 * Writing new events on this laptop: stamps each draft with the HLC, links it into this device's hash
 * chain (head read from the event table, so it survives recovery), signs it with the device key and
 * appends it. The whole thing runs in the data context's serial queue, so two quick clicks can never
 * take the same deviceSeq.
 */
import type {
  Confidentiality,
  EventType,
  PayloadOf,
  UnsignedEvent,
  CaseEvent,
} from '#shared/events/envelope';
import type { Hlc } from '#shared/events/hlc';
import { actorRoleFor } from '#shared/events/actor-role';
import { parseCaseEvent } from '#shared/events/parse';
import { nextChainLink, sealEvent } from '#shared/events/signing';
import type { Role } from '#shared/domain/organisation';
import { err, ok, type Result } from '#shared/util/result';
import type { ChainHead, DataContext, DataError } from './event-store';
import { appendUnlocked } from './event-store';

/** Who is writing: the enrolled user on this device, and the device's signing key and clock. */
export type Author = {
  userId: string;
  deviceId: string;
  orgId: string;
  /** The role events are signed with when `roles` is not given (tests, tools). */
  role: Role;
  /**
   * Every role the user holds: each event is signed with the one its type needs (actorRoleFor). A
   * caller that means one role for a write passes `{ ...author, role, roles: [role] }`.
   */
  roles?: readonly Role[];
  privateKey: CryptoKey;
  hlc: Hlc;
  newId: () => string;
};

/** What a screen asks to record. */
export type Draft<T extends EventType = EventType> = {
  caseId: string;
  type: T;
  payload: PayloadOf<T>;
  conf?: Confidentiality;
};

export type WriteError =
  DataError | { code: 'invalid_event'; message: string; fields: { field: string; message: string }[] };

const HLC_KEY = 'device.hlc';

/** Seal and store drafts in order; all or nothing (a draft that fails validation stores none). */
export function writeEvents(
  ctx: DataContext,
  author: Author,
  drafts: readonly Draft[],
): Promise<Result<CaseEvent[], WriteError>> {
  return ctx.serial(async () => {
    let head = await chainHead(ctx, author.deviceId);
    const sealed: CaseEvent[] = [];
    for (const d of drafts) {
      const link = nextChainLink(head);
      const unsigned = {
        v: 1,
        id: author.newId(),
        caseId: d.caseId,
        type: d.type,
        payload: d.payload,
        conf: d.conf ?? 'public',
        at: { hlc: author.hlc.tick(), wall: new Date(ctx.now()).toISOString() },
        actor: {
          userId: author.userId,
          deviceId: author.deviceId,
          orgId: author.orgId,
          role: (author.roles && actorRoleFor(d.type, author.roles)) ?? author.role,
        },
        ...link,
      } as UnsignedEvent;
      const event = await sealEvent(unsigned, author.privateKey);
      const checked = parseCaseEvent(event);
      if (!checked.ok)
        return err({
          code: 'invalid_event',
          message: `${d.type}: ${checked.error.map((f) => `${f.field} ${f.message}`).join('; ')}`,
          fields: checked.error,
        });
      sealed.push(checked.value);
      head = { deviceSeq: event.deviceSeq, hash: event.hash };
    }
    // The clock goes in the same strict transaction as the events: one durable commit per save, not two.
    // New ids from this device's generator: nothing to look up before storing them.
    const stored = await appendUnlocked(ctx, sealed, {
      meta: [{ key: HLC_KEY, value: author.hlc.serialize() }],
      fresh: true,
    });
    if (!stored.ok) return stored;
    // Committed: the next save links to this head without reading it back (dropped on any other change).
    if (head) ctx.cache.heads.set(author.deviceId, head);
    return ok(sealed);
  });
}

async function chainHead(ctx: DataContext, deviceId: string): Promise<ChainHead | null> {
  const cached = ctx.cache.heads.get(deviceId);
  if (cached) return cached;
  const last = await ctx.db.events
    .where('[deviceId+deviceSeq]')
    .between([deviceId, 0], [deviceId, Number.MAX_SAFE_INTEGER])
    .last();
  if (!last) return null;
  const opened = (await ctx.codec.open('events', last.body)) as CaseEvent;
  return { deviceSeq: opened.deviceSeq, hash: opened.hash };
}
