/* GET /v1/health: liveness without authentication. */
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '#shared/sync/wire';
import type { HubContext } from '../context';
import { isoTime } from '../context';

export function registerHealthRoute(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/health', async () => {
    await ctx.storage.q.lastHubSeq();
    const body: HealthResponse = {
      status: 'ok',
      version: ctx.version,
      storage: ctx.storage.kind,
      hubTime: isoTime(ctx.clock()),
    };
    return body;
  });
}
