/*
 * One sync run: push the outbox, pull until the hub has nothing more, upload queued files. No React:
 * fetch, clock, sleep and the local store are injected. Runs are single-flight (a second "sync now"
 * joins the running one). A dropped connection or a 429 is retried with growing waits; nothing is
 * acknowledged before the hub answered and nothing is reordered, so a retry only ever re-sends
 * (the hub answers "duplicate"). A revoked device stops and says so; it does not retry.
 */
import type { SyncLocal, SyncStatus } from '../data/outbox';
import {
  blobTransfers,
  downloadOne,
  downloadQueued,
  type DeriveCopies,
  type DownloadMiss,
  type DownloadReport,
  type TransferBoard,
} from './download';
import { createHubClient, type FetchLike, type SyncFailure } from './hub-client';
import { pullAll, recheckQuarantine, type PullReport, type RecheckReport } from './pull';
import { pushOutbox, type PushReport } from './push';
import { createTokenSource, type TokenSource } from './session';
import { uploadQueued, type UploadReport } from './upload';
import { err, type Result } from '#shared/util/result';

export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'uploading' | 'downloading' | 'retrying';

/** What the progress bar shows. */
export type SyncProgress = {
  phase: SyncPhase;
  pushed: number;
  toPush: number;
  pulled: number;
  bytesSent: number;
  bytesTotal: number;
  /** While downloading the files pulled events name (absent before). */
  bytesReceived?: number;
  bytesToReceive?: number;
};

/** Why a run stopped; the sync page words each (i18n `sync.failure.<kind>`). */
export type RunFailure =
  | { kind: 'not_enrolled' }
  | { kind: 'revoked'; code: 'token_reused' | 'device_revoked' }
  | { kind: 'network'; message: string }
  | { kind: 'hub'; code: string; message: string; retryAfterS?: number }
  | { kind: 'bad_response'; message: string }
  | { kind: 'local'; message: string };

export type SyncOutcome =
  | {
      ok: true;
      at: number;
      push: PushReport;
      pull: PullReport;
      upload: UploadReport;
      download: DownloadReport;
    }
  | { ok: false; at: number; failure: RunFailure };

export type SyncState = { running: boolean; progress: SyncProgress; last: SyncOutcome | null };

export type SyncEngineDeps = {
  local: SyncLocal;
  fetch: FetchLike;
  now: () => number;
  /** Waits between retries; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** This device's public key, to verify its own events when they come back. */
  ownPublicKey: () => Promise<JsonWebKey>;
  /** Attempts after the first on network errors and 429 (default 3: waits 1 s, 2 s, 4 s). */
  retries?: number;
  pullPageSize?: number;
  /**
   * Runs after a successful run with that run's token source (issue #9: the organisation directory and
   * the export audit, renderer/sync/org-sync.ts). A failure there never fails the run.
   */
  afterSync?: (c: { hubUrl: string; tokens: TokenSource }) => Promise<void>;
  /** Thumbnails of downloaded images (the evidence feature's worker); none when absent. */
  derive?: DeriveCopies;
  /** Per-file download state for the screens (default: the app's shared board). */
  board?: TransferBoard;
  /** Bytes per download Range request (tests use small ones). */
  downloadRange?: number;
};

/** Function-valued fields (not methods), so `getState`/`subscribe` can be handed to React unbound. */
export type SyncEngine = {
  run: () => Promise<SyncOutcome>;
  getState: () => SyncState;
  subscribe: (listener: () => void) => () => void;
  /**
   * Downloads one file now (a viewer opened an item whose file is not here), outside a sync run;
   * null when it is stored, else why not (it stays queued for the next sync).
   */
  fetchBlob: (sha256: string) => Promise<DownloadMiss | null>;
  /** Checks the quarantine again with the pinned and learned keys (pull.ts recheckQuarantine). */
  recheckQuarantine: (by: string) => Promise<Result<RecheckReport, { kind: 'local'; message: string }>>;
};

const IDLE: SyncProgress = { phase: 'idle', pushed: 0, toPush: 0, pulled: 0, bytesSent: 0, bytesTotal: 0 };

export function createSyncEngine(d: SyncEngineDeps): SyncEngine {
  const sleep = d.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let state: SyncState = { running: false, progress: IDLE, last: null };
  const listeners = new Set<() => void>();
  const set = (next: Partial<SyncState>): void => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  const progress = (p: Partial<SyncProgress>): void => {
    set({ progress: { ...state.progress, ...p } });
  };
  let running: Promise<SyncOutcome> | null = null;

  const attempt = async (): Promise<SyncOutcome> => {
    const enrollment = await d.local.enrollment();
    const session = await d.local.loadSession();
    if (!enrollment || !session) return { ok: false, at: d.now(), failure: { kind: 'not_enrolled' } };
    const client = createHubClient(enrollment.hubUrl, d.fetch);
    const tokens = createTokenSource(d.local, client, d.now);
    const fail = (f: SyncFailure | { kind: 'local'; message: string }): SyncOutcome => ({
      ok: false,
      at: d.now(),
      failure: toRunFailure(f),
    });

    progress({ phase: 'pushing' });
    const push = await pushOutbox({
      local: d.local,
      client,
      tokens,
      onProgress: (pushed, toPush) => {
        progress({ pushed, toPush });
      },
    });
    if (!push.ok) return fail(push.error);

    progress({ phase: 'pulling' });
    const keys = new Map<string, JsonWebKey>([
      [session.hubDeviceId, session.hubPublicKey],
      [enrollment.deviceId, await d.ownPublicKey()],
    ]);
    const pull = await pullAll({
      local: d.local,
      client,
      tokens,
      keys,
      now: d.now,
      ...(d.pullPageSize ? { pageSize: d.pullPageSize } : {}),
      onProgress: (pulled) => {
        progress({ pulled });
      },
    });
    if (!pull.ok) return fail(pull.error);

    progress({ phase: 'uploading' });
    const upload = await uploadQueued({
      local: d.local,
      client,
      tokens,
      onProgress: (bytesSent, bytesTotal) => {
        progress({ bytesSent, bytesTotal });
      },
    });
    if (!upload.ok) return fail(upload.error);

    progress({ phase: 'downloading' });
    const download = await downloadQueued({
      local: d.local,
      client,
      tokens,
      board: d.board ?? blobTransfers,
      ...(d.derive ? { derive: d.derive } : {}),
      ...(d.downloadRange ? { rangeSize: d.downloadRange } : {}),
      onProgress: (bytesReceived, bytesToReceive) => {
        progress({ bytesReceived, bytesToReceive });
      },
    });
    if (!download.ok) return fail(download.error);
    await d.afterSync?.({ hubUrl: enrollment.hubUrl, tokens }).catch(() => undefined);
    return {
      ok: true,
      at: d.now(),
      push: push.value,
      pull: pull.value,
      upload: upload.value,
      download: download.value,
    };
  };

  const fetchBlob = async (sha256: string): Promise<DownloadMiss | null> => {
    const enrollment = await d.local.enrollment();
    const session = await d.local.loadSession();
    if (!enrollment || !session) return { code: 'not_enrolled', message: '本机尚未加入同步枢纽，无法下载' };
    const client = createHubClient(enrollment.hubUrl, d.fetch);
    const tokens = createTokenSource(d.local, client, d.now);
    const queued = (await d.local.downloadQueue()).find((q) => q.sha256 === sha256);
    const item = queued ?? { sha256, caseId: '', label: sha256, size: null, mime: null, attempts: 0 };
    const r = await downloadOne(
      {
        local: d.local,
        client,
        tokens,
        board: d.board ?? blobTransfers,
        ...(d.derive ? { derive: d.derive } : {}),
        ...(d.downloadRange ? { rangeSize: d.downloadRange } : {}),
      },
      item,
    );
    if (!r.ok)
      return { code: r.error.kind === 'hub' ? r.error.code : r.error.kind, message: r.error.message };
    return r.value.miss;
  };

  const recheck = async (by: string): Promise<Result<RecheckReport, { kind: 'local'; message: string }>> => {
    const enrollment = await d.local.enrollment();
    const session = await d.local.loadSession();
    if (!enrollment || !session) return err({ kind: 'local', message: 'this device is not enrolled' });
    const keys = new Map<string, JsonWebKey>([
      [session.hubDeviceId, session.hubPublicKey],
      [enrollment.deviceId, await d.ownPublicKey()],
    ]);
    return recheckQuarantine({ local: d.local, keys, by, now: d.now });
  };

  const runWithRetry = async (): Promise<SyncOutcome> => {
    const retries = d.retries ?? 3;
    for (let i = 0; ; i++) {
      const outcome = await attempt();
      const wait = retryDelay(outcome, i);
      if (wait === null || i >= retries) return outcome;
      progress({ phase: 'retrying' });
      await sleep(wait);
    }
  };

  const record = async (outcome: SyncOutcome): Promise<void> => {
    const before = await d.local.status();
    const next: SyncStatus = outcome.ok
      ? {
          lastSyncAt: outcome.at,
          lastFailure: null,
          driftFlags: outcome.pull.drift.length > 0 ? outcome.pull.drift : before.driftFlags,
        }
      : { ...before, lastFailure: describe(outcome.failure) };
    await d.local.saveStatus(next);
  };

  return {
    run: () => {
      running ??= (async () => {
        set({ running: true, progress: IDLE });
        const outcome = await runWithRetry().catch((e: unknown): SyncOutcome => ({
          ok: false,
          at: d.now(),
          failure: { kind: 'local', message: e instanceof Error ? e.message : String(e) },
        }));
        await record(outcome).catch(() => undefined);
        set({ running: false, progress: { ...state.progress, phase: 'idle' }, last: outcome });
        return outcome;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    fetchBlob,
    recheckQuarantine: recheck,
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
  };
}

function toRunFailure(f: SyncFailure | { kind: 'local'; message: string }): RunFailure {
  switch (f.kind) {
    case 'network':
    case 'local':
    case 'bad_response':
      return { kind: f.kind, message: f.message };
    case 'hub':
      if (f.code === 'token_reused' || f.code === 'device_revoked') return { kind: 'revoked', code: f.code };
      return {
        kind: 'hub',
        code: f.code,
        message: f.message,
        ...(f.retryAfterS !== undefined ? { retryAfterS: f.retryAfterS } : {}),
      };
  }
}

/** ms to wait before the next attempt, or null when retrying cannot help. */
export function retryDelay(outcome: SyncOutcome, attemptIndex: number): number | null {
  if (outcome.ok) return null;
  const f = outcome.failure;
  if (f.kind === 'network') return 1000 * 2 ** attemptIndex;
  if (f.kind === 'hub' && f.code === 'rate_limited')
    return f.retryAfterS !== undefined && f.retryAfterS > 0 ? f.retryAfterS * 1000 : 5000 * 2 ** attemptIndex;
  return null;
}

/** A one-line record of the failure for the status row (the page words it from the kind). */
export function describe(f: RunFailure): string {
  switch (f.kind) {
    case 'not_enrolled':
      return 'not_enrolled';
    case 'revoked':
      return `revoked:${f.code}`;
    case 'hub':
      return `hub:${f.code}`;
    case 'network':
    case 'bad_response':
    case 'local':
      return `${f.kind}:${f.message}`;
  }
}
