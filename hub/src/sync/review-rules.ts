/*
 * The review rules of issue #9 on push: the supervisor's acts need the supervisor role (domain.md §6:
 * approving an extension, a suspension (中止, Rules Art. 47), a closure; sending a case back), and the
 * state-dependent ones are judged by the same pure validators the review screen uses
 * (shared/case/review-rules.ts) over the case reduced from its stored events — an extension beyond the
 * legal cap, or a closure approval while the case has unresolved conflicts, is refused as `forbidden`.
 * Every refusal's `detail` starts with a machine-readable code (`supervisor_required`, or a
 * ReviewRefusalCode), then `: ` and the Chinese message.
 */
import { reduceCase } from '#shared/case/index';
import { checkReviewEvent } from '#shared/case/review-rules';
import type { CaseEvent } from '#shared/events/envelope';
import type { Queries } from '../storage/types';
import type { WireEvent } from './event-lib';

/** Event types only a supervisor writes (approvals and sending back). */
export const SUPERVISOR_REVIEW_TYPES: ReadonlySet<string> = new Set([
  'deadline.extended',
  'case.suspended',
  'closure.approved',
  'case.returned',
]);

/** Types judged over the case reduced from its stored events (the push path flushes its batch first). */
export const STATEFUL_REVIEW_TYPES: ReadonlySet<string> = new Set(['deadline.extended', 'closure.approved']);

const APPROVAL_ZH: Readonly<Record<string, string>> = {
  'deadline.extended': '延长审理期限',
  'case.suspended': '中止审理',
  'closure.approved': '结案审批',
  'case.returned': '退回补充',
};

/** null when allowed, else `<code>: <message>` for `detail`. */
export async function judgeReview(q: Queries, e: WireEvent): Promise<string | null> {
  if (SUPERVISOR_REVIEW_TYPES.has(e.type) && e.actor.role !== 'supervisor')
    return `supervisor_required: ${APPROVAL_ZH[e.type] ?? e.type}须由主管（supervisor 角色）审批（${e.type} needs the supervisor role）`;
  if (!STATEFUL_REVIEW_TYPES.has(e.type)) return null;
  // Bodies were fully validated (schema, hash, signature) when they were pushed.
  const events = (await q.caseEvents(e.caseId)).map((row) => JSON.parse(row.body) as CaseEvent);
  const refusal = checkReviewEvent(reduceCase(events), e);
  return refusal === null ? null : `${refusal.code}: ${refusal.message}`;
}
