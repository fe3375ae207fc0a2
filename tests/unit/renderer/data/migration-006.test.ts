/*
 * Migration 006: the dashboard's facts projection. A case's facts row is written in the same transaction
 * as its state (a receive, a rebuild), equals shared/stats caseFacts of that state, and a database from
 * before v6 — states without facts rows — gets them the first time the dashboard reads facts.
 */
import { describe, expect, it } from 'vitest';
import { caseFacts } from '#shared/stats/index';
import { plainCodec, type Codec, type Sealed } from '../../../../renderer/data/codec';
import { buildScenario } from '../../shared/stats/scenario';
import { freshDb } from './fresh-db';
import { harness } from './store-harness';

const byId = <T extends { caseId: string }>(xs: readonly T[]): T[] =>
  [...xs].sort((a, b) => a.caseId.localeCompare(b.caseId));

describe('migration 006: case facts projection', () => {
  it('adds the caseFacts table keyed by case id and leaves the others as they were', async () => {
    const before = freshDb(5);
    await before.db.open();
    const tablesBefore = before.db.tables.map((t) => t.name).sort();
    before.db.close();
    const { db } = freshDb(6);
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...tablesBefore, 'caseFacts'].sort());
    expect(db.caseFacts.schema.primKey.name).toBe('id');
    db.close();
  });

  it('writes each case’s facts with its state, equal to caseFacts of the stored state', async () => {
    const s = await buildScenario();
    const h = harness();
    const ids = Object.values(s.ids);
    const stored = await h.store.receive(ids.flatMap((id) => s.desk.events(id)));
    expect(stored.ok).toBe(true);
    const states = await h.store.allCaseStates();
    const expected = byId(states.flatMap((st) => caseFacts(st) ?? []));
    expect(expected.length).toBe(ids.length);
    const db = h.store.ctx.db;
    expect((await db.caseFacts.toCollection().primaryKeys()).map(String).sort()).toEqual([...ids].sort());
    expect(byId(await h.store.allCaseFacts())).toEqual(expected);
  });

  it('a later event of a case updates its facts row in the same save', async () => {
    const s = await buildScenario();
    const h = harness();
    const id = s.ids.A;
    const events = s.desk.events(id);
    const last = events.at(-1);
    if (!last) throw new Error('no events');
    expect((await h.store.receive(events.slice(0, -1))).ok).toBe(true);
    const before = await h.store.allCaseFacts();
    expect((await h.store.receive([last])).ok).toBe(true);
    const after = await h.store.allCaseFacts();
    const state = await h.store.caseState(id);
    if (!state) throw new Error('no state');
    expect(after).toEqual([caseFacts(state)]);
    expect(after).not.toEqual(before);
  });

  it('backfills facts rows for states stored before v6, once', async () => {
    const s = await buildScenario();
    const h = harness();
    expect((await h.store.receive(Object.values(s.ids).flatMap((id) => s.desk.events(id)))).ok).toBe(true);
    const db = h.store.ctx.db;
    const expected = byId(await h.store.allCaseFacts());
    // As a v5 database: states, no facts rows.
    await db.caseFacts.clear();
    expect(byId(await h.store.allCaseFacts())).toEqual(expected);
    expect(await db.caseFacts.count()).toBe(expected.length);
    const row = await db.caseFacts.get(s.ids.B);
    if (!row) throw new Error('no row');
    expect(await plainCodec.open('caseFacts', row.body)).toEqual(expected.find((f) => f.caseId === s.ids.B));
    // Read again: answered from the rows, nothing missing, nothing twice.
    expect(byId(await h.store.allCaseFacts())).toEqual(expected);
  });

  it('a facts row that does not open is derived again from its state, not dropped', async () => {
    const s = await buildScenario();
    // The plain codec, except that a row marked `broken` does not open (as a tampered one would not).
    const codec: Codec = {
      ...plainCodec,
      open: (c, b: Sealed) =>
        b.alg === 'broken' ? Promise.reject(new Error('tampered')) : plainCodec.open(c, b),
    };
    const h = harness(codec);
    expect((await h.store.receive(Object.values(s.ids).flatMap((id) => s.desk.events(id)))).ok).toBe(true);
    const db = h.store.ctx.db;
    const expected = byId(await h.store.allCaseFacts());
    await db.caseFacts.put({ id: s.ids.C, body: { v: 1, alg: 'broken', data: null } });
    expect(byId(await h.store.allCaseFacts())).toEqual(expected);
    expect((await db.caseFacts.get(s.ids.C))?.body.alg).toBe('none');
  });
});
