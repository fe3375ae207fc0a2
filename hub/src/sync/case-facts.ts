/*
 * The stored per-case facts of the KPI report (migration 006): reduced from the case's stored events with
 * the same reducer and the same shared/stats caseFacts the laptops' dashboard uses — all events for the
 * owning organisation's view, public events only for another organisation's — so the report reads one
 * row per visible case. Refreshed once per case per push request, inside its transaction.
 */
import { reduceCase } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { caseFacts } from '#shared/stats/index';
import type { FactsAudience, Queries } from '../storage/types';

/** Both audiences' facts (JSON) of a case from its events in hub order. */
function factsOf(all: readonly CaseEvent[]): Record<FactsAudience, string> {
  const owner = JSON.stringify(all.length === 0 ? null : caseFacts(reduceCase(all)));
  const publicOnly = all.filter((e) => e.conf === 'public');
  const outside = JSON.stringify(publicOnly.length === 0 ? null : caseFacts(reduceCase(publicOnly)));
  return { owner, outside };
}

/** Recomputes and stores both audiences' facts of one case; answers them (JSON). */
export async function refreshCaseFacts(q: Queries, caseId: string): Promise<Record<FactsAudience, string>> {
  // Bodies were fully validated (schema, hash, signature) when they were pushed.
  const all = (await q.caseEvents(caseId)).map((row) => JSON.parse(row.body) as CaseEvent);
  const { owner, outside } = factsOf(all);
  await q.putCaseFacts(caseId, 'owner', owner);
  await q.putCaseFacts(caseId, 'outside', outside);
  return { owner, outside };
}

/**
 * `refreshCaseFacts` for the cases a push touched, set-at-a-time: one read of their events and one
 * multi-row upsert (the same rows as refreshing each case alone).
 */
export async function refreshCaseFactsOf(q: Queries, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const byCase = new Map<string, CaseEvent[]>(caseIds.map((id) => [id, []]));
  // Bodies were fully validated (schema, hash, signature) when they were pushed.
  for (const row of await q.caseEventsOf([...byCase.keys()]))
    byCase.get(row.caseId)?.push(JSON.parse(row.body) as CaseEvent);
  const rows: { caseId: string; audience: FactsAudience; facts: string }[] = [];
  for (const [caseId, all] of byCase) {
    const { owner, outside } = factsOf(all);
    rows.push({ caseId, audience: 'owner', facts: owner }, { caseId, audience: 'outside', facts: outside });
  }
  await q.putCaseFactsMany(rows);
}
