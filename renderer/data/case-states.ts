/*
 * Reading every stored case state (dashboard, review, sync page) row by row: a state that does not open
 * (tampered, sealed with another key, damaged) is named by its case id and reason, and the others are
 * still returned — one bad row never fails the whole read (#8, like the caseload's `unreadable` rows).
 */
import type { CaseState } from '#shared/case/index';
import type { DataContext } from './event-store';
import type { UnreadableReason } from './projections';
import { unreadableReason } from './queries';

/** A stored case state that did not open: which case, and why (the codec's SealError code). */
export type UnreadableCaseState = { caseId: string; reason: UnreadableReason; message: string };

/** The states that opened, in the table's order, and each one that did not. */
export type CaseStateList = CaseState[] & { readonly unreadable: readonly UnreadableCaseState[] };

export async function readAllCaseStates(ctx: DataContext): Promise<CaseStateList> {
  const rows = await ctx.db.caseStates.toArray();
  const opened = await Promise.all(
    rows.map(async (r) => {
      try {
        return { ok: true as const, state: (await ctx.codec.open('caseStates', r.body)) as CaseState };
      } catch (e) {
        const bad: UnreadableCaseState = {
          caseId: r.id,
          reason: unreadableReason(e),
          message: e instanceof Error ? e.message : String(e),
        };
        return { ok: false as const, bad };
      }
    }),
  );
  const states: CaseState[] = [];
  const unreadable: UnreadableCaseState[] = [];
  for (const o of opened) {
    if (o.ok) states.push(o.state);
    else unreadable.push(o.bad);
  }
  return Object.assign(states, { unreadable });
}
