/* The device clock is committed with the events it stamped (one strict transaction per save) and restored on reopen. */
import { describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { ENROLLMENT, harness } from './store-harness';

describe('writer clock', () => {
  it('stores the clock with the events and a reopened store stamps after them', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const author = await h.store.author();
    if (!author) throw new Error('not enrolled');
    const caseId = h.store.newId();
    const r = await h.store.write(author, [
      { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    expect((await h.store.ctx.db.meta.get('device.hlc'))?.value).toEqual(author.hlc.serialize());

    const again = h.reopen();
    const next = await again.author();
    if (!next) throw new Error('not enrolled');
    const w = await again.write(next, [
      { caseId, type: 'note.recorded', payload: SAMPLE_PAYLOADS['note.recorded'] },
    ]);
    if (!w.ok) throw new Error(w.error.message);
    const [first] = r.value;
    const [second] = w.value;
    expect(first && second && second.at.hlc > first.at.hlc).toBe(true);
  });

  it('a write the journal refused leaves the stored clock as it was', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const author = await h.store.author();
    if (!author) throw new Error('not enrolled');
    h.journal.append = () =>
      Promise.resolve({ ok: false, error: { code: 'disk_full', message: '磁盘已满' } });
    const r = await h.store.write(author, [
      { caseId: h.store.newId(), type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    ]);
    expect(r.ok).toBe(false);
    expect(await h.store.ctx.db.meta.get('device.hlc')).toBeUndefined();
  });
});
