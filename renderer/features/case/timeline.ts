/*
 * The timeline's order: events by HLC, except that a correction (or retraction, or resolution) sits
 * right under the entry it corrects, so the old value and the new one are read together.
 */
import type { AuditEntry } from '#shared/case/index';

export type TimelineLine = { entry: AuditEntry; depth: number; correctsSummary: string | null };

export function timelineLines(audit: readonly AuditEntry[]): TimelineLine[] {
  const byId = new Map(audit.map((a) => [a.eventId, a]));
  const children = new Map<string, AuditEntry[]>();
  const roots: AuditEntry[] = [];
  for (const a of audit) {
    if (a.corrects !== null && byId.has(a.corrects)) {
      const list = children.get(a.corrects) ?? [];
      list.push(a);
      children.set(a.corrects, list);
    } else roots.push(a);
  }
  const out: TimelineLine[] = [];
  const visit = (a: AuditEntry, depth: number) => {
    const target = a.corrects === null ? null : (byId.get(a.corrects) ?? null);
    out.push({ entry: a, depth, correctsSummary: target ? target.summary : a.corrects });
    for (const c of children.get(a.eventId) ?? []) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  return out;
}

/** A payload value as text (strings as they are, the rest as JSON). */
export const showValue = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

/**
 * What the audit summary leaves out but a reader of the timeline needs: the party a party event is
 * about, and for a correction the new values and the reason (the old ones are on the corrected line).
 */
export function eventDetail(payload: Record<string, unknown> | undefined): string {
  if (!payload) return '';
  const parts: string[] = [];
  if (typeof payload.name === 'string') parts.push(payload.name);
  const changes = payload.changes;
  if (changes && typeof changes === 'object')
    parts.push(
      Object.entries(changes)
        .map(([k, v]) => `${k} = ${showValue(v)}`)
        .join('，'),
    );
  if (typeof payload.reason === 'string') parts.push(`理由：${payload.reason}`);
  return parts.join(' · ');
}
