/*
 * The review rules of issue #9 as pure functions: the extension cap of the deadline table (the award
 * limit once, ≤ 15 days; no extension of a deadline the law does not let be extended), closure approval
 * only of a pending request of a case without open conflicts, assignees of the assigning organisation.
 */
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import {
  checkAssignee,
  checkClosureApproval,
  checkExtension,
  checkReviewEvent,
  extensionCap,
} from '#shared/case/review-rules';
import { SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { fakeDevice } from './builder';

const REQ = '0190a000-0000-7000-8000-00000000abcd';

describe('review rules', () => {
  it('caps the award extension at 15 days, once', () => {
    expect(extensionCap('awardTimeLimit')).toEqual({ maxTotalDays: 15, maxCount: 1 });
    const d = fakeDevice(1, 'arbitrator');
    const open = reduceCase([d.emit('case.opened', P['case.opened'])]);
    expect(checkExtension(open, { ruleId: 'awardTimeLimit', days: 15 })).toBeNull();
    expect(checkExtension(open, { ruleId: 'awardTimeLimit', days: 16 })).toMatchObject({
      code: 'extension_too_long',
      params: { max: 15, left: 15 },
    });
    expect(checkExtension(open, { ruleId: 'awardTimeLimit', days: 0 })?.code).toBe('extension_too_long');
    expect(checkExtension(open, { ruleId: 'mediationPeriod', days: 3 })?.code).toBe('extension_not_allowed');
    const sup = fakeDevice(2, 'supervisor');
    sup.advance(60_000);
    const extended = reduceCase([
      d.emit('case.opened', P['case.opened']),
      sup.emit('deadline.extended', { ruleId: 'awardTimeLimit', days: 10, reason: '案情复杂' }),
    ]);
    expect(checkExtension(extended, { ruleId: 'awardTimeLimit', days: 5 })).toMatchObject({
      code: 'extension_count',
      params: { count: 1 },
    });
  });

  it('approves only a pending closure request of a case without open conflicts', () => {
    const d = fakeDevice(1, 'arbitrator');
    const sup = fakeDevice(2, 'supervisor');
    sup.advance(60_000);
    const base = [
      d.emit('case.opened', P['case.opened']),
      d.emit('closure.requested', { ...P['closure.requested'], requestId: REQ }),
    ];
    const pending = reduceCase(base);
    expect(checkClosureApproval(pending, REQ)).toBeNull();
    expect(checkClosureApproval(pending, '0190a000-0000-7000-8000-0000000000ff')?.code).toBe(
      'closure_unknown_request',
    );
    const approval = sup.emit('closure.approved', { requestId: REQ });
    expect(checkReviewEvent(pending, approval)).toBeNull();
    expect(checkClosureApproval(reduceCase([...base, approval]), REQ)?.code).toBe('closure_not_pending');
    const conflicted = reduceCase([
      ...base,
      d.emit('case.closed', { ...P['case.closed'], summary: '一' }),
      d.emit('case.closed', { ...P['case.closed'], closureType: 'withdrawn', summary: '二' }),
    ]);
    expect(conflicted.inConflict).toBe(true);
    expect(checkReviewEvent(conflicted, approval)).toMatchObject({ code: 'closure_in_conflict' });
  });

  it('assigns only to known users of the same organisation', () => {
    const users = new Map([
      ['u-arb', { userId: 'u-arb', orgId: 'org-a' }],
      ['u-union', { userId: 'u-union', orgId: 'org-b' }],
    ]);
    const lookup = (id: string) => users.get(id);
    expect(checkAssignee(lookup, 'u-arb', 'org-a')).toBeNull();
    expect(checkAssignee(lookup, 'u-union', 'org-a')?.code).toBe('assignee_other_org');
    expect(checkAssignee(lookup, 'nobody', 'org-a')?.code).toBe('assignee_unknown');
  });
});
