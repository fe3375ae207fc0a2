/*
 * Write permission for one event (R21), decided from the case's owner, the caller's visibility and
 * roles. Pure: the caller gathers the facts inside the push transaction.
 *
 * - A new case may be opened by any case-working role; the opener's organisation owns it.
 * - Otherwise the caller must see the case (assigned, or supervisor of an organisation it is granted to).
 * - Only the owning organisation writes non-public events (副卷, 背靠背) and the owner-only types.
 * - Assignment and reassignment are a supervisor's act.
 * - Official numbers (`case.numbered`) are written by the hub only, never pushed.
 */
import type { Role } from '#shared/sync/wire';
import type { CaseRecord, UserRecord } from '../storage/types';

const WORKING_ROLES: readonly Role[] = ['mediator', 'arbitrator', 'clerk', 'supervisor'];
const OWNER_ONLY_TYPES = new Set(['case.accepted', 'case.referred', 'case.closed']);

export type WriteFacts = {
  type: string;
  conf: string;
  role: string;
  user: UserRecord;
  existing: CaseRecord | null;
  canSee: boolean;
};

/** null when allowed, else a short English reason for `detail`. */
export function judgeWrite(f: WriteFacts): string | null {
  if (!(f.user.roles as readonly string[]).includes(f.role)) return `role ${f.role} not held by the user`;
  if (!(WORKING_ROLES as readonly string[]).includes(f.role))
    return `role ${f.role} cannot write case events`;
  if (f.type === 'case.numbered') return 'only the hub writes case.numbered';
  if (!f.existing) return f.type === 'case.opened' ? null : 'unknown case';
  if (f.type === 'case.opened') return 'case already opened';
  if (!f.canSee) return 'case not in your scope';
  const owner = f.existing.ownerOrgId === f.user.orgId;
  if (!owner && f.conf !== 'public') return 'only the owning organisation writes non-public events';
  if (!owner && OWNER_ONLY_TYPES.has(f.type)) return `only the owning organisation may write ${f.type}`;
  if ((f.type === 'case.assigned' || f.type === 'case.reassigned') && f.role !== 'supervisor')
    return 'assignment needs the supervisor role';
  return null;
}
