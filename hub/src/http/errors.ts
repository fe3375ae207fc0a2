/*
 * One way to answer an error: `{error, message, field?}` with the contract's status code. Also maps
 * Fastify's own parser errors (bad JSON, wrong content type, oversize body) to 4xx codes so bad input is
 * never a 5xx.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { HUB_ERROR_STATUS, type HubErrorCode } from '#shared/sync/errors';
import type { ErrorBody } from '#shared/sync/wire';
import { messageFor, pickLang } from './messages';

/** Sends the error body; `detail` is appended to the message for the developer reading it. */
export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: HubErrorCode,
  extra: { field?: string; detail?: string } = {},
): FastifyReply {
  const base = messageFor(code, pickLang(req.headers['accept-language']));
  const body: ErrorBody = { error: code, message: extra.detail ? `${base} (${extra.detail})` : base };
  if (extra.field !== undefined) body.field = extra.field;
  return reply.code(HUB_ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/** 400 naming the first field zod complained about. */
export function sendZodError(req: FastifyRequest, reply: FastifyReply, error: ZodError): FastifyReply {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return sendError(req, reply, 'invalid_request', {
    ...(field !== undefined ? { field } : {}),
    ...(issue ? { detail: issue.message } : {}),
  });
}

/** Fastify errors raised before a handler runs (content-type parsing, body limit) → contract codes. */
export function classifyFrameworkError(error: FastifyError): HubErrorCode | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'invalid_json';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return 'invalid_request';
    default:
      break;
  }
  if (error instanceof SyntaxError) return 'invalid_json';
  if (error.statusCode === 413) return 'payload_too_large';
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500)
    return 'invalid_request';
  return null;
}
