/*
 * What an accepted event changes besides the log, inside the same transaction: who may see the case
 * (grants), the case facts reports group by, which blobs the case references, and the official case
 * number when a case is accepted. `check` runs before the append so an impossible effect (assigning a
 * user of an unrelated organisation, referring to an unknown one) rejects the event instead.
 */
import { checkAssignee } from '#shared/case/review-rules';
import type { AuthContext } from '../auth/authenticate';
import type { HubContext } from '../context';
import type { Queries } from '../storage/types';
import { assignCaseNumber } from './case-numbers';
import type { CheckedEvent } from './event-checks';
import { assigneesOf, blobHashesOf, caseFactsOf, referralTargetOf } from './payload-facts';

async function check(q: Queries, auth: AuthContext, c: CheckedEvent): Promise<string | null> {
  for (const who of assigneesOf(c.event)) {
    // The rule the review tab applies before signing (shared/case/review-rules.ts), same code and message.
    const user = await q.getUser(who);
    const refusal = checkAssignee(
      () => (user ? { userId: user.id, orgId: user.orgId } : null),
      who,
      auth.user.orgId,
    );
    if (refusal !== null) return `${refusal.code}: ${refusal.message}`;
  }
  const to = referralTargetOf(c.event);
  if (c.event.type === 'case.referred' && (to === null || !(await q.getOrg(to))))
    return 'referral target is not a known organisation';
  return null;
}

async function apply(
  ctx: HubContext,
  q: Queries,
  auth: AuthContext,
  c: CheckedEvent,
  hubSeq: number,
): Promise<void> {
  const e = c.event;
  if (e.type === 'case.opened') {
    await q.createCase({
      caseId: e.caseId,
      ownerOrgId: auth.user.orgId,
      openedSeq: hubSeq,
      openedAt: ctx.clock(),
    });
    await q.grant(e.caseId, 'user', auth.user.id, hubSeq);
    await q.grant(e.caseId, 'org', auth.user.orgId, hubSeq);
  }
  const facts = caseFactsOf(e);
  if (facts) await q.updateCase(e.caseId, facts);
  const team = assigneesOf(e);
  for (const who of team) await q.grant(e.caseId, 'user', who, hubSeq);
  if (team[0] !== undefined) await q.setAssignee(e.caseId, auth.user.orgId, team[0], e.at.hlc);
  const target = referralTargetOf(e);
  if (target !== null) await q.grant(e.caseId, 'org', target, hubSeq);
  for (const sha of blobHashesOf(e))
    await q.addBlobRef({ sha256: sha, eventId: e.id, caseId: e.caseId, conf: e.conf });
  if (e.type === 'case.accepted') await assignCaseNumber(ctx, q, e.caseId, e.at.hlc);
}

export const applyEffects = { check, apply };
