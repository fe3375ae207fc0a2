/*
 * Bearer-token check for every call but enrollment, token refresh and health. Revocation of the device
 * takes effect on the very next request because the device row is read each time.
 */
import type { FastifyRequest } from 'fastify';
import type { HubErrorCode } from '#shared/sync/errors';
import { err, ok, type Result } from '#shared/util/result';
import type { HubContext } from '../context';
import type { DeviceRecord, OrgRecord, Principal, UserRecord } from '../storage/types';
import { secretHash } from './secrets';

/** The authenticated caller: one device of one user of one organisation. */
export type AuthContext = { device: DeviceRecord; user: UserRecord; org: OrgRecord; principal: Principal };

export const principalOf = (user: UserRecord): Principal => ({
  userId: user.id,
  orgId: user.orgId,
  supervisor: user.roles.includes('supervisor'),
});

/** Resolves the caller from `Authorization: Bearer …`, or the 401 code to answer. */
export async function authenticate(
  ctx: HubContext,
  req: FastifyRequest,
): Promise<Result<AuthContext, HubErrorCode>> {
  const m = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(req.headers.authorization ?? '');
  if (!m?.[1]) return err('unauthenticated');
  const q = ctx.storage.q;
  const token = await q.getToken(secretHash(m[1]));
  if (!token || token.kind !== 'access') return err('unauthenticated');
  const device = await q.getDevice(token.deviceId);
  if (!device || device.revokedAt !== null || token.revoked) return err('device_revoked');
  if (token.expiresAt <= ctx.clock()) return err('token_expired');
  const user = await q.getUser(device.userId);
  const org = user ? await q.getOrg(user.orgId) : null;
  if (!user || !org) return err('unauthenticated');
  return ok({ device, user, org, principal: principalOf(user) });
}
