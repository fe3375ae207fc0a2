/*
 * Which of the user's roles an event is signed with. The hub judges every event by the role written in
 * its actor (hub/src/sync/permissions.ts, review-rules.ts): assignment and the supervisor's approvals
 * need `supervisor`, every other case event a case-working role. A user may hold several roles
 * (admin + mediator, mediator + supervisor); signing everything with the first one made the hub refuse
 * the events an admin-and-mediator wrote on a case, and a mediator-and-supervisor's approvals.
 */
import type { Role } from '#shared/sync/wire';

/** Event types only a supervisor writes: assignment, and the approvals of domain.md §6. */
export const SUPERVISOR_EVENT_TYPES: ReadonlySet<string> = new Set([
  'case.assigned',
  'case.reassigned',
  'deadline.extended',
  'case.suspended',
  'closure.approved',
  'case.returned',
]);

/** The roles that write case events at all, in the order a multi-role user's ordinary work prefers. */
export const CASE_WORKING_ROLES: readonly Role[] = ['mediator', 'arbitrator', 'clerk', 'supervisor'];

/**
 * The role to sign an event of `type` with: `supervisor` for a supervisor's act when held; otherwise
 * the user's first case-working role other than supervisor (in the user's own order), then supervisor;
 * a user with none keeps their first role, which the hub then refuses by name. null only for a user
 * with no role at all.
 */
export function actorRoleFor(type: string, roles: readonly Role[]): Role | null {
  if (SUPERVISOR_EVENT_TYPES.has(type) && roles.includes('supervisor')) return 'supervisor';
  const working = roles.find((r) => CASE_WORKING_ROLES.includes(r) && r !== 'supervisor');
  if (working) return working;
  if (roles.includes('supervisor')) return 'supervisor';
  return roles[0] ?? null;
}
