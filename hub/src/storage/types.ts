/*
 * The hub's one storage interface. Both adapters (SQLite, PostgreSQL) implement it with the same
 * queries over a tiny SQL surface (db.ts); services compose the operations inside `tx` so that an
 * effect and its bookkeeping commit together (R11).
 */
import type { OrgKind, Role } from '#shared/sync/wire';

/** An organisation sharing the hub (arbitration commission, union, court …). */
export type OrgRecord = {
  id: string;
  name: string;
  kind: OrgKind;
  caseNumberPrefix: string;
  createdAt: number;
};
export type UserRecord = { id: string; orgId: string; name: string; roles: Role[]; createdAt: number };
/** An enrolled device; `lastSeq`/`lastHash` are the head of its hash chain on the hub. */
export type DeviceRecord = {
  id: string;
  userId: string;
  name: string;
  publicKeyJwk: string;
  wrappedRecoveryKey: string | null;
  revokedAt: number | null;
  lastSeq: number;
  lastHash: string | null;
  createdAt: number;
};
export type TokenKind = 'access' | 'refresh';
/** Tokens are stored by their SHA-256 only. */
export type TokenRecord = {
  tokenHash: string;
  kind: TokenKind;
  deviceId: string;
  expiresAt: number;
  createdAt: number;
  rotatedAt: number | null;
  replacedBy: string | null;
  revoked: boolean;
};
/** An accepted event as stored: `body` is the exact JSON received. */
export type StoredEvent = {
  hubSeq: number;
  id: string;
  caseId: string;
  deviceId: string;
  deviceSeq: number;
  hash: string;
  type: string;
  conf: string;
  body: string;
};
/** Feed position of a pulled event: max(its hub seq, when the puller got the case). */
export type FeedEvent = StoredEvent & { pos: number };
export type CaseRecord = {
  caseId: string;
  ownerOrgId: string;
  openedSeq: number;
  caseNumber: string | null;
  status: string;
  category: string | null;
  channel: string | null;
  openedAt: number | null;
};
export type BlobRecord = {
  sha256: string;
  length: number | null;
  received: number;
  complete: boolean;
  createdAt: number;
};
/** An organisation's recovery key: the public JWK in plain, the private key only wrapped. */
export type RecoveryKeyRecord = {
  orgId: string;
  publicJwk: string;
  wrappedPrivateKey: string;
  createdAt: number;
};
/** One use of a recovery key (who unwrapped which device's data key, when). */
export type RecoveryAuditRecord = {
  id: string;
  deviceId: string;
  orgId: string;
  action: 'unwrap';
  operator: string;
  at: number;
};
/** One export a user made on a laptop (issue #9), as the hub stores it; `disclosure` is comma-separated. */
export type ExportAuditRow = {
  id: string;
  orgId: string;
  userId: string;
  deviceId: string;
  /** When the laptop made the file (RFC 3339, as recorded there). */
  at: string;
  kind: string;
  format: string;
  file: string;
  rows: number;
  cases: number;
  periodFrom: string | null;
  periodTo: string | null;
  caseId: string | null;
  disclosure: string;
  receivedAt: number;
};
/** A published holiday year (issue #4): `data` is the canonical JSON of the year. */
export type HolidayYearRow = {
  year: number;
  data: string;
  version: number;
  userId: string;
  orgId: string;
  deviceId: string;
  publishedAt: number;
};
/** One publication or replacement of a holiday year, never updated. */
export type HolidayYearAuditRow = {
  id: string;
  year: number;
  action: 'published' | 'replaced';
  version: number;
  data: string;
  previousData: string | null;
  reason: string | null;
  userId: string;
  orgId: string;
  deviceId: string;
  at: number;
};
/** Whose view of a case its stored facts are: the owning organisation's, or another's (public events). */
export type FactsAudience = 'owner' | 'outside';
/** Who is asking: visibility comes from grants to the user, or to the org when a supervisor asks. */
export type Principal = { userId: string; orgId: string; supervisor: boolean };
export type GrantType = 'user' | 'org';
export type CasePatch = Partial<Pick<CaseRecord, 'caseNumber' | 'status' | 'category' | 'channel'>>;

/** Every storage operation; inside `tx` they share one durable transaction. */
export type Queries = {
  createOrg(o: OrgRecord): Promise<void>;
  getOrg(id: string): Promise<OrgRecord | null>;
  listOrgs(): Promise<OrgRecord[]>;
  createUser(u: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  createEnrollmentCode(c: {
    codeHash: string;
    userId: string;
    expiresAt: number;
    createdAt: number;
  }): Promise<void>;
  /** Marks the code used if it exists, is unused and unexpired; returns its user or null. */
  consumeEnrollmentCode(codeHash: string, now: number): Promise<string | null>;
  createDevice(d: DeviceRecord): Promise<void>;
  getDevice(id: string): Promise<DeviceRecord | null>;
  listDevices(userId: string): Promise<DeviceRecord[]>;
  revokeDevice(id: string, now: number): Promise<boolean>;
  insertToken(t: TokenRecord): Promise<void>;
  getToken(tokenHash: string): Promise<TokenRecord | null>;
  markTokenRotated(tokenHash: string, now: number, replacedBy: string): Promise<void>;
  revokeToken(tokenHash: string): Promise<void>;
  findEvent(id: string): Promise<StoredEvent | null>;
  /** Every stored event of one case, in hub order (state-dependent push checks reduce them). */
  caseEvents(caseId: string): Promise<StoredEvent[]>;
  /** Appends with the next hub sequence number and moves the device's chain head. */
  appendEvent(e: Omit<StoredEvent, 'hubSeq'>, receivedAt: number): Promise<number>;
  lastHubSeq(): Promise<number>;
  pull(p: Principal, after: { pos: number; seq: number }, limit: number): Promise<FeedEvent[]>;
  getCase(caseId: string): Promise<CaseRecord | null>;
  createCase(c: { caseId: string; ownerOrgId: string; openedSeq: number; openedAt: number }): Promise<void>;
  updateCase(caseId: string, patch: CasePatch): Promise<void>;
  /** Sets an organisation's handler of a case unless an assignment with a later HLC is recorded. */
  setAssignee(caseId: string, orgId: string, userId: string, hlc: string): Promise<void>;
  /** The organisation's current handler of the case, or null. */
  getAssignee(caseId: string, orgId: string): Promise<string | null>;
  grant(caseId: string, type: GrantType, principalId: string, seq: number): Promise<void>;
  canSee(caseId: string, p: Principal): Promise<boolean>;
  visibleCases(p: Principal): Promise<CaseRecord[]>;
  /** Next gapless number for (org, year); call only inside `tx`. */
  nextCaseNumber(orgId: string, year: number): Promise<number>;
  addBlobRef(r: { sha256: string; eventId: string; caseId: string; conf: string }): Promise<void>;
  blobRefs(sha256: string): Promise<{ caseId: string; conf: string }[]>;
  getBlob(sha256: string): Promise<BlobRecord | null>;
  putBlob(b: BlobRecord): Promise<void>;
  deleteBlob(sha256: string): Promise<void>;
  /** Stores an organisation's recovery key once; false if it already has one. */
  putRecoveryKey(r: RecoveryKeyRecord): Promise<boolean>;
  getRecoveryKey(orgId: string): Promise<RecoveryKeyRecord | null>;
  setWrappedRecoveryKey(deviceId: string, wrapped: string): Promise<void>;
  addRecoveryAudit(r: RecoveryAuditRecord): Promise<void>;
  listRecoveryAudit(deviceId: string): Promise<RecoveryAuditRecord[]>;
  /** Every user of one organisation, by name (the org directory, issue #9). */
  listOrgUsers(orgId: string): Promise<UserRecord[]>;
  /** Stores one export audit row; false when its id is already stored. */
  addExportAudit(r: ExportAuditRow): Promise<boolean>;
  getExportAudit(id: string): Promise<ExportAuditRow | null>;
  /** Newest first: the organisation's rows, or only `userId`'s when given. */
  listExportAudit(orgId: string, userId: string | null, limit: number): Promise<ExportAuditRow[]>;
  /** Stores a case's facts for one audience (JSON of shared/stats CaseFacts, or 'null'). */
  putCaseFacts(caseId: string, audience: FactsAudience, facts: string): Promise<void>;
  /**
   * Every case visible to `p` with the facts of the audience `p` belongs to (owner when `p` is of the
   * owning organisation, else outside); `facts` null when no row is stored yet.
   */
  visibleCaseFacts(
    p: Principal,
  ): Promise<{ caseId: string; audience: FactsAudience; facts: string | null }[]>;
  /** Holiday years published by administrators (issue #4, migration 007). */
  getHolidayYear(year: number): Promise<HolidayYearRow | null>;
  listHolidayYears(): Promise<HolidayYearRow[]>;
  putHolidayYear(y: HolidayYearRow): Promise<void>;
  addHolidayYearAudit(a: HolidayYearAuditRow): Promise<void>;
  /** Newest first; one year's rows, or every year's when `year` is null. */
  listHolidayYearAudit(year: number | null): Promise<HolidayYearAuditRow[]>;
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;
  // Set-at-a-time operations of the push path (batch-queries.ts), a few statements per request.
  /** id, hash and hub seq of the stored events among `ids`. */
  findEventHeads(ids: readonly string[]): Promise<{ id: string; hash: string; hubSeq: number }[]>;
  getCases(caseIds: readonly string[]): Promise<CaseRecord[]>;
  /** The cases among `caseIds` that `p` sees (the same grants as `canSee`). */
  visibleAmong(caseIds: readonly string[], p: Principal): Promise<string[]>;
  /** Every stored event of these cases, in hub order. */
  caseEventsOf(caseIds: readonly string[]): Promise<StoredEvent[]>;
  /** Inserts events with the hub seqs they carry; the device head is set apart (`setDeviceHead`). */
  appendEvents(events: readonly (StoredEvent & { receivedAt: number })[]): Promise<void>;
  setDeviceHead(deviceId: string, seq: number, hash: string): Promise<void>;
  createCases(cases: readonly NewCase[]): Promise<void>;
  /** Grants in order; an existing (case, type, principal) grant is kept as it is. */
  grantMany(grants: readonly NewGrant[]): Promise<void>;
  addBlobRefs(
    refs: readonly { sha256: string; eventId: string; caseId: string; conf: string }[],
  ): Promise<void>;
  /** Upserts facts rows; at most one row per (case, audience). */
  putCaseFactsMany(
    rows: readonly { caseId: string; audience: FactsAudience; facts: string }[],
  ): Promise<void>;
};

/** A case opened by a push, with the report facts its opening (and later events of the batch) set. */
export type NewCase = {
  caseId: string;
  ownerOrgId: string;
  openedSeq: number;
  openedAt: number;
  status: string;
  category: string | null;
  channel: string | null;
};
export type NewGrant = { caseId: string; type: GrantType; principalId: string; seq: number };

export type Storage = {
  kind: 'sqlite' | 'postgres';
  /** Reads and single-statement writes. */
  q: Queries;
  /** One serialized durable transaction; resolves only after COMMIT. */
  tx<T>(fn: (q: Queries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};
