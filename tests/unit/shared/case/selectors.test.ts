import { describe, expect, it } from 'vitest';
import { isMainFile, notesFor } from '#shared/case/selectors';
import { reduceCase } from '#shared/case/reduce';
import { SAMPLE_IDS, SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { fakeDevice } from './builder';

describe('notesFor', () => {
  const d = fakeDevice(1);
  const opened = d.emit('case.opened', P['case.opened']);
  const n1 = d.emit('note.recorded', P['note.recorded']);
  const n2 = d.emit(
    'note.recorded',
    { ...P['note.recorded'], noteId: SAMPLE_IDS.event, stage: 3 },
    {
      conf: `caucus:${SAMPLE_IDS.worker}`,
    },
  );
  const n3 = d.emit('note.recorded', { ...P['note.recorded'], corrects: n1.id, fields: { emotion: 1 } });
  const n4 = d.emit(
    'note.recorded',
    { ...P['note.recorded'], noteId: SAMPLE_IDS.request, method: 'four_step', stage: 2 },
    {
      conf: 'internal',
    },
  );
  const s = reduceCase([opened, n1, n2, n3, n4]);
  const ids = (xs: { eventId: string }[]) => xs.map((x) => x.eventId);

  it('filters by method, stage and confidentiality, current versions by default', () => {
    expect(ids(notesFor(s))).toEqual([n2.id, n3.id, n4.id]);
    expect(ids(notesFor(s, { withSuperseded: true }))).toEqual([n1.id, n2.id, n3.id, n4.id]);
    expect(ids(notesFor(s, { method: 'five_heart', stage: 1 }))).toEqual([n3.id]);
    expect(ids(notesFor(s, { conf: 'caucus' }))).toEqual([n2.id]);
    expect(ids(notesFor(s, { conf: 'internal' }))).toEqual([n4.id]);
    expect(ids(notesFor(s, { conf: 'public' }))).toEqual([n3.id]);
  });

  it('keeps internal and caucus items out of the main file', () => {
    expect([isMainFile('public'), isMainFile('internal'), isMainFile(`caucus:${SAMPLE_IDS.worker}`)]).toEqual(
      [true, false, false],
    );
  });
});
