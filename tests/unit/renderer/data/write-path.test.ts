/*
 * The save path's shortcuts (#4 part 7) change nothing a reader can see: the journal append runs while
 * the transaction commits but a save resolves only after both; the events and chain head kept in memory
 * after a write give the same projection and chain as reading IndexedDB, and any other change to the
 * events table (the outbox re-linking after a refusal, a row put directly) drops them.
 */
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { verifyEventLog } from '#shared/events/verify';
import { importPublicKeyJwk } from '#shared/events/signing';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { JournalPort } from '../../../../renderer/data/journal';
import type { Author, TribunalStore } from '../../../../renderer/data/store';
import { ENROLLMENT, harness } from './store-harness';

async function enrolled(store: TribunalStore): Promise<Author> {
  await store.saveEnrollment(ENROLLMENT);
  const a = await store.author();
  if (!a) throw new Error('no author after enrollment');
  return a;
}

async function openCase(store: TribunalStore, author: Author): Promise<string> {
  const caseId = store.newId();
  const r = await store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    {
      caseId,
      type: 'party.added',
      payload: { ...SAMPLE_PAYLOADS['party.added'], partyId: SAMPLE_IDS.worker, name: '张三' },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return caseId;
}

const note = (caseId: string, i: number, noteId: string) => ({
  caseId,
  type: 'note.recorded' as const,
  payload: {
    noteId,
    method: 'five_heart' as const,
    stage: 1 + (i % 5),
    fields: {},
    text: `第${String(i)}次记录`,
  },
});

/** Every stored event of the case, read from IndexedDB (not the cache). */
async function fromDb(store: TribunalStore, caseId: string): Promise<CaseEvent[]> {
  const r = await store.caseEvents(caseId);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the save path', () => {
  it('projects from the remembered events exactly what a full re-read and reduce gives', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const caseId = await openCase(store, author);
    const other = await openCase(store, author);
    for (let i = 0; i < 30; i++) {
      // Interleave cases and corrections so the cache is used, evicted and refilled.
      const target = i % 4 === 3 ? other : caseId;
      const drafts =
        i % 5 === 4
          ? [
              {
                caseId: target,
                type: 'party.corrected' as const,
                payload: {
                  corrects:
                    (await store.caseState(target))?.parties[0]?.history.at(-1)?.eventId ??
                    (await store.caseState(target))?.parties[0]?.eventId ??
                    '',
                  partyId: SAMPLE_IDS.worker,
                  changes: { phone: `1390013${String(9000 + i)}` },
                  reason: '换号',
                },
              },
            ]
          : [note(target, i, store.newId())];
      const r = await store.write(author, drafts);
      expect(r.ok).toBe(true);
    }
    for (const id of [caseId, other]) {
      const stored = await store.caseState(id);
      expect(stored).toEqual(reduceCase(await fromDb(store, id)));
    }
    expect((await store.caseState(caseId))?.parties[0]?.history.length).toBeGreaterThan(0);
    const key = await importPublicKeyJwk(await store.publicKeyJwk());
    if (!key) throw new Error('no key');
    const all = [...(await fromDb(store, caseId)), ...(await fromDb(store, other))];
    expect((await verifyEventLog(all, new Map([[ENROLLMENT.deviceId, key]]))).issues).toEqual([]);
  });

  it('drops what it remembered when the events table changes under it', async () => {
    const { store } = harness();
    const author = await enrolled(store);
    const caseId = await openCase(store, author);
    expect((await store.write(author, [note(caseId, 1, store.newId())])).ok).toBe(true);
    // Someone else (as the outbox does after a refusal) rewrites a stored row: here the party's name.
    const [opened, added] = await fromDb(store, caseId);
    if (!opened || added?.type !== 'party.added') throw new Error('fixture');
    const row = await store.ctx.db.events.get(added.id);
    if (!row) throw new Error('row');
    const renamed = { ...added, payload: { ...added.payload, name: '张叁' } };
    await store.ctx.db.events.put({ ...row, body: await store.ctx.codec.seal('events', renamed) });
    expect((await store.write(author, [note(caseId, 2, store.newId())])).ok).toBe(true);
    expect((await store.caseState(caseId))?.parties[0]?.current.name).toBe('张叁');
    // And the chain continues from the head as stored, not as remembered.
    const last = await store.ctx.db.events.orderBy('[deviceId+deviceSeq]').last();
    if (!last) throw new Error('last');
    const lastEvent = (await store.ctx.codec.open('events', last.body)) as CaseEvent;
    const moved = { ...lastEvent, deviceSeq: 99, hash: 'f'.repeat(64) };
    await store.ctx.db.events.put({
      ...last,
      deviceSeq: 99,
      body: await store.ctx.codec.seal('events', moved),
    });
    const next = await store.write(author, [note(caseId, 3, store.newId())]);
    expect(next.ok && next.value[0]?.deviceSeq).toBe(100);
    expect(next.ok && next.value[0]?.prev).toBe('f'.repeat(64));
  });

  it('writes the journal while the transaction commits, and says saved only after both', async () => {
    const h = harness();
    const author = await enrolled(h.store);
    const caseId = await openCase(h.store, author);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow: JournalPort = {
      append: async (lines) => {
        await gate;
        return h.journal.append(lines);
      },
      readAll: () => h.journal.readAll(),
    };
    h.store.ctx.journal = slow;
    let settled = false;
    const saving = h.store.write(author, [note(caseId, 1, h.store.newId())]).then((r) => {
      settled = true;
      return r;
    });
    // The transaction commits while the journal append is still pending…
    for (let i = 0; i < 50 && (await h.store.ctx.db.events.count()) < 3; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(await h.store.ctx.db.events.count()).toBe(3);
    // …but the save is not acknowledged until the journal line is durable too.
    expect(settled).toBe(false);
    release();
    const r = await saving;
    expect(r.ok).toBe(true);
    expect(h.journal.lines).toHaveLength(3);
  });

  it('journals at start what IndexedDB committed but the journal never got (closed between the two)', async () => {
    const h = harness();
    const author = await enrolled(h.store);
    const caseId = await openCase(h.store, author);
    const real = h.store.ctx.journal;
    // The app dies after the transaction committed, before the journal line was written.
    h.store.ctx.journal = { append: () => new Promise(() => undefined), readAll: () => real.readAll() };
    void h.store.write(author, [note(caseId, 1, h.store.newId())]);
    for (let i = 0; i < 50 && (await h.store.ctx.db.events.count()) < 3; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(h.journal.lines).toHaveLength(2);
    const again = h.reopen();
    const report = await again.recover();
    expect(report.ok && report.value).toMatchObject({ journalled: 2, restored: 0, rejournalled: 1 });
    expect(h.journal.lines).toHaveLength(3);
    // Both now hold the same events: a second start has nothing to do.
    const twice = await again.recover();
    expect(twice.ok && twice.value).toMatchObject({ journalled: 3, restored: 0, rejournalled: 0 });
  });

  it('restores at start what the journal got but IndexedDB never committed (closed between the two)', async () => {
    const h = harness();
    const author = await enrolled(h.store);
    const caseId = await openCase(h.store, author);
    // The other order of the same race: the journal line is durable, the transaction never commits.
    h.store.ctx.db.events.hook('creating', () => {
      throw new Error('the app died before the transaction committed');
    });
    const r = await h.store.write(author, [note(caseId, 1, h.store.newId())]);
    expect(r.ok).toBe(false);
    expect(h.journal.lines).toHaveLength(3);
    const again = h.reopen();
    expect(await again.ctx.db.events.count()).toBe(2);
    const report = await again.recover();
    expect(report.ok && report.value).toMatchObject({ journalled: 3, restored: 1, rejournalled: 0 });
    expect(await again.ctx.db.events.count()).toBe(3);
    expect((await again.caseState(caseId))?.notes).toHaveLength(1);
    expect(await again.caseState(caseId)).toEqual(reduceCase(await fromDb(again, caseId)));
    // It goes out to the hub like any other save of this device.
    expect(await again.ctx.db.outbox.count()).toBe(3);
  });

  it('a refused save that opened its case leaves no rows of that case behind', async () => {
    const h = harness();
    const author = await enrolled(h.store);
    h.store.ctx.journal = {
      append: () => Promise.resolve({ ok: false, error: { code: 'disk_full', message: '磁盘已满' } }),
      readAll: () => h.journal.readAll(),
    };
    const caseId = h.store.newId();
    const r = await h.store.write(author, [
      { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    ]);
    expect(r.ok).toBe(false);
    expect(await h.store.ctx.db.events.count()).toBe(0);
    expect(await h.store.ctx.db.outbox.count()).toBe(0);
    expect(await h.store.ctx.db.cases.count()).toBe(0);
    expect(await h.store.ctx.db.caseStates.count()).toBe(0);
    expect(await h.store.ctx.db.caseFacts.count()).toBe(0);
  });

  it('reports a failed journal append as a failed save', async () => {
    const h = harness();
    const author = await enrolled(h.store);
    const caseId = await openCase(h.store, author);
    h.store.ctx.journal = {
      append: () => Promise.resolve({ ok: false, error: { code: 'disk_full', message: '磁盘已满' } }),
      readAll: () => h.journal.readAll(),
    };
    const r = await h.store.write(author, [note(caseId, 1, h.store.newId())]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'journal_failed', message: '磁盘已满' });
    // The transaction had committed meanwhile; it is undone, projections and clock as before.
    expect(await h.store.ctx.db.events.count()).toBe(2);
    expect(await h.store.ctx.db.outbox.count()).toBe(2);
    expect((await h.store.caseState(caseId))?.notes).toEqual([]);
    expect(await h.store.caseState(caseId)).toEqual(reduceCase(await fromDb(h.store, caseId)));
  });
});
