/* A case state stored by the reducer before #6 reads with the fields #6 added (shared/case/upgrade.ts). */
import { describe, expect, it } from 'vitest';
import { caseDeadlines } from '#shared/case/case-deadlines';
import { reduceCase } from '#shared/case/reduce';
import { upgradeCaseState, type StoredCaseState } from '#shared/case/upgrade';
import { sessionTranscript } from '#shared/documents/transcript';
import { SAMPLE_IDS as A, SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { fakeDevice } from './builder';

/** The state as the old reducer stored it: the same data without the #6 fields. */
function storedBefore6(): StoredCaseState {
  const d = fakeDevice(1);
  const s = reduceCase([
    d.emit('case.opened', P['case.opened']),
    d.emit('evidence.added', P['evidence.added']),
    d.emit('session.held', P['session.held']),
    d.emit('payment.recorded', { ...P['payment.recorded'], proofSha256: P['evidence.added'].sha256 }),
  ]);
  const without = <T extends object>(o: T, key: string): T =>
    Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as T;
  return {
    ...without(s, 'transcriptTexts'),
    deadlines: without(s.deadlines, 'met'),
    payments: s.payments.map((p) => without(without(p, 'evidenceIds'), 'conf')),
  };
}

describe('upgradeCaseState', () => {
  it('fills what #6 added so the screens can read an old stored state', () => {
    const up = upgradeCaseState(storedBefore6());
    expect(up.transcriptTexts).toEqual([]);
    expect(up.deadlines.met).toEqual([]);
    expect(up.payments.map((p) => [p.evidenceIds, p.conf])).toEqual([[[A.evidence], 'public']]);
    const cal = bundledHolidayCalendar();
    if (!cal.ok) throw new Error('calendar');
    expect(caseDeadlines(up, cal.value, '2026-11-29').map((x) => x.ruleId)).toEqual(['mediationPeriod']);
    expect(sessionTranscript(up, A.session)).toBeNull();
  });

  it('leaves a current state as it is', () => {
    const d = fakeDevice(2);
    const s = reduceCase([d.emit('case.opened', P['case.opened'])]);
    expect(upgradeCaseState(s)).toEqual(s);
  });
});
