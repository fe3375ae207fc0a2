/*
 * Access and refresh tokens for a device. Access tokens are short-lived; refresh tokens rotate on every
 * use. Presenting a rotated refresh token again revokes the device (theft), unless it comes within the
 * grace window and its successor was never used (the answer to the first attempt was lost) (R20).
 */
import type { TokenPair } from '#shared/sync/wire';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import type { Queries } from '../storage/types';
import { newSecret, secretHash } from './secrets';

/** Issues a fresh access + refresh pair for a device (inside the caller's transaction). */
export async function issueTokens(
  ctx: HubContext,
  q: Queries,
  deviceId: string,
): Promise<TokenPair & { refreshHash: string }> {
  const now = ctx.clock();
  const token = newSecret();
  const refreshToken = newSecret();
  const expiresAt = now + ctx.limits.accessTokenTtlMs;
  const base = { deviceId, createdAt: now, rotatedAt: null, replacedBy: null, revoked: false };
  await q.insertToken({ ...base, tokenHash: secretHash(token), kind: 'access', expiresAt });
  const refreshHash = secretHash(refreshToken);
  await q.insertToken({
    ...base,
    tokenHash: refreshHash,
    kind: 'refresh',
    expiresAt: now + ctx.limits.refreshTokenTtlMs,
  });
  return { token, tokenExpiresAt: isoTime(expiresAt), refreshToken, refreshHash };
}

export type RefreshOutcome =
  | { ok: true; pair: TokenPair }
  | { ok: false; code: 'unauthenticated' | 'token_reused' | 'device_revoked' | 'token_expired' };

/** Rotates a refresh token, detecting reuse. */
export function refreshTokens(ctx: HubContext, presented: string): Promise<RefreshOutcome> {
  return ctx.storage.tx(async (q): Promise<RefreshOutcome> => {
    const now = ctx.clock();
    const t = await q.getToken(secretHash(presented));
    if (!t || t.kind !== 'refresh') return { ok: false, code: 'unauthenticated' };
    const device = await q.getDevice(t.deviceId);
    if (!device || device.revokedAt !== null) return { ok: false, code: 'device_revoked' };
    if (t.revoked) {
      // only a successor superseded by a grace retry is revoked alone: it was never delivered, so its use is theft
      await q.revokeDevice(device.id, now);
      return { ok: false, code: 'token_reused' };
    }
    if (t.rotatedAt !== null) {
      const successor = t.replacedBy === null ? null : await q.getToken(t.replacedBy);
      const lostAnswer =
        now - t.rotatedAt <= ctx.limits.refreshGraceMs && successor !== null && successor.rotatedAt === null;
      if (!lostAnswer) {
        await q.revokeDevice(device.id, now);
        return { ok: false, code: 'token_reused' };
      }
      await q.revokeToken(successor.tokenHash);
    }
    if (t.expiresAt <= now) return { ok: false, code: 'token_expired' };
    const { refreshHash, ...pair } = await issueTokens(ctx, q, device.id);
    await q.markTokenRotated(t.tokenHash, t.rotatedAt ?? now, refreshHash);
    return { ok: true, pair };
  });
}
