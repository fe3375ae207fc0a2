/*
 * After the event sync (issue #9): refresh this laptop's organisation directory from the hub
 * (GET /v1/org/users) and send the export audit records the hub has not confirmed yet
 * (POST /v1/audit/exports, in batches). Both run with the sync's token source; a failure of one does
 * not stop the other and never fails the event sync: the directory keeps its last copy and unsent
 * records stay unsent (shown as 待上报 in the dashboard's export log) until the next sync.
 */
import {
  EXPORT_AUDIT_MAX_BATCH,
  exportAuditPushResponseSchema,
  orgUsersResponseSchema,
  type ExportAuditEntry,
} from '#shared/sync/wire-org';
import { err, ok, type Result } from '#shared/util/result';
import type { ExportRecord, OrgDirectory } from '../data/store';
import { errorBodySchema } from '#shared/sync/wire';
import { normalizeHubUrl, type FetchLike, type SyncFailure } from './hub-client';
import type { TokenSource } from './session';

/** What the laptop keeps: the directory and the export trail. */
export type OrgSyncLocal = {
  saveOrgDirectory(d: OrgDirectory): Promise<void>;
  unsentExports(): Promise<ExportRecord[]>;
  markExportsSent(ids: readonly string[], at: string): Promise<void>;
};

export type OrgSyncReport = {
  /** Users listed, or why the directory could not be refreshed. */
  directory: Result<number, SyncFailure>;
  /** Records the hub confirmed in this run, or why sending stopped (confirmed ones stay marked). */
  exports: Result<number, SyncFailure>;
};

export type OrgSyncDeps = {
  hubUrl: string;
  fetch: FetchLike;
  tokens: TokenSource;
  local: OrgSyncLocal;
};

async function call(
  d: OrgSyncDeps,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<Result<unknown, SyncFailure>> {
  try {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', 'zh-CN');
    headers.set('Authorization', `Bearer ${token}`);
    const res = await d.fetch(`${normalizeHubUrl(d.hubUrl)}${path}`, { ...init, headers });
    if (!res.ok) return err(await failureOf(res));
    return ok(await res.json());
  } catch (e) {
    return err({ kind: 'network', message: e instanceof Error ? e.message : String(e) });
  }
}

/** A non-2xx answer: the hub's error body, else the status alone. */
async function failureOf(res: Response): Promise<SyncFailure> {
  const body: unknown = await res.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success
    ? { kind: 'hub', code: parsed.data.error, status: res.status, message: parsed.data.message }
    : { kind: 'bad_response', status: res.status, message: `HTTP ${String(res.status)}` };
}

const badResponse = (message: string): SyncFailure => ({ kind: 'bad_response', status: 200, message });

/** The wire shape of a stored record (the hub takes who and which device from the token). */
export const toWireEntry = (r: ExportRecord & { id: string }): ExportAuditEntry => ({
  id: r.id,
  at: r.at,
  kind: r.kind,
  format: r.format,
  file: r.file.slice(0, 255),
  rows: r.rows,
  cases: r.cases,
  period: r.period,
  caseId: r.caseId,
  disclosure: r.disclosure,
});

async function refreshDirectory(d: OrgSyncDeps): Promise<Result<number, SyncFailure>> {
  const got = await d.tokens.withToken((token) => call(d, '/v1/org/users', token));
  if (!got.ok) return got;
  const parsed = orgUsersResponseSchema.safeParse(got.value);
  if (!parsed.success) return err(badResponse(parsed.error.message));
  await d.local.saveOrgDirectory({
    org: parsed.data.org,
    users: parsed.data.users,
    fetchedAt: parsed.data.hubTime,
  });
  return ok(parsed.data.users.length);
}

async function sendExports(d: OrgSyncDeps): Promise<Result<number, SyncFailure>> {
  const unsent = (await d.local.unsentExports()).filter(
    (r): r is ExportRecord & { id: string } => r.id !== null,
  );
  let confirmed = 0;
  for (let i = 0; i < unsent.length; i += EXPORT_AUDIT_MAX_BATCH) {
    const entries = unsent.slice(i, i + EXPORT_AUDIT_MAX_BATCH).map(toWireEntry);
    const got = await d.tokens.withToken((token) =>
      call(d, '/v1/audit/exports', token, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ entries }),
      }),
    );
    if (!got.ok) return got;
    const parsed = exportAuditPushResponseSchema.safeParse(got.value);
    if (!parsed.success) return err(badResponse(parsed.error.message));
    await d.local.markExportsSent(parsed.data.stored, parsed.data.hubTime);
    confirmed += parsed.data.stored.length;
  }
  return ok(confirmed);
}

export async function syncOrgAndAudit(d: OrgSyncDeps): Promise<OrgSyncReport> {
  const directory = await refreshDirectory(d);
  const exports = await sendExports(d);
  return { directory, exports };
}
