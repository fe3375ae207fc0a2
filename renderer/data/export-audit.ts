/*
 * The export audit trail (issue #9 item 4): who exported which file from this laptop, when, what kind
 * (KPI table, caseload, workbook, yearbook, element sheet) in which format, with how many rows and cases,
 * for which period or case, and what the file discloses. Kept sealed by the codec in the meta table,
 * appended in the store's write queue so two exports at once never lose one. Each record has a UUID;
 * after a sync the unsent ones go to the hub (POST /v1/audit/exports, renderer/sync/org-sync.ts) and are
 * marked with the time the hub confirmed them. Unsent records are never dropped to keep the trail short.
 */
import type { DisclosureItem, ExportFormat, ExportKind } from '#shared/sync/wire-org';
import type { Sealed } from './codec';
import type { DataContext } from './event-store';

export type ExportRecord = {
  /** UUID, the hub's key for the record; null for a record from before the trail was synced (kept local). */
  id: string | null;
  /** RFC 3339 UTC. */
  at: string;
  userId: string;
  userName: string;
  kind: ExportKind;
  format: ExportFormat;
  file: string;
  rows: number;
  cases: number;
  /** The period the figures cover, or null (an element sheet is of one case). */
  period: { from: string; to: string } | null;
  caseId: string | null;
  disclosure: DisclosureItem[];
  /** When the hub confirmed it (RFC 3339); null while not sent. */
  sentAt: string | null;
};

/** A new record as the export screen makes it. */
export type NewExportRecord = Omit<ExportRecord, 'sentAt' | 'id'> & { id: string };

const KEY = 'audit.exports';
/** Records the hub already confirmed beyond this many (newest kept) are dropped from the laptop. */
export const EXPORT_AUDIT_LIMIT = 1000;

const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' && v !== null && 'v' in v && 'alg' in v && 'data' in v;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A stored entry, including the first version's shape (`format: 'print'`, `period: 'a..b'`, no id). */
function normalise(v: unknown): ExportRecord | null {
  if (!isObj(v)) return null;
  if (typeof v['kind'] === 'string' && Array.isArray(v['disclosure'])) return v as ExportRecord;
  const format = s(v['format']);
  const [from, to] = s(v['period']).split('..');
  const file = s(v['file']);
  return {
    id: null,
    at: s(v['at']),
    userId: s(v['userId']),
    userName: s(v['userName']),
    kind:
      format === 'print'
        ? 'yearbook'
        : format === 'xlsx'
          ? 'workbook'
          : file.includes('指标')
            ? 'kpi_table'
            : 'caseload',
    format: format === 'print' ? 'pdf' : format === 'xlsx' ? 'xlsx' : 'csv',
    file,
    rows: n(v['rows']),
    cases: 0,
    period: from !== undefined && to !== undefined && from !== '' ? { from, to } : null,
    caseId: null,
    disclosure: ['aggregate_counts'],
    sentAt: null,
  };
}

async function load(ctx: DataContext): Promise<ExportRecord[]> {
  const row = await ctx.db.meta.get(KEY);
  const value = isSealed(row?.value) ? await ctx.codec.open('meta', row.value) : row?.value;
  return Array.isArray(value) ? value.map(normalise).filter((r) => r !== null) : [];
}

/** The trail to keep: confirmed (or local-only) records beyond `limit` go, oldest first; unsent ones stay. */
export function pruneTrail(list: readonly ExportRecord[], limit = EXPORT_AUDIT_LIMIT): ExportRecord[] {
  const done = list.filter((r) => r.sentAt !== null || r.id === null);
  const dropped = new Set(done.slice(0, Math.max(0, done.length - limit)));
  return list.filter((r) => !dropped.has(r));
}

async function save(ctx: DataContext, list: readonly ExportRecord[]): Promise<void> {
  await ctx.db.meta.put({ key: KEY, value: await ctx.codec.seal('meta', pruneTrail(list)) });
}

/** The trail, oldest first. */
export const exportAudit = (ctx: DataContext): Promise<ExportRecord[]> => load(ctx);

export function recordExport(ctx: DataContext, r: NewExportRecord): Promise<void> {
  return ctx.serial(async () => {
    await save(ctx, [...(await load(ctx)), { ...r, sentAt: null }]);
  });
}

/** Records with an id the hub has not confirmed yet, oldest first. */
export async function unsentExports(ctx: DataContext): Promise<ExportRecord[]> {
  return (await load(ctx)).filter((r) => r.id !== null && r.sentAt === null);
}

/** Marks the records the hub confirmed. */
export function markExportsSent(ctx: DataContext, ids: readonly string[], at: string): Promise<void> {
  const done = new Set(ids);
  return ctx.serial(async () => {
    const list = await load(ctx);
    await save(
      ctx,
      list.map((r) => (r.id !== null && r.sentAt === null && done.has(r.id) ? { ...r, sentAt: at } : r)),
    );
  });
}
