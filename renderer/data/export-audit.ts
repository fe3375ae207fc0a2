/*
 * The export audit trail (issue #9 item 4): who exported which statistics file from this laptop, when,
 * with how many rows and for which period. Kept in the meta table (the newest 1,000 entries), appended
 * in the store's write queue so two exports at once never lose one.
 */
import type { DataContext } from './event-store';

export type ExportRecord = {
  /** RFC 3339 UTC. */
  at: string;
  userId: string;
  userName: string;
  file: string;
  format: 'csv' | 'xlsx' | 'print';
  rows: number;
  /** The period the figures cover, `YYYY-MM-DD..YYYY-MM-DD`. */
  period: string;
};

const KEY = 'audit.exports';
export const EXPORT_AUDIT_LIMIT = 1000;

export async function exportAudit(ctx: DataContext): Promise<ExportRecord[]> {
  const row = await ctx.db.meta.get(KEY);
  return Array.isArray(row?.value) ? (row.value as ExportRecord[]) : [];
}

export function recordExport(ctx: DataContext, r: ExportRecord): Promise<void> {
  return ctx.serial(async () => {
    const list = [...(await exportAudit(ctx)), r].slice(-EXPORT_AUDIT_LIMIT);
    await ctx.db.meta.put({ key: KEY, value: list });
  });
}
