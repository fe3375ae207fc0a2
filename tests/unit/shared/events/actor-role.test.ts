/* Which role an event is signed with when the user holds several (the hub judges the signed role). */
import { describe, expect, it } from 'vitest';
import { actorRoleFor, SUPERVISOR_EVENT_TYPES } from '#shared/events/actor-role';
import { SUPERVISOR_REVIEW_TYPES } from '../../../../hub/src/sync/review-rules';

describe('actorRoleFor', () => {
  it("signs ordinary case work with a working role, never admin, in the user's own order", () => {
    expect(actorRoleFor('case.opened', ['admin', 'mediator'])).toBe('mediator');
    expect(actorRoleFor('note.added', ['arbitrator', 'mediator'])).toBe('arbitrator');
    expect(actorRoleFor('claim.added', ['supervisor', 'clerk'])).toBe('clerk');
    expect(actorRoleFor('claim.added', ['admin', 'supervisor'])).toBe('supervisor');
  });

  it("signs a supervisor's act as supervisor when the user holds it, else with the working role", () => {
    expect(actorRoleFor('case.reassigned', ['mediator', 'supervisor'])).toBe('supervisor');
    expect(actorRoleFor('deadline.extended', ['admin', 'mediator', 'supervisor'])).toBe('supervisor');
    expect(actorRoleFor('closure.approved', ['mediator'])).toBe('mediator');
  });

  it('keeps the only role of a user without a working one (the hub refuses it by name), null without roles', () => {
    expect(actorRoleFor('case.opened', ['admin'])).toBe('admin');
    expect(actorRoleFor('case.opened', [])).toBeNull();
  });

  it('covers every type the hub reserves for supervisors', () => {
    for (const t of SUPERVISOR_REVIEW_TYPES) expect(SUPERVISOR_EVENT_TYPES.has(t)).toBe(true);
    expect(SUPERVISOR_EVENT_TYPES.has('case.assigned')).toBe(true);
    expect(SUPERVISOR_EVENT_TYPES.has('case.reassigned')).toBe(true);
  });
});
