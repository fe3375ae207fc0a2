/*
 * Error codes of the hub API (sync-protocol.md "Errors") and the rejection reasons of a push. Shared by the
 * hub (which answers them) and the client (which reacts to them), so both spell them the same way.
 */

/** Every non-2xx hub answer carries one of these codes. */
export const HUB_ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'payload_too_large',
  'unauthenticated',
  'token_expired',
  'token_reused',
  'device_revoked',
  'forbidden',
  'not_found',
  'offset_mismatch',
  'hash_mismatch',
  'rate_limited',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

/** HTTP status per error code; the contract fixes them. */
export const HUB_ERROR_STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  token_expired: 401,
  token_reused: 401,
  device_revoked: 401,
  forbidden: 403,
  not_found: 404,
  offset_mismatch: 409,
  hash_mismatch: 422,
  rate_limited: 429,
} as const satisfies Record<HubErrorCode, number>;

/** Why the hub refused one event of a push; a rejected event stores nothing. */
export const PUSH_REJECTION_REASONS = [
  'schema_invalid',
  'hash_mismatch',
  'bad_signature',
  'chain_gap',
  'chain_fork',
  'clock_drift',
  'forbidden',
  'id_conflict',
  'not_your_device',
] as const;
export type PushRejectionReason = (typeof PUSH_REJECTION_REASONS)[number];
