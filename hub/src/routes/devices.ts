/*
 * POST /v1/devices/enroll and POST /v1/devices/token. Enrollment trades a single-use code for a device
 * identity bound to the code's user; the device's public key is what later pushes are verified with.
 */
import type { FastifyInstance } from 'fastify';
import { enrollRequestSchema, tokenRequestSchema, type EnrollResponse } from '#shared/sync/wire';
import { normalizeCode, secretHash } from '../auth/secrets';
import { issueTokens, refreshTokens } from '../auth/tokens';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { sendError, sendZodError } from '../http/errors';
import { checkPublicJwk } from '../sync/keys';

export function registerDeviceRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.post('/v1/devices/enroll', async (req, reply) => {
    const parsed = enrollRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const body = parsed.data;
    if (!(await checkPublicJwk(body.publicKey)))
      return sendError(req, reply, 'invalid_request', { field: 'publicKey' });
    const now = ctx.clock();
    const result = await ctx.storage.tx(async (q) => {
      const userId = await q.consumeEnrollmentCode(secretHash(normalizeCode(body.code)), now);
      const user = userId === null ? null : await q.getUser(userId);
      const org = user ? await q.getOrg(user.orgId) : null;
      if (!user || !org) return null;
      const deviceId = ctx.ids();
      await q.createDevice({
        id: deviceId,
        userId: user.id,
        name: body.deviceName,
        publicKeyJwk: JSON.stringify(body.publicKey),
        wrappedRecoveryKey: body.wrappedRecoveryKey ?? null,
        revokedAt: null,
        lastSeq: 0,
        lastHash: null,
        createdAt: now,
      });
      const { token, tokenExpiresAt, refreshToken } = await issueTokens(ctx, q, deviceId);
      const pair = { token, tokenExpiresAt, refreshToken };
      return { deviceId, user, org, pair };
    });
    if (!result) return sendError(req, reply, 'unauthenticated');
    const { deviceId, user, org, pair } = result;
    const answer: EnrollResponse = {
      deviceId,
      ...pair,
      user: { id: user.id, name: user.name, orgId: org.id, roles: user.roles },
      org: { id: org.id, name: org.name, kind: org.kind, caseNumberPrefix: org.caseNumberPrefix },
      recoveryPublicKey: null,
      hubPublicKey: ctx.identity.publicJwk,
      hubDeviceId: ctx.identity.deviceId,
      hubTime: isoTime(ctx.clock()),
    };
    return reply.code(201).send(answer);
  });

  app.post('/v1/devices/token', async (req, reply) => {
    const parsed = tokenRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const out = await refreshTokens(ctx, parsed.data.refreshToken);
    if (!out.ok) return sendError(req, reply, out.code);
    return reply.code(200).send(out.pair);
  });
}
