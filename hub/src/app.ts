/*
 * buildHub: the Fastify instance with every v1 route, testable with app.inject(). Storage, clock, ids
 * and limits are injected; nothing here reads the environment.
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { IdGenerator } from '#shared/util/ids';
import { DEFAULT_LIMITS, type HubContext, type HubLimits } from './context';
import { registerCors } from './http/cors';
import { classifyFrameworkError, sendError } from './http/errors';
import { createRateLimiter } from './http/rate-limit';
import { registerBlobRoutes } from './routes/blobs';
import { registerCalendarRoutes } from './routes/calendar';
import { registerDeviceRoutes } from './routes/devices';
import { registerHealthRoute } from './routes/health';
import { registerOrgRoutes } from './routes/org';
import { registerReportRoutes } from './routes/reports';
import { registerSyncRoutes } from './routes/sync';
import type { Storage } from './storage/types';
import { loadHubIdentity } from './sync/hub-identity';

export type HubOptions = {
  storage: Storage;
  blobDir: string;
  clock: () => number;
  ids: IdGenerator;
  limits?: Partial<HubLimits>;
  logger?: FastifyBaseLogger | boolean;
  /** Origins allowed to call the hub from a browser (web mode). */
  corsOrigins?: readonly string[];
  version?: string;
};

export const HUB_VERSION = '0.1.0';

export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const limits: HubLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const ctx: HubContext = {
    storage: options.storage,
    clock: options.clock,
    ids: options.ids,
    limits,
    blobDir: options.blobDir,
    identity: await loadHubIdentity(options.storage, options.ids, options.clock),
    version: options.version ?? HUB_VERSION,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.maxBodyBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const code = classifyFrameworkError(error);
    if (code) return sendError(req, reply, code);
    req.log.error({ err: error }, 'unhandled hub error');
    return reply.code(500).send({ error: 'internal', message: '服务器内部错误。Internal error.' });
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'not_found'));
  registerCors(app, options.corsOrigins ?? []);
  registerRateLimits(app, ctx);
  registerHealthRoute(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerBlobRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  return app;
}

/** 429 with Retry-After: per client address for device calls, per bearer token for everything else. */
function registerRateLimits(app: FastifyInstance, ctx: HubContext): void {
  const auth = createRateLimiter(ctx.clock, ctx.limits.authPerMinute, 60_000);
  const sync = createRateLimiter(ctx.clock, ctx.limits.syncPerMinute, 60_000);
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'OPTIONS') return;
    const bearer = req.headers.authorization;
    const wait = req.url.startsWith('/v1/devices/')
      ? auth.hit(`a:${req.ip}`)
      : bearer !== undefined
        ? sync.hit(`s:${bearer}`)
        : null;
    if (wait !== null) return sendError(req, reply.header('Retry-After', String(wait)), 'rate_limited');
  });
}
