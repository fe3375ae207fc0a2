import { describe, expect, it } from 'vitest';
import { verifyEventLog } from '#shared/events/verify';
import { importPublicKeyJwk } from '#shared/events/signing';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { Author, TribunalStore } from '../../../../renderer/data/store';
import { createTestDevice } from '#shared/events/testing';
import { ENROLLMENT, harness } from './store-harness';

async function enrolled(store: TribunalStore): Promise<Author> {
  await store.saveEnrollment(ENROLLMENT);
  const a = await store.author();
  if (!a) throw new Error('no author after enrollment');
  return a;
}

async function openCase(store: TribunalStore, author: Author, workerName = '张三') {
  const caseId = store.newId();
  const r = await store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    {
      caseId,
      type: 'party.added',
      payload: {
        ...SAMPLE_PAYLOADS['party.added'],
        partyId: SAMPLE_IDS.worker,
        role: 'applicant',
        kind: 'worker',
        name: workerName,
        idNumber: '420802199001011234',
      },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return { caseId, events: r.value };
}

describe('the data store', () => {
  it('has no author before enrollment and refuses nothing silently', async () => {
    const { store } = harness();
    expect(await store.author()).toBeNull();
  });

  it('writes signed events in one device chain and projects the case', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const { caseId, events } = await openCase(store, author);
    expect(events.map((e) => e.deviceSeq)).toEqual([1, 2]);
    expect(events[1]?.prev).toBe(events[0]?.hash);
    const key = await importPublicKeyJwk(await store.publicKeyJwk());
    if (!key) throw new Error('public key did not import');
    const report = await verifyEventLog(events, new Map([[ENROLLMENT.deviceId, key]]));
    expect(report.issues).toEqual([]);
    const state = await store.caseState(caseId);
    expect(state?.parties.map((p) => p.current.name)).toEqual(['张三']);
    const [summary] = await store.summaries([caseId]);
    expect(summary).toMatchObject({ caseId, applicants: ['张三'], temporary: true, number: '临-A1B2-1' });
    expect(await store.ctx.db.outbox.count()).toBe(2);
  });

  it('a second write continues the chain from the stored head', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    await openCase(store, author);
    const { events } = await openCase(store, author, '李四');
    expect(events.map((e) => e.deviceSeq)).toEqual([3, 4]);
  });

  it('hands out temporary case numbers in sequence, never twice', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const numbers = await Promise.all([store.nextTempNumber(author), store.nextTempNumber(author)]);
    expect(numbers).toEqual(['临-0000D1-0001', '临-0000D1-0002']);
  });

  it('refuses an invalid draft whole: nothing of the batch is stored', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const caseId = store.newId();
    const r = await store.write(author, [
      { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
      { caseId, type: 'party.added', payload: { ...SAMPLE_PAYLOADS['party.added'], name: '' } },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_event');
    expect(await store.ctx.db.events.count()).toBe(0);
  });

  it('receiving events already stored skips them and never overwrites', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const { events } = await openCase(store, author);
    const again = await store.receive(events);
    expect(again.ok && again.value).toEqual({ stored: [], skipped: events.map((e) => e.id) });
    expect(await store.ctx.db.events.count()).toBe(2);
  });

  it('finds cases by name prefix, ID tail and temporary number; sorts by next deadline', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const a = await openCase(store, author, '张三');
    const b = await openCase(store, author, '李四');
    expect(await store.queryCaseIds({ search: '张' })).toEqual([a.caseId]);
    expect(await store.queryCaseIds({ search: '1234' })).toHaveLength(2);
    expect(await store.queryCaseIds({ search: '王五' })).toEqual([]);
    expect((await store.queryCaseIds({})).sort()).toEqual([a.caseId, b.caseId].sort());
    expect(await store.queryCaseIds({ statuses: ['closed'] })).toEqual([]);
  });

  it('deleting the whole IndexedDB database loses nothing: every event comes back from the journal', async () => {
    const h = harness();
    const author = await enrolled(h.store);
    const a = await openCase(h.store, author, '张三');
    const b = await openCase(h.store, author, '李四');
    const before = await h.store.caseState(a.caseId);
    const fresh = h.reopen({ freshDb: true });
    expect(await fresh.ctx.db.events.count()).toBe(0);
    await fresh.saveEnrollment(ENROLLMENT); // the enrollment is restored before the events
    const report = await fresh.recover();
    expect(report.ok && report.value).toEqual({
      journalled: 4,
      restored: 4,
      unreadable: [],
      rejournalled: 0,
    });
    expect(await fresh.caseState(a.caseId)).toEqual(before);
    expect((await fresh.caseState(b.caseId))?.parties[0]?.current.name).toBe('李四');
    // Restored events are queued again: the hub answers "duplicate" for what it already has.
    expect(await fresh.ctx.db.outbox.count()).toBe(4);
  });

  it('recovery never queues events that came from other devices for pushing', async () => {
    const h = harness();
    await enrolled(h.store);
    const other = await createTestDevice({
      deviceId: '01900000-0000-7000-8000-0000000000d2',
      userId: '01900000-0000-7000-8000-0000000000e2',
      orgId: ENROLLMENT.orgId,
      role: 'mediator',
    });
    const caseId = h.store.newId();
    const foreign = await other.emit(caseId, 'case.opened', SAMPLE_PAYLOADS['case.opened']);
    const got = await h.store.receive([foreign]);
    expect(got.ok && got.value.stored).toEqual([foreign.id]);
    expect(await h.store.ctx.db.outbox.count()).toBe(0);
    const fresh = h.reopen({ freshDb: true });
    await fresh.saveEnrollment(ENROLLMENT);
    const report = await fresh.recover();
    expect(report.ok && report.value.restored).toBe(1);
    expect(await fresh.ctx.db.outbox.count()).toBe(0);
    expect((await fresh.caseState(caseId))?.caseId).toBe(caseId);
  });

  it('recovery skips a torn or foreign journal line and names its line number', async () => {
    const h = harness();
    const author = await enrolled(h.store);
    await openCase(h.store, author);
    h.journal.lines.push('{"v":1,"alg":"none","data":{"not":"an event"}}', '{torn');
    const fresh = h.reopen({ freshDb: true });
    const report = await fresh.recover();
    expect(report.ok && report.value).toEqual({
      journalled: 4,
      restored: 2,
      unreadable: [3, 4],
      rejournalled: 0,
    });
  });

  it('a journal that cannot be written leaves IndexedDB untouched and says why', async () => {
    const h = harness();
    const author = await enrolled(h.store);
    h.journal.append = () =>
      Promise.resolve({ ok: false, error: { code: 'disk_full', message: '磁盘已满' } });
    const caseId = h.store.newId();
    const r = await h.store.write(author, [
      { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'journal_failed', message: '磁盘已满' });
    expect(await h.store.ctx.db.events.count()).toBe(0);
  });
});
