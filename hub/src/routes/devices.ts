/*
 * POST /v1/devices/enroll, POST /v1/devices/token and PUT /v1/devices/recovery-key. Enrollment trades a
 * single-use code for a device identity bound to the code's user; the device's public key is what later
 * pushes are verified with, and the answer carries the organisation's recovery public key, to which the
 * device escrows its data key (in the enrollment request when it already knows the key, else by PUT).
 */
import type { FastifyInstance } from 'fastify';
import {
  enrollRequestSchema,
  recoveryKeyRequestSchema,
  tokenRequestSchema,
  type EnrollResponse,
  type Jwk,
} from '#shared/sync/wire';
import { authenticate } from '../auth/authenticate';
import { normalizeCode, secretHash } from '../auth/secrets';
import { issueTokens, refreshTokens } from '../auth/tokens';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { sendError, sendZodError } from '../http/errors';
import { isWrappedDeviceKey } from '../recovery/recovery-keys';
import { recoveryPublicJwk } from '../recovery/recovery-service';
import { checkPublicJwk } from '../sync/keys';

/** Whether an escrowed key fits the organisation's recovery key (shape only: base64url, modulus-sized). */
const fitsRecoveryKey = (wrapped: string, jwk: Jwk | null): boolean =>
  jwk !== null && isWrappedDeviceKey(wrapped, jwk);

/** Thrown inside the enrollment transaction so the consumed code is rolled back too. */
class BadEscrow extends Error {}
const ESCROW_DETAIL = "not an RSA-OAEP ciphertext for this organisation's recovery key";

export function registerDeviceRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.post('/v1/devices/enroll', async (req, reply) => {
    const parsed = enrollRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const body = parsed.data;
    if (!(await checkPublicJwk(body.publicKey)))
      return sendError(req, reply, 'invalid_request', { field: 'publicKey' });
    const now = ctx.clock();
    const result = await ctx.storage
      .tx(async (q) => {
        const userId = await q.consumeEnrollmentCode(secretHash(normalizeCode(body.code)), now);
        const user = userId === null ? null : await q.getUser(userId);
        const org = user ? await q.getOrg(user.orgId) : null;
        if (!user || !org) return null;
        const recoveryPublicKey = await recoveryPublicJwk(q, org.id);
        if (
          body.wrappedRecoveryKey !== undefined &&
          !fitsRecoveryKey(body.wrappedRecoveryKey, recoveryPublicKey)
        )
          throw new BadEscrow();
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
        return { deviceId, user, org, pair, recoveryPublicKey };
      })
      .catch((e: unknown) => {
        if (e instanceof BadEscrow) return 'bad_escrow' as const;
        throw e;
      });
    if (result === 'bad_escrow')
      return sendError(req, reply, 'invalid_request', { field: 'wrappedRecoveryKey', detail: ESCROW_DETAIL });
    if (!result) return sendError(req, reply, 'unauthenticated');
    const { deviceId, user, org, pair, recoveryPublicKey } = result;
    const answer: EnrollResponse = {
      deviceId,
      ...pair,
      user: { id: user.id, name: user.name, orgId: org.id, roles: user.roles },
      org: { id: org.id, name: org.name, kind: org.kind, caseNumberPrefix: org.caseNumberPrefix },
      recoveryPublicKey,
      hubPublicKey: ctx.identity.publicJwk,
      hubDeviceId: ctx.identity.deviceId,
      hubTime: isoTime(ctx.clock()),
    };
    return reply.code(201).send(answer);
  });

  app.put('/v1/devices/recovery-key', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = recoveryKeyRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const jwk = await recoveryPublicJwk(ctx.storage.q, auth.value.org.id);
    if (!fitsRecoveryKey(parsed.data.wrappedRecoveryKey, jwk))
      return sendError(req, reply, 'invalid_request', { field: 'wrappedRecoveryKey', detail: ESCROW_DETAIL });
    await ctx.storage.tx((q) =>
      q.setWrappedRecoveryKey(auth.value.device.id, parsed.data.wrappedRecoveryKey),
    );
    return reply.code(204).send();
  });

  app.post('/v1/devices/token', async (req, reply) => {
    const parsed = tokenRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const out = await refreshTokens(ctx, parsed.data.refreshToken);
    if (!out.ok) return sendError(req, reply, out.code);
    return reply.code(200).send(out.pair);
  });
}
