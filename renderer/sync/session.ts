/*
 * Access tokens for the hub: a call runs with a token that is not about to expire; the refresh token
 * is rotated on every use and the new pair is saved before it is used (a pair lost between the hub's
 * answer and the save would otherwise revoke the device on the next refresh). Only one refresh runs at
 * a time. `token_reused` and `device_revoked` end the session for good: the device must be enrolled
 * again, and the caller is told exactly that.
 */
import { err, ok, type Result } from '#shared/util/result';
import type { SyncLocal, SyncSession } from '../data/outbox';
import type { HubClient, SyncFailure } from './hub-client';

/** Refresh this long before the hub would call the token expired. */
const EARLY_MS = 60_000;

export type TokenSource = {
  /**
   * Runs `call` with a valid access token; when the hub still answers `token_expired` (its clock runs
   * ahead of ours), refreshes once and runs it again.
   */
  withToken<T>(call: (token: string) => Promise<Result<T, SyncFailure>>): Promise<Result<T, SyncFailure>>;
};

export function createTokenSource(local: SyncLocal, client: HubClient, now: () => number): TokenSource {
  let refreshing: Promise<Result<SyncSession, SyncFailure>> | null = null;

  const refresh = (current: SyncSession): Promise<Result<SyncSession, SyncFailure>> => {
    refreshing ??= (async () => {
      const r = await client.refresh(current.refreshToken);
      if (!r.ok) return r;
      const next: SyncSession = { ...current, ...r.value };
      await local.saveSession(next);
      return ok(next);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const session = async (): Promise<Result<SyncSession, SyncFailure>> => {
    const s = await local.loadSession();
    if (!s) return err({ kind: 'hub', code: 'unauthenticated', status: 401, message: '本设备尚未登记' });
    const expires = Date.parse(s.tokenExpiresAt);
    return Number.isFinite(expires) && expires - EARLY_MS > now() ? ok(s) : refresh(s);
  };

  return {
    withToken: async (call) => {
      const s = await session();
      if (!s.ok) return s;
      const first = await call(s.value.token);
      if (first.ok || first.error.kind !== 'hub' || first.error.code !== 'token_expired') return first;
      const renewed = await refresh(s.value);
      return renewed.ok ? call(renewed.value.token) : renewed;
    },
  };
}
