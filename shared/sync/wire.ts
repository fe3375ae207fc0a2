/*
 * Request and response bodies of hub API v1 (sync-protocol.md), as zod schemas. The hub parses requests
 * with them; the client parses responses with them. Events travel as `unknown` here: each one is judged on
 * its own with the event schema in shared/events, so one bad event never fails a whole push.
 */
import { z } from 'zod';
import { HUB_ERROR_CODES, PUSH_REJECTION_REASONS } from './errors';

/** Upper bounds the contract names; the hub may be configured lower, never higher. */
export const WIRE_LIMITS = {
  maxEventsPerPush: 500,
  maxPullLimit: 1000,
  defaultPullLimit: 200,
} as const;

const jwkSchema = z
  .object({ kty: z.string().min(1).max(16) })
  .catchall(z.union([z.string().max(4096), z.boolean(), z.array(z.string().max(64)).max(16)]));

/** A public key as a JSON Web Key (only public members are accepted by the hub). */
export type Jwk = z.infer<typeof jwkSchema>;

/** `{error, message, field?}`: the body of every non-2xx answer. */
export const errorBodySchema = z.object({
  error: z.enum(HUB_ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const enrollRequestSchema = z.strictObject({
  code: z.string().min(4).max(128),
  deviceName: z.string().trim().min(1).max(100),
  publicKey: jwkSchema,
  wrappedRecoveryKey: z.string().max(8192).optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const ROLES = ['mediator', 'arbitrator', 'clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = [
  'arbitration',
  'union',
  'court',
  'legal_aid',
  'mediation',
  'hr_bureau',
  'other',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

const tokenPairSchema = z.object({
  token: z.string(),
  tokenExpiresAt: z.string(),
  refreshToken: z.string(),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const enrollResponseSchema = tokenPairSchema.extend({
  deviceId: z.string(),
  user: z.object({ id: z.string(), name: z.string(), orgId: z.string(), roles: z.array(z.enum(ROLES)) }),
  org: z.object({ id: z.string(), name: z.string(), kind: z.enum(ORG_KINDS), caseNumberPrefix: z.string() }),
  recoveryPublicKey: jwkSchema.nullable(),
  hubPublicKey: jwkSchema,
  hubDeviceId: z.string(),
  hubTime: z.string(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/**
 * `PUT /v1/devices/recovery-key`: the device escrows its data key after enrollment (it learns the
 * organisation's recoveryPublicKey from the enrollment answer): base64url RSA-OAEP-256 ciphertext of its
 * 32-byte raw data key. Answer 204.
 */
export const recoveryKeyRequestSchema = z.strictObject({
  wrappedRecoveryKey: z
    .string()
    .min(1)
    .max(8192)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type RecoveryKeyRequest = z.infer<typeof recoveryKeyRequestSchema>;

export const tokenRequestSchema = z.strictObject({ refreshToken: z.string().min(16).max(256) });
export type TokenRequest = z.infer<typeof tokenRequestSchema>;
export const tokenResponseSchema = tokenPairSchema;

export const pushRequestSchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(WIRE_LIMITS.maxEventsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResultSchema = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.enum(PUSH_REJECTION_REASONS).optional(),
  detail: z.string().optional(),
  hubSeq: z.number().int().optional(),
});
/** One answer per pushed event, in request order. */
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(pushResultSchema), hubTime: z.string() });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.strictObject({
  after: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(WIRE_LIMITS.maxPullLimit).optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pullResponseSchema = z.object({
  events: z.array(z.unknown()),
  /**
   * Added (hub/README.md): the public key of each device that signed an event of this page, by device
   * id, so the client checks every signature. Optional for hubs that predate it; an event whose
   * signer's key the client does not know is quarantined, not stored.
   */
  keys: z.record(z.string(), jwkSchema).optional(),
  cursor: z.string(),
  hasMore: z.boolean(),
  hubTime: z.string(),
});
/** Events stay `unknown` until the client parses each with the event schema. */
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  storage: z.enum(['sqlite', 'postgres']),
  hubTime: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const caseloadQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  groupBy: z.enum(['user', 'category', 'status', 'channel']).optional(),
  withCases: z.enum(['true', 'false']).optional(),
});
export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;

export const caseloadResponseSchema = z.object({
  groupBy: z.enum(['user', 'category', 'status', 'channel']),
  total: z.number().int(),
  groups: z.array(
    z.object({
      key: z.string(),
      /** groupBy=user: the handler's name, given only for users of the caller's own organisation. */
      label: z.string().optional(),
      count: z.number().int(),
      caseIds: z.array(z.string()).optional(),
    }),
  ),
  definition: z.string(),
  hubTime: z.string(),
});
export type CaseloadResponse = z.infer<typeof caseloadResponseSchema>;
