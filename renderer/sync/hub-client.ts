/*
 * The hub's HTTP API v1 as typed calls (sync-protocol.md). Every answer is parsed with the shared zod
 * schemas; nothing here throws: a dropped connection, a hub error body or an answer that does not match
 * the contract each come back as a named SyncFailure. `fetch` is injected so tests run against an
 * in-process hub.
 */
import type { z } from 'zod';
import { HUB_ERROR_CODES, type HubErrorCode } from '#shared/sync/errors';
import {
  enrollResponseSchema,
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  tokenResponseSchema,
  type EnrollRequest,
  type EnrollResponse,
  type PullResponse,
  type PushResponse,
  type TokenPair,
} from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';

/** What went wrong talking to the hub. */
export type SyncFailure =
  | { kind: 'network'; message: string }
  | { kind: 'hub'; code: HubErrorCode; status: number; message: string; retryAfterS?: number }
  | { kind: 'bad_response'; status: number; message: string };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type BlobStatus = { offset: number; length: number | null; complete: boolean } | null;

/** One ranged read: `bytes` from `start` (206), or the whole blob (200: the hub ignored Range). */
export type BlobRange = { bytes: Uint8Array; start: number; total: number | null; partial: boolean };

export type HubClient = {
  enroll(body: EnrollRequest): Promise<Result<EnrollResponse, SyncFailure>>;
  refresh(refreshToken: string): Promise<Result<TokenPair, SyncFailure>>;
  push(token: string, events: readonly unknown[]): Promise<Result<PushResponse, SyncFailure>>;
  pull(token: string, after: string, limit: number): Promise<Result<PullResponse, SyncFailure>>;
  /** null when the hub holds no byte of the blob yet (404). */
  blobHead(token: string, sha256: string): Promise<Result<BlobStatus, SyncFailure>>;
  /** Appends a chunk at `offset`; answers the hub's new offset. */
  blobPatch(
    token: string,
    sha256: string,
    offset: number,
    total: number,
    chunk: Uint8Array,
  ): Promise<Result<number, SyncFailure>>;
  /** Reads bytes `from`..`to` (inclusive) of a complete blob with a Range request. */
  blobGet(token: string, sha256: string, from: number, to: number): Promise<Result<BlobRange, SyncFailure>>;
};

/** Removes a trailing slash so paths join cleanly; the address itself is checked by the enroll form. */
export const normalizeHubUrl = (raw: string): string => raw.trim().replace(/\/+$/, '');

export function createHubClient(hubUrl: string, fetchFn: FetchLike): HubClient {
  const base = normalizeHubUrl(hubUrl);
  const call = async (path: string, init: RequestInit): Promise<Result<Response, SyncFailure>> => {
    try {
      const headers = new Headers(init.headers);
      headers.set('Accept-Language', 'zh-CN');
      const res = await fetchFn(`${base}${path}`, { ...init, headers });
      if (res.ok) return ok(res);
      return err(await failureOf(res));
    } catch (e) {
      return err({ kind: 'network', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const json = async <S extends z.ZodType>(
    r: Result<Response, SyncFailure>,
    schema: S,
  ): Promise<Result<z.infer<S>, SyncFailure>> => {
    if (!r.ok) return r;
    try {
      const parsed = schema.safeParse(await r.value.json());
      if (parsed.success) return ok(parsed.data);
      return err({ kind: 'bad_response', status: r.value.status, message: parsed.error.message });
    } catch (e) {
      return err({ kind: 'network', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const jsonBody = (body: unknown, token?: string): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? bearer(token) : {}) },
    body: JSON.stringify(body),
  });

  return {
    enroll: async (body) => json(await call('/v1/devices/enroll', jsonBody(body)), enrollResponseSchema),
    refresh: async (refreshToken) =>
      json(await call('/v1/devices/token', jsonBody({ refreshToken })), tokenResponseSchema),
    push: async (token, events) =>
      json(await call('/v1/sync/push', jsonBody({ events }, token)), pushResponseSchema),
    pull: async (token, after, limit) => {
      const q = new URLSearchParams({ after, limit: String(limit) });
      return json(
        await call(`/v1/sync/pull?${q.toString()}`, { headers: bearer(token) }),
        pullResponseSchema,
      );
    },
    blobHead: async (token, sha256) => {
      const r = await call(`/v1/blobs/${sha256}`, { method: 'HEAD', headers: bearer(token) });
      if (!r.ok) return r.error.kind === 'hub' && r.error.code === 'not_found' ? ok(null) : r;
      const h = r.value.headers;
      const length = h.get('Upload-Length');
      return ok({
        offset: Number(h.get('Upload-Offset') ?? '0'),
        length: length === null ? null : Number(length),
        complete: h.get('Blob-Complete') === 'true',
      });
    },
    blobPatch: async (token, sha256, offset, total, chunk) => {
      const r = await call(`/v1/blobs/${sha256}`, {
        method: 'PATCH',
        headers: {
          ...bearer(token),
          'Content-Type': 'application/offset+octet-stream',
          'Upload-Offset': String(offset),
          'Upload-Length': String(total),
        },
        body: chunk as BodyInit,
      });
      if (!r.ok) return r;
      return ok(Number(r.value.headers.get('Upload-Offset') ?? String(offset + chunk.byteLength)));
    },
    blobGet: async (token, sha256, from, to) => {
      const r = await call(`/v1/blobs/${sha256}`, {
        headers: { ...bearer(token), Range: `bytes=${String(from)}-${String(to)}` },
      });
      if (!r.ok) return r;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await r.value.arrayBuffer());
      } catch (e) {
        return err({ kind: 'network', message: e instanceof Error ? e.message : String(e) });
      }
      if (r.value.status === 200) return ok({ bytes, start: 0, total: bytes.byteLength, partial: false });
      const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(r.value.headers.get('Content-Range') ?? '');
      if (r.value.status !== 206 || !m?.[1] || !m[2])
        return err({
          kind: 'bad_response',
          status: r.value.status,
          message: `Range answer without a valid Content-Range (HTTP ${String(r.value.status)})`,
        });
      const start = Number(m[1]);
      if (Number(m[2]) - start + 1 !== bytes.byteLength)
        return err({ kind: 'network', message: 'ranged answer shorter than its Content-Range (cut)' });
      return ok({
        bytes,
        start,
        total: m[3] === '*' || m[3] === undefined ? null : Number(m[3]),
        partial: true,
      });
    },
  };
}

async function failureOf(res: Response): Promise<SyncFailure> {
  // A HEAD answer has no body; its status alone names the error.
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = errorBodySchema.safeParse(body);
  const retry = res.headers.get('Retry-After');
  if (parsed.success)
    return {
      kind: 'hub',
      code: parsed.data.error,
      status: res.status,
      message: parsed.data.message,
      ...(retry !== null ? { retryAfterS: Number(retry) } : {}),
    };
  const byStatus = codeForStatus(res.status);
  if (byStatus)
    return { kind: 'hub', code: byStatus, status: res.status, message: `HTTP ${String(res.status)}` };
  return {
    kind: 'bad_response',
    status: res.status,
    message: `HTTP ${String(res.status)} ${text.slice(0, 200)}`,
  };
}

/** For answers without a body (HEAD): the code a status can only mean. */
function codeForStatus(status: number): HubErrorCode | null {
  const only: Partial<Record<number, HubErrorCode>> = {
    404: 'not_found',
    409: 'offset_mismatch',
    413: 'payload_too_large',
    422: 'hash_mismatch',
    429: 'rate_limited',
    403: 'forbidden',
    401: 'unauthenticated',
  };
  const c = only[status];
  return c !== undefined && (HUB_ERROR_CODES as readonly string[]).includes(c) ? c : null;
}
