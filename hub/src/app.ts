/*
 * buildHub: the Fastify instance with every v1 route, testable with app.inject(). Storage, clock, ids
 * and limits are injected; nothing here reads the environment.
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { IdGenerator } from '#shared/util/ids';
import { DEFAULT_LIMITS, type HubContext, type HubLimits } from './context';
import { registerCors } from './http/cors';
import { classifyFrameworkError, sendError } from './http/errors';
import { registerBlobRoutes } from './routes/blobs';
import { registerDeviceRoutes } from './routes/devices';
import { registerHealthRoute } from './routes/health';
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
  registerHealthRoute(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerBlobRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  return app;
}
