/* A note correction names the event of the same note it replaces; anything else changes nothing (#6). */
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { fakeDevice } from './builder';

const OTHER_NOTE = '01900000-0000-7000-8000-0000000000f1';

describe('note corrections', () => {
  const d = fakeDevice(1);
  const opened = d.emit('case.opened', P['case.opened']);
  const n1 = d.emit('note.recorded', P['note.recorded']);
  const n2 = d.emit('note.recorded', { ...P['note.recorded'], noteId: OTHER_NOTE });

  it('keeps the reason and the old version, and the timeline knows what was corrected', () => {
    const fix = d.emit('note.recorded', {
      ...P['note.recorded'],
      corrects: n1.id,
      reason: '记错了情绪',
      fields: { emotion: 2 },
    });
    const s = reduceCase([opened, n1, fix]);
    expect(s.notes.map((n) => [n.eventId, n.supersededBy, n.reason ?? null])).toEqual([
      [n1.id, fix.id, null],
      [fix.id, null, '记错了情绪'],
    ]);
    expect(s.audit.at(-1)?.corrects).toBe(n1.id);
  });

  it('refuses a correction that names another note', () => {
    const wrong = d.emit('note.recorded', { ...P['note.recorded'], corrects: n2.id, reason: '误操作' });
    const s = reduceCase([opened, n1, n2, wrong]);
    expect(s.problems.map((p) => [p.code, p.message])).toEqual([
      ['wrong_target', '更正指向的记录不是这条笔记'],
    ]);
    expect(s.notes.map((n) => n.supersededBy)).toEqual([null, null]);
  });
});
