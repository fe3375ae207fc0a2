import { describe, expect, it } from 'vitest';
import { CASE_KINDS, type CaseKind } from '#shared/domain/case-kinds';
import {
  ARBITRATION_STATUSES,
  INITIAL_STATUS,
  JC_STATUSES,
  MEDIATION_STATUSES,
  canMove,
  isFinished,
  isStatusOf,
  nextStatuses,
  type CaseStatus,
} from '#shared/case/status';

const STATUSES: Record<CaseKind, readonly CaseStatus[]> = {
  mediation: MEDIATION_STATUSES,
  joint: MEDIATION_STATUSES,
  arbitration: ARBITRATION_STATUSES,
  judicial_confirmation: JC_STATUSES,
};

function reachable(kind: CaseKind): Set<CaseStatus> {
  const seen = new Set<CaseStatus>([INITIAL_STATUS[kind]]);
  const queue = [INITIAL_STATUS[kind]];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const n of nextStatuses(kind, s)) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return seen;
}

describe('case state machines (domain.md §2)', () => {
  it.each(CASE_KINDS)('%s: every move targets a status of the same machine', (kind) => {
    for (const s of STATUSES[kind])
      for (const n of nextStatuses(kind, s)) expect(isStatusOf(kind, n)).toBe(true);
  });

  it.each(CASE_KINDS)(
    '%s: every status but draft is reachable from the start, and closed leads to archived',
    (kind) => {
      const r = reachable(kind);
      expect(STATUSES[kind].filter((s) => !r.has(s) && s !== 'draft')).toEqual([]);
      expect(canMove(kind, 'closed', 'archived')).toBe(true);
      expect(nextStatuses(kind, 'archived')).toEqual([]);
    },
  );

  it('follows the paths the spec draws', () => {
    expect(canMove('mediation', 'agreement_signed', 'jc_requested')).toBe(true);
    expect(canMove('mediation', 'jc_requested', 'jc_confirmed')).toBe(true);
    expect(canMove('mediation', 'registered', 'agreement_signed')).toBe(false);
    expect(canMove('arbitration', 'received', 'correction_requested')).toBe(true);
    expect(canMove('arbitration', 'correction_requested', 'received')).toBe(true);
    expect(canMove('arbitration', 'hearing_scheduled', 'postponed')).toBe(true);
    expect(canMove('judicial_confirmation', 'under_review', 'confirmed')).toBe(true);
    expect(isStatusOf('arbitration', 'jc_requested')).toBe(false);
    expect([isFinished('closed'), isFinished('archived'), isFinished('accepted')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
