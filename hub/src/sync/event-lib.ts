/*
 * The hub's seam to the shared event library (envelope schema, canonical hash, signatures). INTERIM:
 * shared/events (helper A) has not landed yet, so this file carries a minimal RFC 8785-style canonical
 * JSON, SHA-256 and ECDSA P-256 verification. When shared/events lands, these functions delegate to
 * parseCaseEvent / hashEvent / verifyHashSignature and nothing else in the hub changes.
 */
import { createHash, webcrypto } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '#shared/util/result';

const HEX64 = /^[0-9a-f]{64}$/;
const envelopeSchema = z.strictObject({
  v: z.literal(1),
  id: z.string().min(1).max(64),
  caseId: z.string().min(1).max(64),
  type: z
    .string()
    .regex(/^[a-z]+(\.[a-z_]+)+$/)
    .max(64),
  payload: z.record(z.string(), z.unknown()),
  conf: z.string().regex(/^(public|internal|caucus:[A-Za-z0-9_-]{1,64})$/),
  at: z.strictObject({ hlc: z.string().min(1).max(64), wall: z.iso.datetime() }),
  actor: z.strictObject({
    userId: z.string().min(1).max(64),
    deviceId: z.string().min(1).max(64),
    orgId: z.string().min(1).max(64),
    role: z.string().min(1).max(32),
  }),
  deviceSeq: z.number().int().min(1),
  prev: z.string().regex(HEX64).nullable(),
  hash: z.string().regex(HEX64),
  sig: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .max(512),
});

/** A pushed event after the envelope check. */
export type WireEvent = z.infer<typeof envelopeSchema>;

export function parseEvent(input: unknown): Result<WireEvent, { field: string; message: string }[]> {
  const r = envelopeSchema.safeParse(input);
  if (r.success) return ok(r.data);
  return err(r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
}

/** Canonical JSON: object keys sorted by UTF-16 code units, no whitespace (RFC 8785 for our value set). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** SHA-256 hex of the canonical JSON of the event without hash and sig. */
export function computeHash(e: WireEvent): Promise<string> {
  const unsigned: Partial<WireEvent> = { ...e };
  delete unsigned.hash;
  delete unsigned.sig;
  return Promise.resolve(createHash('sha256').update(canonicalJson(unsigned), 'utf8').digest('hex'));
}

export async function verifySig(key: webcrypto.CryptoKey, hash: string, sig: string): Promise<boolean> {
  try {
    return await webcrypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      Buffer.from(sig, 'base64url'),
      Buffer.from(hash, 'hex'),
    );
  } catch {
    return false;
  }
}

/** Signs a hash (the hub's own events). */
export async function signHash(key: webcrypto.CryptoKey, hash: string): Promise<string> {
  const sig = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, Buffer.from(hash, 'hex'));
  return Buffer.from(sig).toString('base64url');
}
