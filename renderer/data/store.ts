/*
 * The data layer's one face to the rest of the renderer: open the database, recover from the journal,
 * write events as the enrolled user, and read cases. Screens reach it through renderer/app/data-provider
 * hooks; nothing outside renderer/data sees Dexie.
 */
import type { CaseState } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { createHlc } from '#shared/events/hlc';
import { ROLES, type Role } from '#shared/domain/organisation';
import type { HolidayCalendar } from '#shared/law/calendar';
import type { CaseFacts } from '#shared/stats/index';
import { createUuidV7 } from '#shared/util/ids';
import type { Result } from '#shared/util/result';
import type { Codec } from './codec';
import { readAllCaseStates, type CaseStateList, type UnreadableCaseState } from './case-states';
import { openTribunalDb } from './db';
import {
  ensureDeviceKeys,
  loadEnrollment,
  loadTempSeq,
  META_KEYS,
  saveEnrollment,
  temporaryCaseNumber,
  type Enrollment,
} from './device';
import {
  appendEvents,
  createDataContext,
  readCaseEvents,
  type DataContext,
  type DataError,
} from './event-store';
import { allCaseFacts } from './case-facts';
import { assigneeIds } from './handler-groups';
import {
  exportAudit,
  markExportsSent,
  recordExport,
  unsentExports,
  type ExportRecord,
  type NewExportRecord,
} from './export-audit';
import { orgDirectory, saveOrgDirectory, type OrgDirectory } from './org-directory';
import type { JournalPort } from './journal';
import { localDrafts, type LocalDrafts } from './local-drafts';
import {
  projectionsStale,
  rebuildProjections,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildReport,
} from './projection-rebuild';
import {
  caseSummaries,
  countCases,
  pendingCaseIds,
  queryCaseIds,
  queryCasePage,
  type CasePage,
  type CaseQuery,
  type PendingCases,
} from './queries';
import { recoverFromJournal, type RecoveryReport } from './recovery';
import type { CaseSummary } from './projections';
import { writeEvents, type Author, type Draft, type WriteError } from './writer';

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
export type StoreOptions = {
  dbName: string;
  codec: Codec;
  journal: JournalPort;
  calendar: HolidayCalendar;
  now?: () => number;
  /** Today in China time (YYYY-MM-DD); defaults from `now`. */
  today?: () => string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  newId?: () => string;
  /** The projection version this build makes (tests pass another to simulate a reducer change). */
  projectionVersion?: string;
};

export type TribunalStore = {
  readonly ctx: DataContext;
  readonly today: () => string;
  readonly newId: () => string;
  /** Puts back whatever IndexedDB lost from the journal (run once at start). */
  recover(): Promise<Result<RecoveryReport, DataError>>;
  /** The enrolled user writing on this device, or null before enrollment. */
  author(): Promise<Author | null>;
  enrollment(): Promise<Enrollment | undefined>;
  saveEnrollment(e: Enrollment): Promise<void>;
  /** This device's public key (created on first call), for enrollment. */
  publicKeyJwk(): Promise<JsonWebKey>;
  write(author: Author, drafts: readonly Draft[]): Promise<Result<CaseEvent[], WriteError>>;
  /** The next temporary case number of this device (临-<device>-<seq>); never handed out twice. */
  nextTempNumber(author: Author): Promise<string>;
  /** Events that arrived from the hub (no journal-free shortcut: they are journalled too, never queued). */
  receive(events: readonly CaseEvent[]): Promise<Result<{ stored: string[]; skipped: string[] }, DataError>>;
  caseEvents(caseId: string): Promise<Result<CaseEvent[], DataError>>;
  caseState(caseId: string): Promise<CaseState | null>;
  /**
   * Every stored case state that opens; one that does not (tampered, another key, damaged) is named in
   * `.unreadable` with its case id and reason instead of failing the whole read (#8).
   */
  allCaseStates(): Promise<CaseStateList>;
  queryCaseIds(q: Omit<CaseQuery, 'today'>): Promise<string[]>;
  /** The statistics' facts of every stored case (migration 006): what the dashboard reads (#9). */
  allCaseFacts(): Promise<CaseFacts[]>;
  /** One window of the caseload (sorted by next deadline); the total too when it came free. */
  queryCasePage(q: Omit<CaseQuery, 'today'>, offset: number, limit: number): Promise<CasePage>;
  countCases(q: Omit<CaseQuery, 'today'>): Promise<number>;
  summaries(ids: readonly string[]): Promise<CaseSummary[]>;
  /** Cases with events not yet acknowledged by the hub (and those the hub refused an event of). */
  pendingCaseIds(): Promise<PendingCases>;
  /** Distinct assignees of the stored cases ('' = unassigned), for grouping the caseload by handler. */
  assigneeIds(): Promise<string[]>;
  /** Appends to the export audit trail (who exported which file, when, what it discloses). */
  recordExport(r: NewExportRecord): Promise<void>;
  exportAudit(): Promise<ExportRecord[]>;
  /** Export records the hub has not confirmed yet, and marking the confirmed ones (sync). */
  unsentExports(): Promise<ExportRecord[]>;
  markExportsSent(ids: readonly string[], at: string): Promise<void>;
  /** The users of this laptop's organisation from the last sync, or null before one. */
  orgDirectory(): Promise<OrgDirectory | null>;
  saveOrgDirectory(d: OrgDirectory): Promise<void>;
  /** Work not yet recorded (a transcript typed during a hearing), sealed by the codec, kept on this device. */
  readonly drafts: LocalDrafts;
  /** Whether the stored case states were made by another reducer version (then rebuild them). */
  projectionsStale(): Promise<boolean>;
  /** Rebuilds every stored case state from the events in the background; resumes an interrupted run. */
  rebuildProjections(o?: Omit<RebuildOptions, 'version'>): Promise<Result<RebuildReport, DataError>>;
  close(): void;
};

const CHINA_OFFSET_MS = 8 * 3600_000;
export const chinaToday = (now: number): string => new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export function openStore(o: StoreOptions): TribunalStore {
  const now = o.now ?? (() => Date.now());
  const today = o.today ?? (() => chinaToday(now()));
  const newId = o.newId ?? createUuidV7(now);
  const db = openTribunalDb(o.dbName, {
    ...(o.indexedDB ? { indexedDB: o.indexedDB } : {}),
    ...(o.IDBKeyRange ? { IDBKeyRange: o.IDBKeyRange } : {}),
  });
  const ctx = createDataContext({
    db,
    codec: o.codec,
    journal: o.journal,
    now,
    env: { calendar: o.calendar, today },
  });
  let cachedAuthor: Author | null = null;

  const author = async (): Promise<Author | null> => {
    if (cachedAuthor) return cachedAuthor;
    const enrollment = await loadEnrollment(db);
    if (!enrollment) return null;
    const keys = await ensureDeviceKeys(db);
    const hlc = createHlc({ now, nodeId: enrollment.deviceId, maxDriftMs: 5 * 60_000 });
    const saved = (await db.meta.get('device.hlc'))?.value as { ms: number; counter: number } | undefined;
    if (saved) hlc.restore(saved);
    cachedAuthor = {
      userId: enrollment.userId,
      deviceId: enrollment.deviceId,
      orgId: enrollment.orgId,
      role: (enrollment.roles[0] ?? 'mediator') as Role,
      roles: enrollment.roles.filter(isRole),
      privateKey: keys.privateKey,
      hlc,
      newId,
    };
    return cachedAuthor;
  };

  return {
    ctx,
    today,
    newId,
    recover: () => recoverFromJournal(ctx),
    author,
    enrollment: () => loadEnrollment(db),
    saveEnrollment: async (e) => {
      await saveEnrollment(db, e);
      cachedAuthor = null;
    },
    publicKeyJwk: async () => (await ensureDeviceKeys(db)).publicJwk,
    write: (a, drafts) => writeEvents(ctx, a, drafts),
    nextTempNumber: (a) =>
      ctx.serial(async () => {
        const seq = (await loadTempSeq(db)) + 1;
        await db.meta.put({ key: META_KEYS.TEMP_SEQ, value: seq });
        return temporaryCaseNumber(a.deviceId, seq);
      }),
    receive: (events) => appendEvents(ctx, events, { outbox: false }),
    caseEvents: (caseId) => readCaseEvents(ctx, caseId),
    caseState: async (caseId) => {
      const row = await db.caseStates.get(caseId);
      return row ? ((await o.codec.open('caseStates', row.body)) as CaseState) : null;
    },
    allCaseStates: () => readAllCaseStates(ctx),
    allCaseFacts: () => allCaseFacts(ctx),
    queryCaseIds: (q) => queryCaseIds(ctx, { ...q, today: today() }),
    queryCasePage: (q, offset, limit) => queryCasePage(ctx, { ...q, today: today() }, offset, limit),
    countCases: (q) => countCases(ctx, { ...q, today: today() }),
    summaries: (ids) => caseSummaries(ctx, ids),
    pendingCaseIds: () => pendingCaseIds(ctx),
    assigneeIds: () => assigneeIds(ctx),
    recordExport: (r) => recordExport(ctx, r),
    exportAudit: () => exportAudit(ctx),
    unsentExports: () => unsentExports(ctx),
    markExportsSent: (ids, at) => markExportsSent(ctx, ids, at),
    orgDirectory: () => orgDirectory(ctx),
    saveOrgDirectory: (d) => saveOrgDirectory(ctx, d),
    drafts: localDrafts(ctx),
    projectionsStale: () => projectionsStale(ctx, o.projectionVersion),
    rebuildProjections: (r) =>
      rebuildProjections(ctx, {
        ...r,
        ...(o.projectionVersion === undefined ? {} : { version: o.projectionVersion }),
      }),
    close: () => {
      db.close();
    },
  };
}

export type {
  LocalDrafts,
  RebuildReport,
  RebuildProgress,
  ExportRecord,
  NewExportRecord,
  OrgDirectory,
  Author,
  Draft,
  WriteError,
  CaseQuery,
  CasePage,
  CaseSummary,
  CaseStateList,
  UnreadableCaseState,
  PendingCases,
  Enrollment,
  RecoveryReport,
  DataError,
};
