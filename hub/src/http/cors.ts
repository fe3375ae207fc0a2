/*
 * CORS for the web-mode renderer (e.g. http://127.0.0.1:5173). Only configured origins are echoed; a
 * preflight is answered here because no route exists for OPTIONS.
 */
import type { FastifyInstance } from 'fastify';

const ALLOW_HEADERS = 'Authorization, Content-Type, Accept-Language, Upload-Offset, Upload-Length, Range';
const EXPOSE_HEADERS =
  'Upload-Offset, Upload-Length, Blob-Complete, Retry-After, Content-Range, Accept-Ranges';
const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, OPTIONS'; // PUT: the recovery-key escrow (#8)

export function registerCors(app: FastifyInstance, origins: readonly string[]): void {
  const allowed = new Set(origins);
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin)) {
      if (req.method === 'OPTIONS') return reply.code(204).header('Vary', 'Origin').send();
      return;
    }
    reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
    reply.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    if (req.method === 'OPTIONS') {
      return reply
        .code(204)
        .header('Access-Control-Allow-Methods', ALLOW_METHODS)
        .header('Access-Control-Allow-Headers', ALLOW_HEADERS)
        .header('Access-Control-Max-Age', '600')
        .send();
    }
  });
}
