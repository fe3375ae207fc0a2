/*
 * The timeline's order: events by HLC, except that a correction (or retraction, or resolution) sits
 * right under the entry it corrects, so the old value and the new one are read together.
 */
import type { AuditEntry } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { describeChanges, valuesBefore, ZH_WORDS, type ChangeWords } from './changes';

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

/**
 * What the audit summary leaves out but a reader of the timeline needs: the party a party event is
 * about, and for a correction the old and new values and the reason.
 */
export function eventDetail(
  event: CaseEvent | undefined,
  events: readonly CaseEvent[],
  words: ChangeWords = ZH_WORDS,
): string {
  if (!event) return '';
  const payload = event.payload as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof payload.name === 'string') parts.push(payload.name);
  const changes = payload.changes;
  if (changes && typeof changes === 'object') {
    const id =
      typeof payload.partyId === 'string'
        ? payload.partyId
        : typeof payload.claimId === 'string'
          ? payload.claimId
          : null;
    const before = id ? valuesBefore(events, id, event) : null;
    parts.push(describeChanges(changes as Record<string, unknown>, before, words));
  }
  if (typeof payload.reason === 'string') parts.push(words.reason(payload.reason));
  return parts.join(' · ');
}
