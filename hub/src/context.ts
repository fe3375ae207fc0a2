/*
 * What every route needs, built once by buildHub: storage, injected clock and ids, limits, blob folder
 * and the hub's own signing identity (for events the hub itself emits, e.g. case numbers).
 */
import type { IdGenerator } from '#shared/util/ids';
import type { HubIdentity } from './sync/hub-identity';
import type { Storage } from './storage/types';

/** Configurable limits; defaults follow sync-protocol.md and reliability.md R14/R20/R22. */
export type HubLimits = {
  maxBodyBytes: number;
  maxChunkBytes: number;
  maxBlobBytes: number;
  maxEventsPerPush: number;
  maxPullLimit: number;
  accessTokenTtlMs: number;
  refreshTokenTtlMs: number;
  /** A rotated refresh token presented again within this window is a retry, not a theft. */
  refreshGraceMs: number;
  maxClockDriftMs: number;
  enrollCodeTtlMs: number;
  /** Enrollment and token calls per client address per minute (R23). */
  authPerMinute: number;
  /** Push/pull/blob calls per device per minute. */
  syncPerMinute: number;
};

export const DEFAULT_LIMITS: HubLimits = {
  maxBodyBytes: 1024 * 1024,
  maxChunkBytes: 8 * 1024 * 1024,
  maxBlobBytes: 2 * 1024 * 1024 * 1024,
  maxEventsPerPush: 500,
  maxPullLimit: 1000,
  accessTokenTtlMs: 15 * 60_000,
  refreshTokenTtlMs: 30 * 24 * 3_600_000,
  refreshGraceMs: 10_000,
  maxClockDriftMs: 5 * 60_000,
  enrollCodeTtlMs: 24 * 3_600_000,
  authPerMinute: 30,
  syncPerMinute: 1200,
};

export type HubContext = {
  storage: Storage;
  clock: () => number;
  ids: IdGenerator;
  limits: HubLimits;
  blobDir: string;
  identity: HubIdentity;
  version: string;
};

export const isoTime = (ms: number): string => new Date(ms).toISOString();
