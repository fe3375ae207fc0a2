/*
 * HEAD/PATCH/GET /v1/blobs/:sha256 — resumable evidence upload (tus-like) and download with Range.
 * A wrong offset changes nothing (409); the finished blob must hash to its name or it is discarded (422).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, type AuthContext } from '../auth/authenticate';
import { mayAccessBlob, SHA256_RE } from '../blobs/blob-access';
import { createKeyedMutex, finishUpload, readBlob, writeChunk } from '../blobs/blob-files';
import type { HubContext } from '../context';
import { sendError } from '../http/errors';
import { parseRange } from '../http/range';

const CHUNK_TYPE = 'application/offset+octet-stream';
type Params = { sha256: string };

const intHeader = (v: string | string[] | undefined): number | null =>
  typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : null;

export function registerBlobRoutes(app: FastifyInstance, ctx: HubContext): void {
  const lock = createKeyedMutex();
  app.addContentTypeParser(
    CHUNK_TYPE,
    { parseAs: 'buffer', bodyLimit: ctx.limits.maxChunkBytes },
    (_req, body, done) => {
      done(null, body);
    },
  );

  /** Auth + hash format + visibility; answers the error itself and returns null. */
  async function gate(
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
  ): Promise<AuthContext | null> {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) {
      await sendError(req, reply, auth.error);
      return null;
    }
    if (!SHA256_RE.test(req.params.sha256)) {
      await sendError(req, reply, 'invalid_request', { field: 'sha256' });
      return null;
    }
    if (!(await mayAccessBlob(ctx.storage.q, auth.value.principal, req.params.sha256))) {
      await sendError(req, reply, 'not_found');
      return null;
    }
    return auth.value;
  }

  app.head<{ Params: Params }>('/v1/blobs/:sha256', async (req, reply) => {
    if (!(await gate(req, reply))) return reply;
    const blob = await ctx.storage.q.getBlob(req.params.sha256);
    if (!blob) return sendError(req, reply, 'not_found');
    reply.header('Upload-Offset', String(blob.received)).header('Blob-Complete', String(blob.complete));
    if (blob.length !== null) reply.header('Upload-Length', String(blob.length));
    return reply.code(200).send();
  });

  app.patch<{ Params: Params }>('/v1/blobs/:sha256', async (req, reply) => {
    if (!(await gate(req, reply))) return reply;
    if (!(req.headers['content-type'] ?? '').startsWith(CHUNK_TYPE) || !Buffer.isBuffer(req.body))
      return sendError(req, reply, 'invalid_request', { field: 'Content-Type' });
    const chunk = req.body;
    const offset = intHeader(req.headers['upload-offset']);
    if (offset === null) return sendError(req, reply, 'invalid_request', { field: 'Upload-Offset' });
    const sha = req.params.sha256;
    return lock(sha, async () => {
      const now = ctx.clock();
      const existing = await ctx.storage.q.getBlob(sha);
      const length = existing?.length ?? intHeader(req.headers['upload-length']);
      if (length === null) return sendError(req, reply, 'invalid_request', { field: 'Upload-Length' });
      if (length > ctx.limits.maxBlobBytes)
        return sendError(req, reply, 'payload_too_large', { field: 'Upload-Length' });
      const received = existing?.received ?? 0;
      if (existing?.complete || offset !== received) {
        reply.header('Upload-Offset', String(received));
        return sendError(req, reply, 'offset_mismatch', { field: 'Upload-Offset' });
      }
      if (offset + chunk.length > length)
        return sendError(req, reply, 'invalid_request', { detail: 'beyond Upload-Length' });
      const next = await writeChunk(ctx.blobDir, sha, offset, chunk);
      const createdAt = existing?.createdAt ?? now;
      if (next < length) {
        await ctx.storage.q.putBlob({ sha256: sha, length, received: next, complete: false, createdAt });
        return reply.code(204).header('Upload-Offset', String(next)).send();
      }
      if (!(await finishUpload(ctx.blobDir, sha))) {
        await ctx.storage.q.deleteBlob(sha);
        return sendError(req, reply, 'hash_mismatch');
      }
      await ctx.storage.q.putBlob({ sha256: sha, length, received: next, complete: true, createdAt });
      return reply.code(204).header('Upload-Offset', String(next)).send();
    });
  });

  app.get<{ Params: Params }>('/v1/blobs/:sha256', async (req, reply) => {
    if (!(await gate(req, reply))) return reply;
    const blob = await ctx.storage.q.getBlob(req.params.sha256);
    if (!blob?.complete || blob.length === null) return sendError(req, reply, 'not_found');
    const range = parseRange(req.headers.range, blob.length);
    if (range === 'unsatisfiable')
      return reply
        .code(416)
        .header('Content-Range', `bytes */${String(blob.length)}`)
        .send({
          error: 'invalid_request',
          message: '请求的范围无效。Range not satisfiable.',
          field: 'Range',
        });
    const [start, end] = range ?? [0, blob.length - 1];
    const stream = blob.length === 0 ? null : await readBlob(ctx.blobDir, blob.sha256, start, end);
    reply.header('Accept-Ranges', 'bytes').type('application/octet-stream');
    if (blob.length === 0) return reply.code(200).send(Buffer.alloc(0));
    if (!stream) return sendError(req, reply, 'not_found');
    reply.header('Content-Length', String(end - start + 1));
    if (range)
      reply.code(206).header('Content-Range', `bytes ${String(start)}-${String(end)}/${String(blob.length)}`);
    return reply.send(stream);
  });
}
