/*
 * The data side of sync (the engine in renderer/sync/ reaches Dexie only through this port): the
 * outbox in device-chain order, acknowledging and recording rejections, the hub session (tokens,
 * sealed through the codec like any credential), the pull cursor, the blob upload queue and the status
 * the sync page shows. A checkpoint (cursor) moves only after the pulled events are committed (R12).
 * Pulled events that fail verification are kept in a quarantine (sealed, never applied, never dropped)
 * together with the other devices' public keys the hub gave (pinned on first sight).
 */
import type { CaseEvent, UnsignedEvent } from '#shared/events/envelope';
import { nextChainLink, sealEvent } from '#shared/events/signing';
import type { Jwk } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { Sealed } from './codec';
import type { EventRow, OutboxRow } from './db';
import type { DataContext, DataError } from './event-store';
import { blobInfo, readBlob, readBlobAsBlob, type BlobError, type StoredBlob } from './blobs';
import { saveDerived, type DerivedCopy } from './blobs-derived';
import {
  abandonDownload,
  appendDownloadChunk,
  beginDownload,
  downloadProgress,
  finishDownload,
  type DownloadError,
  type DownloadProgress,
} from './blobs-download';
import type { StorageEstimate } from './blobs-storage';
import type { Enrollment, TribunalStore } from './store';

/** What enrollment gave this device to talk to the hub. */
export type SyncSession = {
  token: string;
  tokenExpiresAt: string;
  refreshToken: string;
  hubPublicKey: Jwk;
  hubDeviceId: string;
};

/** A user's recorded decision about a set-aside event: who (user id), when, and the words they gave. */
export type SetAsideDecision = NonNullable<OutboxRow['decision']>;

/** One outbox entry with its event, in chain order. */
export type PendingEvent = {
  event: CaseEvent;
  attempts: number;
  lastError?: string;
  setAside?: true;
  decision?: SetAsideDecision;
};

/** A quarantined event that passed the checks later and was applied: who asked, when, and why it was held. */
export type QuarantineRelease = {
  id: string;
  caseId: string | null;
  type: string | null;
  why: string;
  at: number;
  by: string;
};

/** A file an accepted event named, whose bytes the hub may not have yet. */
export type QueuedBlob = { sha256: string; size: number; caseId: string; fileName: string };

/**
 * A file a pulled event names that is not on this laptop yet (evidence original, signature or seal
 * image, issued document). `lastError` after a failed attempt (e.g. `hash_mismatch`): kept, retried.
 */
export type DownloadItem = {
  sha256: string;
  caseId: string;
  label: string;
  size: number | null;
  /** From the event when it says (evidence.added, document.issued); else sniffed from the bytes. */
  mime: string | null;
  attempts: number;
  lastError?: string;
};

/** The blob store's side of a download (renderer/data/blobs-download.ts), bound to this store. */
export type BlobDownloadPort = {
  stored(sha256: string): Promise<boolean>;
  progress(sha256: string): Promise<DownloadProgress | null>;
  begin(sha256: string, size: number): Promise<Result<DownloadProgress, DownloadError>>;
  append(sha256: string, bytes: Uint8Array): Promise<Result<DownloadProgress, DownloadError>>;
  finish(sha256: string, mime: string | null): Promise<Result<StoredBlob, DownloadError>>;
  abandon(sha256: string): Promise<void>;
  /** The complete original as a Blob (to make its thumbnail after download). */
  asBlob(sha256: string): Promise<Blob | null>;
  saveDerived(sha256: string, copies: readonly DerivedCopy[]): Promise<void>;
};

/** A pulled event that failed verification: kept as received, never applied to a case. */
export type QuarantinedEvent = {
  id: string;
  caseId: string | null;
  type: string | null;
  deviceId: string | null;
  /** `schema_invalid` or a VerifyIssueKind of shared/events/verify. */
  why: string;
  detail: string;
  receivedAt: number;
  raw: unknown;
};

/** What the sync page shows between runs. */
export type SyncStatus = {
  lastSyncAt: number | null;
  lastFailure: string | null;
  /** Wall-clock skew the last pulled events showed (R14), in ms ahead of this device. */
  driftFlags: { eventId: string; aheadMs: number }[];
};

export type SyncLocal = {
  enrollment(): Promise<Enrollment | undefined>;
  saveEnrollment(e: Enrollment): Promise<void>;
  loadSession(): Promise<SyncSession | null>;
  saveSession(s: SyncSession): Promise<void>;
  /** The first `limit` outbox events of this device, by deviceSeq (the order the hub chain needs), set-aside ones excluded. */
  pending(limit: number): Promise<PendingEvent[]>;
  pendingCount(): Promise<number>;
  /** The hub has them (accepted or duplicate): off the outbox. */
  acknowledge(ids: readonly string[]): Promise<void>;
  /** Kept in the outbox with the reason, never dropped. */
  recordRejection(id: string, reason: string): Promise<void>;
  /**
   * The hub refused this event for good (sync-protocol.md: a rejected event stores nothing, so this
   * device's chain on the hub ends before it): it stays in the local log and the outbox, marked set aside
   * with the reason, and leaves the chain; every later event of this device is re-linked and re-signed
   * from its place (same ids: the hub cannot hold any of them). Runs in the store's write queue.
   */
  setAside(id: string, reason: string): Promise<Result<{ relinked: number }, DataError>>;
  /** The set-aside events, oldest first (discarded ones included, with their decision). */
  setAsideList(): Promise<PendingEvent[]>;
  /**
   * Sends a set-aside event again after its cause was corrected (e.g. the hub now grants the write): the
   * same id and content, re-linked and re-signed at the end of this device's chain (the hub holds nothing
   * of it), back in the outbox with the decision recorded. Refused for a discarded or unknown event.
   */
  resend(
    id: string,
    decision: Omit<SetAsideDecision, 'kind'>,
  ): Promise<Result<{ deviceSeq: number }, DataError>>;
  /** Records that a set-aside event will not be sent; it stays in the log and the list, with the decision. */
  discard(id: string, decision: Omit<SetAsideDecision, 'kind'>): Promise<Result<void, DataError>>;
  receive(events: readonly CaseEvent[]): Promise<Result<{ stored: string[]; skipped: string[] }, DataError>>;
  /**
   * Merges pulled HLC stamps into this device's clock; returns those too far ahead. `hubNowMs` (the
   * page's hubTime) is the reference when this device's clock is behind the hub's: a lagging laptop
   * must still adopt the stamps the hub accepted, or what it writes next sorts before what it saw.
   */
  observeClocks(
    events: readonly CaseEvent[],
    hubNowMs?: number,
  ): Promise<{ eventId: string; aheadMs: number }[]>;
  cursor(): Promise<string>;
  saveCursor(cursor: string): Promise<void>;
  blobQueue(): Promise<QueuedBlob[]>;
  saveBlobQueue(q: readonly QueuedBlob[]): Promise<void>;
  readBlob(
    sha256: string,
  ): Promise<Result<{ info: StoredBlob; chunks: AsyncIterable<Uint8Array> }, BlobError>>;
  status(): Promise<SyncStatus>;
  saveStatus(s: SyncStatus): Promise<void>;
  /** Files pulled events name that are not here yet, oldest first. */
  downloadQueue(): Promise<DownloadItem[]>;
  saveDownloadQueue(q: readonly DownloadItem[]): Promise<void>;
  /** Queues files not stored here and not queued yet; returns how many were added. */
  queueDownloads(items: readonly DownloadItem[]): Promise<number>;
  blobDownload: BlobDownloadPort;
  /** Stored events that share an id, or a chain slot (same device, seq - 1 / seq / seq + 1), with these. */
  storedNear(events: readonly CaseEvent[]): Promise<CaseEvent[]>;
  /** Other devices' public keys, as first given by the hub. */
  deviceKeys(): Promise<Record<string, Jwk>>;
  saveDeviceKeys(keys: Readonly<Record<string, Jwk>>): Promise<void>;
  /** Adds to the quarantine (an id already there with the same reason is not added twice). */
  quarantine(entries: readonly QuarantinedEvent[]): Promise<void>;
  quarantined(): Promise<QuarantinedEvent[]>;
  /** Takes these ids out of the quarantine (they passed the checks and were applied) and logs each release. */
  releaseQuarantined(ids: readonly string[], by: string, at: number): Promise<void>;
  releasedLog(): Promise<QuarantineRelease[]>;
};

const K = {
  session: 'sync.session',
  cursor: 'sync.cursor',
  blobs: 'sync.blobQueue',
  status: 'sync.status',
  hlc: 'device.hlc',
  downloads: 'sync.downloadQueue',
  keys: 'sync.deviceKeys',
  quarantine: 'sync.quarantine',
  released: 'sync.quarantineReleased',
} as const;

const toPending = ({ row, event }: { row: OutboxRow; event: CaseEvent }): PendingEvent => ({
  event,
  attempts: row.attempts,
  ...(row.lastError !== undefined ? { lastError: row.lastError } : {}),
  ...(row.setAside === true ? { setAside: true as const } : {}),
  ...(row.decision !== undefined ? { decision: row.decision } : {}),
});

const sealedRow = async (codec: DataContext['codec'], e: CaseEvent): Promise<EventRow> => ({
  id: e.id,
  caseId: e.caseId,
  deviceId: e.actor.deviceId,
  deviceSeq: e.deviceSeq,
  hlc: e.at.hlc,
  body: await codec.seal('events', e),
});

/**
 * setAside inside the write queue. The later events are journalled first (write-ahead; recovery keeps
 * the last line of an id), then one transaction moves the refused event's chain slot off the chain
 * (its index seq becomes negative, so the chain head is read past it), stores the re-linked events and
 * marks the outbox rows. Only deviceSeq, prev, hash and sig change; what the events say does not, so the
 * case projections stay as they are.
 */
async function setAsideUnlocked(
  ctx: DataContext,
  privateKey: CryptoKey,
  id: string,
  reason: string,
): Promise<Result<{ relinked: number }, DataError>> {
  const { db, codec } = ctx;
  const row = await db.outbox.get(id);
  const stored = await db.events.get(id);
  if (!row || !stored || row.setAside === true) return ok({ relinked: 0 });
  const refused = (await codec.open('events', stored.body)) as CaseEvent;
  const device = refused.actor.deviceId;
  const later = await db.events
    .where('[deviceId+deviceSeq]')
    .between([device, refused.deviceSeq + 1], [device, Number.MAX_SAFE_INTEGER])
    .toArray();
  let head: { deviceSeq: number; hash: string } | null =
    refused.prev === null ? null : { deviceSeq: refused.deviceSeq - 1, hash: refused.prev };
  const relinked: CaseEvent[] = [];
  for (const r of later) {
    const e = (await codec.open('events', r.body)) as CaseEvent;
    const rest: Record<string, unknown> = { ...e };
    delete rest['hash'];
    delete rest['sig'];
    const sealed = await sealEvent({ ...(rest as UnsignedEvent), ...nextChainLink(head) }, privateKey);
    relinked.push(sealed);
    head = { deviceSeq: sealed.deviceSeq, hash: sealed.hash };
  }
  if (relinked.length > 0) {
    const lines = await Promise.all(
      relinked.map(async (e) => JSON.stringify(await codec.seal('journal', e))),
    );
    const j = await ctx.journal.append(lines);
    if (!j.ok) return err({ code: 'journal_failed', message: j.error.message });
  }
  const rows = await Promise.all(relinked.map((e) => sealedRow(codec, e)));
  const tailRows = await db.outbox.bulkGet(relinked.map((e) => e.id));
  try {
    await db.transaction('rw', [db.events, db.outbox], async () => {
      await db.events.put({ ...stored, deviceSeq: -refused.deviceSeq });
      if (rows.length > 0) await db.events.bulkPut(rows);
      await db.outbox.put({ ...row, attempts: row.attempts + 1, lastError: reason, setAside: true });
      const fresh: OutboxRow[] = [];
      for (const t of tailRows) {
        if (!t || t.setAside === true) continue;
        const clean: OutboxRow = { ...t, attempts: 0 };
        delete clean.lastError;
        fresh.push(clean);
      }
      if (fresh.length > 0) await db.outbox.bulkPut(fresh);
    });
  } catch (e) {
    return err({ code: 'storage_failed', message: e instanceof Error ? e.message : String(e) });
  }
  return ok({ relinked: relinked.length });
}

/**
 * resend inside the write queue: the set-aside event goes to the end of this device's chain (head read
 * from the event table as the writer does), re-signed, journalled first, then stored with its outbox row
 * back in the queue. Only deviceSeq, prev, hash and sig change.
 */
async function resendUnlocked(
  ctx: DataContext,
  privateKey: CryptoKey,
  id: string,
  decision: SetAsideDecision,
): Promise<Result<{ deviceSeq: number }, DataError>> {
  const { db, codec } = ctx;
  const row = await db.outbox.get(id);
  const stored = await db.events.get(id);
  if (!row || !stored || row.setAside !== true || row.decision?.kind === 'discarded')
    return err({ code: 'storage_failed', message: `no set-aside event ${id} to send again` });
  const event = (await codec.open('events', stored.body)) as CaseEvent;
  const last = await db.events
    .where('[deviceId+deviceSeq]')
    .between([event.actor.deviceId, 0], [event.actor.deviceId, Number.MAX_SAFE_INTEGER])
    .last();
  const head = last ? ((await codec.open('events', last.body)) as CaseEvent) : null;
  const rest: Record<string, unknown> = { ...event };
  delete rest['hash'];
  delete rest['sig'];
  const sealed = await sealEvent(
    {
      ...(rest as UnsignedEvent),
      ...nextChainLink(head ? { deviceSeq: head.deviceSeq, hash: head.hash } : null),
    },
    privateKey,
  );
  const j = await ctx.journal.append([JSON.stringify(await codec.seal('journal', sealed))]);
  if (!j.ok) return err({ code: 'journal_failed', message: j.error.message });
  const next: OutboxRow = { id: row.id, caseId: row.caseId, queuedAt: row.queuedAt, attempts: 0, decision };
  try {
    const eventRow = await sealedRow(codec, sealed);
    await db.transaction('rw', [db.events, db.outbox], async () => {
      await db.events.put(eventRow);
      await db.outbox.put(next);
    });
  } catch (e) {
    return err({ code: 'storage_failed', message: e instanceof Error ? e.message : String(e) });
  }
  return ok({ deviceSeq: sealed.deviceSeq });
}

/**
 * The chain slots next to these events (same device, seq - 1 / seq / seq + 1, positive seqs only: a
 * set-aside event's slot is negative) as [device, first seq, last seq] runs of consecutive seqs.
 */
export function slotRuns(events: readonly CaseEvent[]): [string, number, number][] {
  const seqs = new Map<string, Set<number>>();
  for (const e of events) {
    let set = seqs.get(e.actor.deviceId);
    if (!set) seqs.set(e.actor.deviceId, (set = new Set()));
    for (const seq of [e.deviceSeq - 1, e.deviceSeq, e.deviceSeq + 1]) if (seq > 0) set.add(seq);
  }
  const runs: [string, number, number][] = [];
  for (const [device, set] of seqs) {
    let run: [string, number, number] | null = null;
    for (const seq of [...set].sort((a, b) => a - b)) {
      if (run && seq === run[2] + 1) run[2] = seq;
      else runs.push((run = [device, seq, seq]));
    }
  }
  return runs;
}

const EMPTY_STATUS: SyncStatus = { lastSyncAt: null, lastFailure: null, driftFlags: [] };

export function createSyncLocal(
  store: TribunalStore,
  opts: { estimate?: () => Promise<StorageEstimate> } = {},
): SyncLocal {
  const { db, codec } = store.ctx;
  const get = async <T>(key: string): Promise<T | undefined> =>
    (await db.meta.get(key))?.value as T | undefined;
  const put = async (key: string, value: unknown): Promise<void> => {
    await db.meta.put({ key, value });
  };

  const pendingRows = async (): Promise<{ row: OutboxRow; event: CaseEvent }[]> => {
    const rows = await db.outbox.toArray();
    const stored = await db.events.bulkGet(rows.map((r) => r.id));
    const out: { row: OutboxRow; event: CaseEvent }[] = [];
    for (const [i, row] of rows.entries()) {
      const s = stored[i];
      if (s) out.push({ row, event: (await codec.open('events', s.body)) as CaseEvent });
    }
    return out.sort((a, b) => a.event.deviceSeq - b.event.deviceSeq);
  };

  return {
    enrollment: () => store.enrollment(),
    saveEnrollment: (e) => store.saveEnrollment(e),
    loadSession: async () => {
      const sealed = await get<Sealed>(K.session);
      return sealed ? ((await codec.open('meta', sealed)) as SyncSession) : null;
    },
    saveSession: async (s) => put(K.session, await codec.seal('meta', s)),
    pending: async (limit) =>
      (await pendingRows())
        .filter(({ row }) => row.setAside !== true)
        .slice(0, limit)
        .map(toPending),
    pendingCount: () => db.outbox.filter((r) => r.setAside !== true).count(),
    setAsideList: async () => (await pendingRows()).filter(({ row }) => row.setAside === true).map(toPending),
    setAside: async (id, reason) => {
      const author = await store.author();
      if (!author) return err({ code: 'storage_failed', message: 'this device is not enrolled' });
      return store.ctx.serial(() => setAsideUnlocked(store.ctx, author.privateKey, id, reason));
    },
    resend: async (id, decision) => {
      const author = await store.author();
      if (!author) return err({ code: 'storage_failed', message: 'this device is not enrolled' });
      return store.ctx.serial(() =>
        resendUnlocked(store.ctx, author.privateKey, id, { kind: 'resent', ...decision }),
      );
    },
    discard: (id, decision) =>
      store.ctx.serial(async () => {
        try {
          const done = await db.transaction('rw', db.outbox, async () => {
            const row = await db.outbox.get(id);
            if (!row || row.setAside !== true) return false;
            await db.outbox.put({ ...row, decision: { kind: 'discarded', ...decision } });
            return true;
          });
          return done ? ok(undefined) : err({ code: 'storage_failed', message: `no set-aside event ${id}` });
        } catch (e) {
          return err({ code: 'storage_failed', message: e instanceof Error ? e.message : String(e) });
        }
      }),
    acknowledge: async (ids) => {
      await db.outbox.bulkDelete([...ids]);
    },
    recordRejection: async (id, reason) => {
      await db.transaction('rw', db.outbox, async () => {
        const row = await db.outbox.get(id);
        if (row) await db.outbox.put({ ...row, attempts: row.attempts + 1, lastError: reason });
      });
    },
    receive: (events) => store.receive(events),
    observeClocks: async (events, hubNowMs) => {
      const author = await store.author();
      if (!author) return [];
      const flags: { eventId: string; aheadMs: number }[] = [];
      for (const e of events) {
        const r = author.hlc.receive(e.at.hlc, hubNowMs);
        if (r.drift) flags.push({ eventId: e.id, aheadMs: r.drift.aheadMs });
      }
      // Through the store's queue, so a concurrent write cannot interleave an older clock state.
      await store.ctx.serial(() => put(K.hlc, author.hlc.serialize()));
      return flags;
    },
    cursor: async () => (await get<string>(K.cursor)) ?? '',
    saveCursor: (c) => put(K.cursor, c),
    blobQueue: async () => (await get<QueuedBlob[]>(K.blobs)) ?? [],
    saveBlobQueue: (q) => put(K.blobs, [...q]),
    readBlob: (sha256) => readBlob(store.ctx, sha256),
    status: async () => ({ ...EMPTY_STATUS, ...(await get<SyncStatus>(K.status)) }),
    downloadQueue: async () => (await get<DownloadItem[]>(K.downloads)) ?? [],
    saveDownloadQueue: (q) => put(K.downloads, [...q]),
    queueDownloads: async (items) => {
      if (items.length === 0) return 0;
      const fresh: DownloadItem[] = [];
      for (const i of items) if (!(await blobInfo(store.ctx, i.sha256))) fresh.push(i);
      if (fresh.length === 0) return 0;
      return store.ctx.serial(async () => {
        const queue = (await get<DownloadItem[]>(K.downloads)) ?? [];
        const known = new Set(queue.map((q) => q.sha256));
        const added = fresh.filter((i) => !known.has(i.sha256) && known.add(i.sha256));
        if (added.length > 0) await put(K.downloads, [...queue, ...added]);
        return added.length;
      });
    },
    blobDownload: {
      stored: async (sha256) => (await blobInfo(store.ctx, sha256)) !== null,
      progress: (sha256) => downloadProgress(store.ctx, sha256),
      begin: (sha256, size) => beginDownload(store.ctx, sha256, size, opts.estimate),
      append: (sha256, bytes) => appendDownloadChunk(store.ctx, sha256, bytes),
      finish: (sha256, mime) => finishDownload(store.ctx, sha256, mime),
      abandon: (sha256) => abandonDownload(store.ctx, sha256),
      asBlob: async (sha256) => {
        const r = await readBlobAsBlob(store.ctx, sha256);
        return r.ok ? r.value : null;
      },
      saveDerived: (sha256, copies) => saveDerived(store.ctx, sha256, copies),
    },
    saveStatus: (s) => put(K.status, s),
    storedNear: async (events) => {
      const runs = slotRuns(events);
      // One read transaction; the slots as runs of consecutive seqs, one range read each (a pulled
      // page is mostly consecutive events of a few devices: a handful of reads, not three keys per event).
      const [byId, bySlot] = await db.transaction('r', db.events, () =>
        Promise.all([
          db.events.bulkGet(events.map((e) => e.id)),
          Promise.all(
            runs.map(([device, from, to]) =>
              db.events
                .where('[deviceId+deviceSeq]')
                .between([device, from], [device, to], true, true)
                .toArray(),
            ),
          ),
        ]),
      );
      const rows = new Map<string, EventRow>();
      for (const r of [...byId, ...bySlot.flat()]) if (r) rows.set(r.id, r);
      return Promise.all(
        [...rows.values()].map(async (r) => (await codec.open('events', r.body)) as CaseEvent),
      );
    },
    deviceKeys: async () => (await get<Record<string, Jwk>>(K.keys)) ?? {},
    saveDeviceKeys: (keys) => put(K.keys, { ...keys }),
    quarantine: async (entries) => {
      if (entries.length === 0) return;
      await store.ctx.serial(async () => {
        const sealed = await get<Sealed>(K.quarantine);
        const list = sealed ? ((await codec.open('meta', sealed)) as QuarantinedEvent[]) : [];
        const seen = new Set(list.map((q) => `${q.id} ${q.why}`));
        for (const q of entries) {
          const key = `${q.id} ${q.why}`;
          if (seen.has(key)) continue;
          seen.add(key);
          list.push(q);
        }
        await put(K.quarantine, await codec.seal('meta', list));
      });
    },
    quarantined: async () => {
      const sealed = await get<Sealed>(K.quarantine);
      return sealed ? ((await codec.open('meta', sealed)) as QuarantinedEvent[]) : [];
    },
    releaseQuarantined: async (ids, by, at) => {
      if (ids.length === 0) return;
      const gone = new Set(ids);
      await store.ctx.serial(async () => {
        const sealed = await get<Sealed>(K.quarantine);
        const list = sealed ? ((await codec.open('meta', sealed)) as QuarantinedEvent[]) : [];
        const sealedLog = await get<Sealed>(K.released);
        const log = sealedLog ? ((await codec.open('meta', sealedLog)) as QuarantineRelease[]) : [];
        for (const q of list)
          if (gone.has(q.id)) log.push({ id: q.id, caseId: q.caseId, type: q.type, why: q.why, at, by });
        // The log first: a crash between the two leaves an entry both held and logged, never neither.
        await put(K.released, await codec.seal('meta', log));
        await put(
          K.quarantine,
          await codec.seal(
            'meta',
            list.filter((q) => !gone.has(q.id)),
          ),
        );
      });
    },
    releasedLog: async () => {
      const sealed = await get<Sealed>(K.released);
      return sealed ? ((await codec.open('meta', sealed)) as QuarantineRelease[]) : [];
    },
  };
}
