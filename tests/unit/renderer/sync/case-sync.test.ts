// The per-case sync states of the sync page: conflict before rejected before waiting before synced, a
// discarded refusal no longer counts, and waiting reads 同步中 only while a run is pushing.
import { describe, expect, it } from 'vitest';
import { emptyCaseState, type CaseState } from '#shared/case/state';
import type { CaseEvent } from '#shared/events/envelope';
import type { PendingEvent } from '../../../../renderer/data/outbox';
import { caseSyncLines, overallSync } from '../../../../renderer/features/sync/case-sync';

const kase = (id: string, temp: string, inConflict = false): CaseState => ({
  ...emptyCaseState(),
  caseId: id,
  inConflict,
  numbers: { temporary: temp, official: null, history: [] },
});
const pend = (caseId: string, extra: Partial<PendingEvent> = {}): PendingEvent => ({
  event: { caseId } as CaseEvent,
  attempts: 0,
  ...extra,
});

describe('caseSyncLines', () => {
  const cases = [
    kase('a', '临-1'),
    kase('b', '临-2'),
    kase('c', '临-3', true),
    kase('d', '临-4'),
    kase('e', '临-5'),
  ];
  const pending = [pend('a'), pend('a'), pend('b', { lastError: 'chain_gap' })];
  const setAside = [
    pend('d', { setAside: true, lastError: 'forbidden' }),
    pend('e', {
      setAside: true,
      lastError: 'forbidden',
      decision: { kind: 'discarded', at: 1, by: 'x', note: 'y' },
    }),
  ];

  it('orders and words each case', () => {
    expect(
      caseSyncLines(cases, pending, setAside, false).map((l) => [l.label, l.kind, l.waiting, l.refused]),
    ).toEqual([
      ['临-3', 'conflict', 0, 0],
      ['临-2', 'rejected', 1, 1],
      ['临-4', 'rejected', 0, 1],
      ['临-1', 'saved-local', 2, 0],
      ['临-5', 'synced', 0, 0],
    ]);
  });

  it('says syncing for waiting cases while a run pushes', () => {
    expect(caseSyncLines(cases, pending, setAside, true).find((l) => l.caseId === 'a')?.kind).toBe('syncing');
  });

  it('sums the device up as its most pressing state', () => {
    expect(overallSync(caseSyncLines(cases, pending, setAside, false))).toEqual({
      kind: 'conflict',
      cases: 1,
      waiting: 3,
    });
    const calm = [kase('a', '临-1'), kase('b', '临-2')];
    expect(overallSync(caseSyncLines(calm, [pend('a')], [], false))).toEqual({
      kind: 'saved-local',
      cases: 1,
      waiting: 1,
    });
    expect(overallSync(caseSyncLines(calm, [pend('a')], [], true))).toEqual({
      kind: 'syncing',
      cases: 1,
      waiting: 1,
    });
    expect(overallSync(caseSyncLines(calm, [], [setAside[0] ?? pend('x')], false)).kind).toBe('synced');
    expect(overallSync([])).toEqual({ kind: 'synced', cases: 0, waiting: 0 });
  });
});
