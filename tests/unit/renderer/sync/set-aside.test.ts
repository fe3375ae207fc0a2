// Setting a refused event aside on the laptop: the later events are re-linked from its place and
// re-signed (a valid chain without it), it stays in the log and the outbox marked with the reason, the
// next write extends the new head, and a recovery from the journal brings back the re-linked versions.
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { importPublicKeyJwk } from '#shared/events/signing';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { verifyEventLog } from '#shared/events/verify';
import { createSyncLocal } from '../../../../renderer/data/outbox';
import type { TribunalStore } from '../../../../renderer/data/store';
import { ENROLLMENT, harness } from '../data/store-harness';

const CASE_A = '01930000-0000-7000-8000-0000000000c1';

async function chain(store: TribunalStore): Promise<CaseEvent[]> {
  const r = await store.caseEvents(CASE_A);
  if (!r.ok) throw new Error(r.error.message);
  return [...r.value].sort((a, b) => a.deviceSeq - b.deviceSeq);
}

describe('set aside', () => {
  it('re-links the later events, keeps the refused one, and survives a recovery from the journal', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const author = await h.store.author();
    if (!author) throw new Error('no author');
    const note = (noteId: string) => ({
      caseId: CASE_A,
      type: 'note.recorded' as const,
      payload: { ...SAMPLE_PAYLOADS['note.recorded'], noteId },
    });
    const w = await h.store.write(author, [
      { caseId: CASE_A, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
      { caseId: CASE_A, type: 'case.numbered', payload: SAMPLE_PAYLOADS['case.numbered'] },
      note('01930000-0000-7000-8000-000000000101'),
      note('01930000-0000-7000-8000-000000000102'),
    ]);
    if (!w.ok) throw new Error('write failed');
    const [opened, refused, n1, n2] = w.value;
    if (!opened || !refused || !n1 || !n2) throw new Error('four events expected');
    const local = createSyncLocal(h.store);

    const r = await local.setAside(refused.id, 'forbidden: only the hub numbers cases');
    expect(r.ok && r.value).toEqual({ relinked: 2 });
    const events = await chain(h.store);
    const relinked = events.filter((e) => e.type === 'note.recorded');
    expect(relinked.map((e) => [e.id, e.deviceSeq])).toEqual([
      [n1.id, 2],
      [n2.id, 3],
    ]);
    expect(relinked[0]?.prev).toBe(opened.hash);
    expect(relinked[0]?.payload).toEqual(n1.payload);
    const key = await importPublicKeyJwk(await h.store.publicKeyJwk());
    if (!key) throw new Error('no key');
    const keys = new Map([[ENROLLMENT.deviceId, key]]);
    expect((await verifyEventLog([opened, ...relinked], keys)).ok).toBe(true);
    // The refused event is still in the case's log, unchanged.
    expect(events.find((e) => e.id === refused.id)).toEqual(refused);
    expect((await local.pending(10)).map((p) => [p.event.id, p.lastError])).toEqual([
      [opened.id, undefined],
      [n1.id, undefined],
      [n2.id, undefined],
    ]);
    expect((await local.setAsideList()).map((p) => [p.event.id, p.lastError])).toEqual([
      [refused.id, 'forbidden: only the hub numbers cases'],
    ]);
    // Setting it aside twice changes nothing.
    expect((await local.setAside(refused.id, 'forbidden')).ok).toBe(true);
    expect((await chain(h.store)).filter((e) => e.type === 'note.recorded').map((e) => e.deviceSeq)).toEqual([
      2, 3,
    ]);

    const next = await h.store.write(author, [note('01930000-0000-7000-8000-000000000103')]);
    expect(next.ok && next.value[0]?.deviceSeq).toBe(4);
    expect(next.ok && next.value[0]?.prev).toBe(relinked[1]?.hash);

    const fresh = h.reopen({ freshDb: true });
    await fresh.saveEnrollment(ENROLLMENT);
    expect((await fresh.recover()).ok).toBe(true);
    const back = await chain(fresh);
    expect(back.filter((e) => e.type === 'note.recorded').map((e) => [e.id, e.deviceSeq])).toEqual([
      [n1.id, 2],
      [n2.id, 3],
      [next.ok ? next.value[0]?.id : '', 4],
    ]);
    fresh.close();
  });
});
