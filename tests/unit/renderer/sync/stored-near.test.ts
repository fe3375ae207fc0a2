// storedNear gives the stored events a pulled page must be verified with — same id, or a neighbouring
// chain slot of the same device — reading the slots as ranges of consecutive seqs (slotRuns).
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { slotRuns } from '../../../../renderer/data/outbox';
import { openCase, world, writeNote, type World } from './support';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const ev = (deviceId: string, deviceSeq: number, id = `${deviceId}-${String(deviceSeq)}`): CaseEvent =>
  ({ id, deviceSeq, actor: { deviceId } }) as CaseEvent;

describe('slotRuns', () => {
  it('merges the neighbouring slots of each device into runs of consecutive seqs, positive only', () => {
    expect(slotRuns([ev('a', 1), ev('a', 2), ev('a', 3), ev('b', 7), ev('a', 9), ev('b', 5)])).toEqual([
      ['a', 1, 4],
      ['a', 8, 10],
      ['b', 4, 8],
    ]);
    expect(slotRuns([])).toEqual([]);
  });
});

describe('storedNear', () => {
  it('finds stored events by id and at seq - 1 / seq / seq + 1 of the same device, nothing further', async () => {
    const made = await world();
    w = made;
    const a = await made.laptop('王调解', ['mediator']);
    const caseId = '01930000-0000-7000-8000-0000000000c1';
    await openCase(a, caseId);
    for (let i = 1; i <= 7; i++)
      await writeNote(a, caseId, `01930000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`);
    const r = await a.store.caseEvents(caseId);
    if (!r.ok) throw new Error(r.error.message);
    const stored = [...r.value].sort((x, y) => x.deviceSeq - y.deviceSeq);
    const at = (seq: number): CaseEvent => {
      const e = stored.find((x) => x.deviceSeq === seq);
      if (!e) throw new Error(`no seq ${String(seq)}`);
      return e;
    };
    const device = at(1).actor.deviceId;
    // A new event at seq 3 (another id), one at seq 20 (nothing near), and stored seq 7's id at seq 30.
    const near = await a.local.storedNear([
      { ...at(3), id: '01930000-0000-7000-8000-0000000009f1' },
      { ...at(1), id: '01930000-0000-7000-8000-0000000009f2', deviceSeq: 20 },
      { ...at(7), deviceSeq: 30 },
      ev('another-device', 4),
    ]);
    const found = [...near].sort((x, y) => x.deviceSeq - y.deviceSeq);
    expect(found.map((e) => [e.actor.deviceId, e.deviceSeq])).toEqual([2, 3, 4, 7].map((s) => [device, s]));
  });
});
