/*
 * Stored case states rebuilt when the reducer changes: a store opened with another projection version
 * finds its states stale and rebuilds every case from the events — identical to a fresh reduce — in
 * batches, resumable after an interruption, with saves going through while it runs.
 */
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/index';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { plainCodec } from '../../../../renderer/data/codec';
import {
  PROJECTION_CURSOR_KEY,
  PROJECTION_VERSION,
  PROJECTION_VERSION_KEY,
} from '../../../../renderer/data/projection-rebuild';
import { buildProjections } from '../../../../renderer/data/projections';
import type { TribunalStore } from '../../../../renderer/data/store';
import { device, enrolled, makeStale, openCases } from './rebuild-harness';

/** Every stored row and state equals what a fresh reduce of the case's events gives. */
async function expectFresh(store: TribunalStore, caseIds: readonly string[]) {
  for (const id of caseIds) {
    const events = await store.caseEvents(id);
    if (!events.ok) throw new Error(events.error.message);
    const fresh = await buildProjections(plainCodec, store.ctx.env, [id], events.value);
    expect(await store.ctx.db.caseStates.get(id)).toEqual(fresh.states[0]);
    expect(await store.ctx.db.cases.get(id)).toEqual(fresh.cases[0]);
    expect(await store.caseState(id)).toEqual(reduceCase(events.value));
  }
}

describe('projection rebuild on a reducer change', () => {
  it('a fresh device is stamped with the current version and has nothing to rebuild', async () => {
    const store = device().open();
    expect(await store.projectionsStale()).toBe(false);
    expect((await store.ctx.db.meta.get(PROJECTION_VERSION_KEY))?.value).toBe(PROJECTION_VERSION);
    store.close();
  });

  it('a device with cases but no version (before versioning) is stale', async () => {
    const d = device();
    const store = d.open();
    await openCases(store, await enrolled(store), ['张三']);
    expect(await store.projectionsStale()).toBe(true);
    store.close();
  });

  it('after a version bump every case is rebuilt, identical to a fresh reduce, with progress', async () => {
    const d = device();
    const v1 = d.open('test-v1');
    expect(await v1.projectionsStale()).toBe(false);
    const ids = await openCases(v1, await enrolled(v1), ['张三', '李四', '王五', '赵六', '钱七']);
    expect(await v1.projectionsStale()).toBe(false);
    await makeStale(v1, ids);
    v1.close();

    const v2 = d.open('test-v2');
    expect(await v2.projectionsStale()).toBe(true);
    expect((await v2.ctx.db.cases.get(ids[0] ?? ''))?.nextDeadline).toBe('0000-00-00');
    expect(await v2.queryCaseIds({ search: '李四' })).toEqual([]);
    const progress: { done: number; total: number }[] = [];
    const r = await v2.rebuildProjections({ batchSize: 2, onProgress: (p) => progress.push(p) });
    expect(r).toEqual({ ok: true, value: { rebuilt: 5, total: 5, resumedAfter: 0, complete: true } });
    expect(progress).toEqual([
      { done: 0, total: 5 },
      { done: 2, total: 5 },
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
    await expectFresh(v2, ids);
    expect(await v2.projectionsStale()).toBe(false);
    expect(await v2.ctx.db.meta.get(PROJECTION_CURSOR_KEY)).toBeUndefined();
    // The caseload's search finds the cases again (their tokens were stale).
    expect(await v2.queryCaseIds({ search: '李四' })).toEqual([ids[1]]);
    v2.close();
  });

  it('an interrupted rebuild resumes after the last committed batch on the next start', async () => {
    const d = device();
    const v1 = d.open('test-v1');
    await v1.projectionsStale();
    const ids = await openCases(v1, await enrolled(v1), ['张三', '李四', '王五']);
    await makeStale(v1, ids);
    v1.close();

    const first = d.open('test-v2');
    const stop = new AbortController();
    const r1 = await first.rebuildProjections({
      batchSize: 1,
      onProgress: (p) => {
        if (p.done === 1) stop.abort();
      },
      signal: stop.signal,
    });
    expect(r1).toEqual({ ok: true, value: { rebuilt: 1, total: 3, resumedAfter: 0, complete: false } });
    first.close(); // the app is closed (or locked) mid-rebuild

    const second = d.open('test-v2');
    expect(await second.projectionsStale()).toBe(true);
    const r2 = await second.rebuildProjections({ batchSize: 1 });
    expect(r2).toEqual({ ok: true, value: { rebuilt: 2, total: 3, resumedAfter: 1, complete: true } });
    await expectFresh(second, ids);
    second.close();
  });

  it('a cursor left by a rebuild to another version is not trusted: it starts over', async () => {
    const d = device();
    const v1 = d.open('test-v1');
    await v1.projectionsStale();
    const ids = await openCases(v1, await enrolled(v1), ['张三', '李四']);
    await makeStale(v1, ids);
    const sorted = [...ids].sort();
    await v1.ctx.db.meta.put({
      key: PROJECTION_CURSOR_KEY,
      value: { target: 'test-v2', after: sorted[0], done: 1 },
    });
    v1.close();
    const v3 = d.open('test-v3');
    const r = await v3.rebuildProjections();
    expect(r).toMatchObject({ ok: true, value: { rebuilt: 2, resumedAfter: 0, complete: true } });
    await expectFresh(v3, ids);
    v3.close();
  });

  it('saves go through while it runs, and their cases end up current', async () => {
    const d = device();
    const v1 = d.open('test-v1');
    await v1.projectionsStale();
    const author = await enrolled(v1);
    const ids = await openCases(v1, author, ['张三', '李四', '王五', '赵六']);
    await makeStale(v1, ids);
    v1.close();

    const v2 = d.open('test-v2');
    const a2 = await enrolled(v2);
    let saved = false;
    const target = ids[0] ?? '';
    const r = await v2.rebuildProjections({
      batchSize: 1,
      pause: async () => {
        if (saved) return;
        saved = true;
        // A user saves between two batches: the write is not blocked by the rebuild.
        const w = await v2.write(a2, [
          {
            caseId: target,
            type: 'party.added',
            payload: {
              ...SAMPLE_PAYLOADS['party.added'],
              partyId: SAMPLE_IDS.employer,
              role: 'respondent',
              kind: 'employer',
              name: '某公司',
            },
          },
        ]);
        if (!w.ok) throw new Error(w.error.message);
      },
    });
    expect(r).toMatchObject({ ok: true, value: { complete: true, total: 4 } });
    expect((await v2.caseState(target))?.parties.map((p) => p.current.name)).toEqual(['张三', '某公司']);
    await expectFresh(v2, ids);
    v2.close();
  });
});
