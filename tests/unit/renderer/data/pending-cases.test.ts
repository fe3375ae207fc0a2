/* Which cases still have events the hub has not acknowledged (the caseload's sync column), from the outbox. */
import { describe, expect, it } from 'vitest';
import { createTestDevice } from '#shared/events/testing';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { createSyncLocal } from '../../../../renderer/data/outbox';
import type { Author, TribunalStore } from '../../../../renderer/data/store';
import { ENROLLMENT, harness } from './store-harness';

async function enrolled(store: TribunalStore): Promise<Author> {
  await store.saveEnrollment(ENROLLMENT);
  const a = await store.author();
  if (!a) throw new Error('no author after enrollment');
  return a;
}

async function openCase(store: TribunalStore, author: Author): Promise<{ caseId: string; ids: string[] }> {
  const caseId = store.newId();
  const r = await store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return { caseId, ids: r.value.map((e) => e.id) };
}

const sorted = (s: ReadonlySet<string>): string[] => [...s].sort();

describe('pendingCaseIds', () => {
  it('names every case with an event not yet acknowledged, and no other', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const a = await openCase(store, author);
    const b = await openCase(store, author);
    expect(sorted((await store.pendingCaseIds()).pending)).toEqual([a.caseId, b.caseId].sort());

    const local = createSyncLocal(store);
    await local.acknowledge(a.ids);
    const after = await store.pendingCaseIds();
    expect(sorted(after.pending)).toEqual([b.caseId]);
    expect(after.refused.size).toBe(0);
  });

  it('a refused event keeps its case pending and marks it refused', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const a = await openCase(store, author);
    const [first] = a.ids;
    if (!first) throw new Error('no event');
    await createSyncLocal(store).recordRejection(first, 'chain_gap');
    const p = await store.pendingCaseIds();
    expect(sorted(p.pending)).toEqual([a.caseId]);
    expect(sorted(p.refused)).toEqual([a.caseId]);
  });

  it('a case that only came from the hub is not pending', async () => {
    const { store } = harness();
    await enrolled(store);
    const other = await createTestDevice({
      deviceId: '01900000-0000-7000-8000-0000000000d2',
      userId: '01900000-0000-7000-8000-0000000000e2',
      orgId: ENROLLMENT.orgId,
      role: 'mediator',
    });
    const caseId = store.newId();
    const got = await store.receive([
      await other.emit(caseId, 'case.opened', SAMPLE_PAYLOADS['case.opened']),
    ]);
    expect(got.ok).toBe(true);
    const p = await store.pendingCaseIds();
    expect(p.pending.has(caseId)).toBe(false);
    expect(await store.queryCaseIds({})).toEqual([caseId]);
  });
});
