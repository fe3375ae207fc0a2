/*
 * POST /v1/sync/push and GET /v1/sync/pull. Push judges each event on its own (push-service); pull
 * returns the caller's feed in hub order, the stored event bodies spliced in verbatim, with the public
 * key of every device that signed an event of the page (`keys`, an addition to the contract documented
 * in hub/README.md) so the client verifies signatures itself instead of trusting the hub's word.
 */
import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, pushRequestSchema, WIRE_LIMITS, type PushResponse } from '#shared/sync/wire';
import { authenticate } from '../auth/authenticate';
import type { HubContext } from '../context';
import { isoTime } from '../context';
import { sendError, sendZodError } from '../http/errors';
import { decodeCursor, encodeCursor } from '../sync/cursor';
import { pushEvents } from '../sync/push-service';

export function registerSyncRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.post('/v1/sync/push', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = pushRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    if (parsed.data.events.length > ctx.limits.maxEventsPerPush)
      return sendError(req, reply, 'payload_too_large', { field: 'events' });
    const results = await pushEvents(ctx, auth.value, parsed.data.events);
    const body: PushResponse = { results, hubTime: isoTime(ctx.clock()) };
    return reply.code(200).send(body);
  });

  app.get('/v1/sync/pull', async (req, reply) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) return sendError(req, reply, auth.error);
    const parsed = pullQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendZodError(req, reply, parsed.error);
    const after = decodeCursor(parsed.data.after);
    if (!after) return sendError(req, reply, 'invalid_request', { field: 'after' });
    const limit = Math.min(parsed.data.limit ?? WIRE_LIMITS.defaultPullLimit, ctx.limits.maxPullLimit);
    const rows = await ctx.storage.q.pull(auth.value.principal, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const cursor = encodeCursor(last ? { pos: last.pos, seq: last.hubSeq } : after);
    const keys = await signerKeys(ctx, page);
    const json = `{"events":[${page.map((r) => r.body).join(',')}],"keys":${keys},"cursor":${JSON.stringify(cursor)},"hasMore":${String(
      rows.length > limit,
    )},"hubTime":${JSON.stringify(isoTime(ctx.clock()))}}`;
    return reply.code(200).type('application/json; charset=utf-8').send(json);
  });
}

/**
 * `{deviceId: public JWK}` for the devices that signed the page's events, as JSON text. The stored key
 * is the JWK the device enrolled with (checked to be an Ed25519 public key then); a revoked device's
 * key is still given, because its events from before the revocation stay valid.
 */
async function signerKeys(ctx: HubContext, page: readonly { deviceId: string }[]): Promise<string> {
  const out: string[] = [];
  for (const id of new Set(page.map((r) => r.deviceId))) {
    const device = await ctx.storage.q.getDevice(id);
    if (device) out.push(`${JSON.stringify(id)}:${device.publicKeyJwk}`);
  }
  return `{${out.join(',')}}`;
}
