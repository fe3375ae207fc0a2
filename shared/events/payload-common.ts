/*
 * Building blocks of the payload schemas: bounded strings, ids, money in fen, dates, hashes, free
 * form fields. Every string has a max length and every array a max size, so a hostile or broken
 * device cannot push an event that costs the hub or a laptop unbounded memory.
 */
import { z } from 'zod';
import { UUID_V7_RE } from '#shared/util/ids';

export const HEX64_RE = /^[0-9a-f]{64}$/;
/** Ids of users, devices and organisations: UUIDs in practice, short opaque ids tolerated. */
export const ACTOR_ID_RE = /^[A-Za-z0-9_-]{1,40}$/;

export const uuid = z.string().regex(UUID_V7_RE, 'must be a UUIDv7');
/** A reference to another event of the same case (corrections, retractions, resolutions). */
export const eventRef = uuid;
export const actorId = z.string().regex(ACTOR_ID_RE, 'must be a user/device/organisation id');
export const sha256Hex = z.string().regex(HEX64_RE, 'must be a lowercase hex SHA-256');

/** Optional text of at most `max` characters. */
export const text = (max: number) => z.string().max(max);
/**
 * Required text: not blank, at most `max` characters. No transforms (no trim): a parsed payload must be
 * byte-identical to the signed one, or its hash would no longer match.
 */
export const required = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s.trim() !== '', { error: 'must not be blank' });
export const personName = required(100);

/** Money in integer fen (分), never negative. */
export const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A civil date, YYYY-MM-DD (deadlines count days, not instants). */
export const civilDate = z.iso.date();
/** An instant, RFC 3339 UTC. */
export const instant = z.iso.datetime();

/** Where something happened: GPS and/or a description (factory gate, worker's home …). */
export const locationSchema = z
  .strictObject({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    accuracyM: z.number().min(0).max(100_000).optional(),
    description: text(200).optional(),
    regionCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), {
    error: 'lat and lng come together',
    path: ['lng'],
  });
export type Location = z.infer<typeof locationSchema>;

const fieldValue = z.union([text(4000), z.number(), z.boolean(), z.null(), z.array(text(200)).max(50)]);

/** Free form fields of a structured note (the stage form lives in versioned config, domain.md §5). */
export const freeFields = z
  .record(z.string().min(1).max(64), fieldValue)
  .refine((o) => Object.keys(o).length <= 100, { error: 'at most 100 fields' });
export type FreeFields = z.infer<typeof freeFields>;

/** One signature on a transcript or agreement: a captured image hash, a fingerprint, or a refusal. */
export const signatureSchema = z.strictObject({
  signer: personName,
  partyId: uuid.optional(),
  userId: actorId.optional(),
  mark: z.enum(['signature', 'fingerprint', 'seal', 'refused']),
  imageSha256: sha256Hex.optional(),
  at: instant.optional(),
});
export type Signature = z.infer<typeof signatureSchema>;
