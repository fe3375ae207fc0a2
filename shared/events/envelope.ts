/*
 * The event envelope exactly as sync-protocol.md "Event on the wire" fixes it. The envelope schema
 * checks the envelope alone (payload is an object of unknown shape here); parseCaseEvent in parse.ts
 * adds the per-type payload check. Types are discriminated by `type` so the reducer gets typed payloads.
 */
import { z } from 'zod';
import { ROLES } from '#shared/sync/wire';
import { UUID_V7_RE } from '#shared/util/ids';
import { HLC_RE } from './hlc';
import { ACTOR_ID_RE, HEX64_RE } from './payload-common';
import { EVENT_TYPES, type EventType, type PayloadOf } from './payloads';

export const CONF_RE =
  /^(public|internal|caucus:[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;
export const BASE64URL_RE = /^[A-Za-z0-9_-]+$/;

/** "public" (正卷), "internal" (副卷) or "caucus:<partyId>" (背靠背, seen only by the case team). */
export type Confidentiality = 'public' | 'internal' | `caucus:${string}`;

const actorSchema = z.strictObject({
  userId: z.string().regex(ACTOR_ID_RE),
  deviceId: z.string().regex(ACTOR_ID_RE),
  orgId: z.string().regex(ACTOR_ID_RE),
  role: z.enum(ROLES),
});

/** The wire envelope (payload unchecked). Strict: unknown members are refused, so hashes can't hide data. */
export const caseEventSchema = z
  .strictObject({
    v: z.literal(1),
    id: z.string().regex(UUID_V7_RE, 'must be a UUIDv7'),
    caseId: z.string().regex(UUID_V7_RE, 'must be a UUIDv7'),
    type: z.enum(EVENT_TYPES),
    payload: z.record(z.string(), z.unknown()),
    conf: z.string().regex(CONF_RE, 'must be public, internal or caucus:<partyId>'),
    at: z.strictObject({
      hlc: z.string().regex(HLC_RE, 'must be an HLC stamp'),
      wall: z.iso.datetime(),
    }),
    actor: actorSchema,
    deviceSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    prev: z.string().regex(HEX64_RE, 'must be a lowercase hex SHA-256').nullable(),
    hash: z.string().regex(HEX64_RE, 'must be a lowercase hex SHA-256'),
    sig: z.string().regex(BASE64URL_RE, 'must be base64url').max(512),
  })
  .refine((e) => (e.deviceSeq === 1) === (e.prev === null), {
    error: 'prev is null exactly for deviceSeq 1',
    path: ['prev'],
  });

/** The envelope as parsed, before the payload is checked. */
export type RawCaseEvent = z.infer<typeof caseEventSchema>;

/** Who wrote an event: user, device, organisation and the role they acted in. */
export type Actor = z.infer<typeof actorSchema>;

type EnvelopeFields = Omit<RawCaseEvent, 'type' | 'payload' | 'conf'> & { conf: Confidentiality };

/** A validated event of one type, with its typed payload. */
export type CaseEventOf<T extends EventType> = EnvelopeFields & { type: T; payload: PayloadOf<T> };

/** A validated, sealed event: hash and signature present (checking them is verify.ts's job). */
export type CaseEvent = { [T in EventType]: CaseEventOf<T> }[EventType];

type DistributiveOmit<U, K extends PropertyKey> = U extends unknown ? Omit<U, K> : never;

/** An event before sealing: everything but hash and sig. Its canonical JSON is what gets hashed. */
export type UnsignedEvent = DistributiveOmit<CaseEvent, 'hash' | 'sig'>;

export type { EventType, PayloadOf };
