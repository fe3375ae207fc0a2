/*
 * Hub API v1 additions of issue #9 (hub/README.md): the organisation directory (GET /v1/org/users) and
 * the central export audit (POST/GET /v1/audit/exports). Kept apart from wire.ts so the sync contract's
 * own file stays as the protocol describes it; the hub parses requests and the client parses answers
 * with these schemas.
 */
import { z } from 'zod';
import { ORG_KINDS, ROLES } from './wire';

/** One user of the caller's organisation, as much as reassignment and reports need. */
export const orgUserSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().max(100),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
});
export type OrgUser = z.infer<typeof orgUserSchema>;

export const orgUsersResponseSchema = z.object({
  org: z.object({ id: z.string(), name: z.string(), kind: z.enum(ORG_KINDS) }),
  users: z.array(orgUserSchema),
  hubTime: z.string(),
});
export type OrgUsersResponse = z.infer<typeof orgUsersResponseSchema>;

/** What an export file is. */
export const EXPORT_KINDS = ['kpi_table', 'caseload', 'workbook', 'yearbook', 'element_sheet'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The disclosure of an export: which kinds of data the file contains (never caucus-private or internal
 * records: no export may contain them, so there is no value for them).
 */
export const DISCLOSURE_ITEMS = [
  'aggregate_counts',
  'aggregate_amounts',
  'case_list',
  'handler_names',
  'party_names',
  'masked_id_numbers',
  'employment_facts',
  'claims',
] as const;
export type DisclosureItem = (typeof DISCLOSURE_ITEMS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One export as the laptop recorded it; who and from which device the hub takes from the token. */
export const exportAuditEntrySchema = z.strictObject({
  id: z.string().regex(UUID),
  at: z.iso.datetime(),
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
  file: z.string().trim().min(1).max(255),
  rows: z.number().int().min(0).max(10_000_000),
  cases: z.number().int().min(0).max(10_000_000),
  period: z.strictObject({ from: z.string().regex(DAY), to: z.string().regex(DAY) }).nullable(),
  /** The one case of a per-case export (element sheet), else null. */
  caseId: z.string().min(1).max(64).nullable(),
  disclosure: z.array(z.enum(DISCLOSURE_ITEMS)).min(1).max(DISCLOSURE_ITEMS.length),
});
export type ExportAuditEntry = z.infer<typeof exportAuditEntrySchema>;

export const EXPORT_AUDIT_MAX_BATCH = 200;

export const exportAuditPushSchema = z.strictObject({
  entries: z.array(exportAuditEntrySchema).min(1).max(EXPORT_AUDIT_MAX_BATCH),
});
export type ExportAuditPush = z.infer<typeof exportAuditPushSchema>;

export const exportAuditPushResponseSchema = z.object({
  /** Ids stored now or already stored earlier by this user (a retry after a lost answer). */
  stored: z.array(z.string()),
  hubTime: z.string(),
});
export type ExportAuditPushResponse = z.infer<typeof exportAuditPushResponseSchema>;

/** A stored audit record as a supervisor reads it. */
export const exportAuditRecordSchema = exportAuditEntrySchema.extend({
  userId: z.string(),
  userName: z.string(),
  deviceId: z.string(),
  receivedAt: z.string(),
});
export type ExportAuditRecord = z.infer<typeof exportAuditRecordSchema>;

export const exportAuditListResponseSchema = z.object({
  records: z.array(exportAuditRecordSchema),
  hubTime: z.string(),
});
