/*
 * The rules a supervisor's review acts must meet (issue #9, domain.md §6): an extension only of a
 * deadline the law lets be extended and within its cap (the award limit: once, ≤ 15 days, Rules Art. 45);
 * a closure approval only of a pending request and never while the case has unresolved conflicts; a
 * (re)assignment only to a known user of the assigning organisation. Pure, so the review screen refuses
 * before signing and the hub refuses the same events on push (hub/src/sync/review-rules.ts).
 */
import { DEADLINE_RULES, type DeadlineRuleId } from '#shared/law/deadline-rules';
import type { CaseEvent } from '#shared/events/envelope';
import type { CaseState } from './state';

export type ReviewRefusalCode =
  | 'extension_not_allowed'
  | 'extension_too_long'
  | 'extension_count'
  | 'closure_unknown_request'
  | 'closure_not_pending'
  | 'closure_in_conflict'
  | 'assignee_unknown'
  | 'assignee_other_org';

/** Why a review act is refused: a code the screen translates, its numbers, and a Chinese message. */
export type ReviewRefusal = {
  code: ReviewRefusalCode;
  message: string;
  /** Numbers for the translated message (e.g. the cap and what is left). */
  params: Readonly<Record<string, number>>;
};

const refuse = (
  code: ReviewRefusalCode,
  message: string,
  params: Readonly<Record<string, number>> = {},
): ReviewRefusal => ({ code, message, params });

/** The legal cap of an extension of `ruleId` (total days, number of extensions), or null if none. */
export function extensionCap(ruleId: DeadlineRuleId): { maxTotalDays: number; maxCount: number } | null {
  const ext = DEADLINE_RULES[ruleId].extension;
  return ext === null ? null : { maxTotalDays: ext.maxTotalDays, maxCount: ext.maxCount };
}

/** An extension of `days` on `ruleId`, given the extensions the case already has. */
export function checkExtension(
  state: Pick<CaseState, 'deadlines'>,
  p: { ruleId: DeadlineRuleId; days: number },
): ReviewRefusal | null {
  const cap = extensionCap(p.ruleId);
  if (cap === null)
    return refuse('extension_not_allowed', `法律没有规定「${DEADLINE_RULES[p.ruleId].nameZh}」可以延长`);
  const earlier = state.deadlines.extensions.filter((x) => x.ruleId === p.ruleId);
  const used = earlier.reduce((sum, x) => sum + x.days, 0);
  if (earlier.length >= cap.maxCount)
    return refuse('extension_count', `该期限已延长过 ${String(earlier.length)} 次，不能再延长`, {
      count: earlier.length,
    });
  const left = cap.maxTotalDays - used;
  if (!Number.isInteger(p.days) || p.days < 1 || p.days > left)
    return refuse(
      'extension_too_long',
      `延长期限不得超过 ${String(cap.maxTotalDays)} 日（还可延长 ${String(Math.max(left, 0))} 日）`,
      { max: cap.maxTotalDays, left: Math.max(left, 0) },
    );
  return null;
}

/** Approving the closure request `requestId`. */
export function checkClosureApproval(
  state: Pick<CaseState, 'closureRequests' | 'inConflict'>,
  requestId: string,
): ReviewRefusal | null {
  const req = state.closureRequests.find((r) => r.requestId === requestId);
  if (req === undefined) return refuse('closure_unknown_request', '没有对应的结案申请');
  if (req.status !== 'pending') return refuse('closure_not_pending', '这份结案申请已经处理过');
  if (state.inConflict) return refuse('closure_in_conflict', '案件有未解决的冲突，先处理冲突再批准结案');
  return null;
}

/** A user as far as (re)assignment needs to know them. */
export type AssigneeCandidate = { userId: string; orgId: string };

/** (Re)assigning to `assigneeId`: a known user of the assigning supervisor's organisation. */
export function checkAssignee(
  lookup: (userId: string) => AssigneeCandidate | null | undefined,
  assigneeId: string,
  actorOrgId: string,
): ReviewRefusal | null {
  const user = lookup(assigneeId);
  if (user === null || user === undefined) return refuse('assignee_unknown', '没有这个用户');
  if (user.orgId !== actorOrgId) return refuse('assignee_other_org', '只能指派给本机构的仲裁员或调解员');
  return null;
}

/**
 * The state-dependent check of one review event against the case as it stands before it: extensions
 * and closure approvals. Other types pass (assignment needs the user directory: `checkAssignee`).
 */
export function checkReviewEvent(state: CaseState, e: CaseEvent): ReviewRefusal | null {
  if (e.type === 'deadline.extended') return checkExtension(state, e.payload);
  if (e.type === 'closure.approved') return checkClosureApproval(state, e.payload.requestId);
  return null;
}
