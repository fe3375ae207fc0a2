// evidence.acknowledged: the other party's position (认可 / 不认可 / 有异议) on an item, the latest per
// party kept, unknown items or parties refused as problems; the 证据清单 row shows the opposing side's
// position and whom to ask.
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { parseCaseEvent } from '#shared/events/parse';
import { SAMPLE_IDS as A, SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { inventoryRows } from '../../../../renderer/features/evidence/inventory';
import { fakeDevice } from './builder';

const labels = { claimLabel: () => '请求', collectedOnSite: '仲裁员现场采集', unknownParty: '—' };

function base() {
  const d = fakeDevice(1);
  return {
    d,
    events: [
      d.emit('case.opened', P['case.opened']),
      d.emit('party.added', P['party.added']),
      d.emit('party.added', {
        partyId: A.employer,
        role: 'respondent',
        kind: 'employer',
        name: '某建筑公司',
      }),
      d.emit('evidence.added', { ...P['evidence.added'], submittedByPartyId: A.worker }),
    ],
  };
}

describe('evidence.acknowledged', () => {
  it('records the latest position per party and shows the opposing side in the inventory', () => {
    const { d, events } = base();
    const before = inventoryRows(reduceCase(events), labels)[0];
    expect(before?.acknowledged).toBe('unrecorded');
    expect(before?.otherParty).toEqual({ partyId: A.employer, name: '某建筑公司' });
    const first = d.emit('evidence.acknowledged', {
      evidenceId: A.evidence,
      partyId: A.employer,
      position: 'no',
    });
    const second = d.emit('evidence.acknowledged', {
      evidenceId: A.evidence,
      partyId: A.employer,
      position: 'disputed',
      note: '对真实性有异议',
    });
    const s = reduceCase([...events, first, second]);
    expect(s.problems).toEqual([]);
    expect(s.evidence[0]?.acknowledgements).toEqual([
      {
        partyId: A.employer,
        position: 'disputed',
        note: '对真实性有异议',
        eventId: second.id,
        at: second.at.wall,
      },
    ]);
    const row = inventoryRows(s, labels)[0];
    expect([row?.acknowledged, row?.acknowledgedBy]).toEqual(['disputed', '某建筑公司']);
    // The submitter's own position is not the other party's.
    const own = d.emit('evidence.acknowledged', {
      evidenceId: A.evidence,
      partyId: A.worker,
      position: 'yes',
    });
    expect(inventoryRows(reduceCase([...events, first, second, own]), labels)[0]?.acknowledged).toBe(
      'disputed',
    );
  });

  it('refuses an unknown item or party as a problem, changing nothing', () => {
    const { d, events } = base();
    const s = reduceCase([
      ...events,
      d.emit('evidence.acknowledged', { evidenceId: A.claim, partyId: A.employer, position: 'yes' }),
      d.emit('evidence.acknowledged', { evidenceId: A.evidence, partyId: A.claim, position: 'yes' }),
    ]);
    expect(s.problems.map((p) => p.code)).toEqual(['unknown_evidence', 'unknown_party']);
    expect(s.evidence[0]?.acknowledgements).toBeUndefined();
  });

  it('accepts only the three positions', () => {
    const { d } = base();
    const e = d.emit('evidence.acknowledged', P['evidence.acknowledged']);
    expect(parseCaseEvent(e).ok).toBe(true);
    expect(parseCaseEvent({ ...e, payload: { ...e.payload, position: 'maybe' } }).ok).toBe(false);
  });
});
