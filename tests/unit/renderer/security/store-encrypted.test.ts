/* The data layer unchanged, the encrypting codec plugged in: write, search, tamper, recover, all sealed. */
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { Sealed } from '../../../../renderer/data/codec';
import type { Author, TribunalStore } from '../../../../renderer/data/store';
import { codecFromRawKey } from '../../../../renderer/security/crypto-codec';
import { ENROLLMENT, harness } from '../data/store-harness';

const ID = '420802199001011234';

async function cryptoHarness(fill = 7) {
  return harness((await codecFromRawKey(new Uint8Array(32).fill(fill))).codec);
}

async function enrolled(store: TribunalStore): Promise<Author> {
  await store.saveEnrollment(ENROLLMENT);
  const a = await store.author();
  if (!a) throw new Error('no author');
  return a;
}

async function openCase(store: TribunalStore, author: Author, name: string) {
  const caseId = store.newId();
  const r = await store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    {
      caseId,
      type: 'party.added',
      payload: { ...SAMPLE_PAYLOADS['party.added'], partyId: SAMPLE_IDS.worker, name, idNumber: ID },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return caseId;
}

describe('the store with the encrypting codec', () => {
  it('keeps no name or ID number in rows, tokens or journal lines, and still finds cases', async () => {
    const { store, journal } = await cryptoHarness();
    const author = await enrolled(store);
    const a = await openCase(store, author, '张三丰');
    const b = await openCase(store, author, '李四');
    const rows = JSON.stringify([
      await store.ctx.db.events.toArray(),
      await store.ctx.db.cases.toArray(),
      await store.ctx.db.caseStates.toArray(),
    ]);
    const lines = await journal.readAll();
    // (Short digit runs like an ID tail are no test here: JSON of a Uint8Array is all digits.)
    for (const secret of ['张三', '李四', ID, SAMPLE_PAYLOADS['case.opened'].caseCause]) {
      expect(rows).not.toContain(secret);
      expect(JSON.stringify(lines)).not.toContain(secret);
    }
    const tokens = (await store.ctx.db.cases.toArray()).flatMap((c) => c.searchTokens);
    expect(tokens.every((t) => /^[0-9a-f]{32}$/.test(t))).toBe(true);
    expect(await store.queryCaseIds({ search: '张三' })).toEqual([a]);
    expect((await store.queryCaseIds({ search: '1234' })).sort()).toEqual([a, b].sort());
    expect((await store.caseState(a))?.parties[0]?.current.idNumber).toBe(ID);
  });

  it('names a tampered row instead of showing it', async () => {
    const { store } = await cryptoHarness();
    const author = await enrolled(store);
    const a = await openCase(store, author, '王五');
    const row = (await store.ctx.db.events.where('caseId').equals(a).toArray())[0];
    if (!row) throw new Error('no row');
    const data = row.body.data as { ct: Uint8Array };
    const ct = new Uint8Array(data.ct);
    ct[0] = (ct[0] ?? 0) ^ 1;
    await store.ctx.db.events.put({ ...row, body: { ...row.body, data: { ...data, ct } } });
    const read = await store.caseEvents(a);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.code).toBe('corrupt_row');
      expect(read.error.message).toContain('篡改');
    }
  });

  it('seals each event once: its row and its journal line are the same ciphertext (#8 part 6)', async () => {
    const { store, journal } = await cryptoHarness(10);
    const author = await enrolled(store);
    const before = journal.lines.length;
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    let caseId: string;
    try {
      caseId = await openCase(store, author, '钱七');
      // Where each encryption went (its additional data's first field): per event one `events+journal`
      // record and no separate `events` row or `journal` line; projections are counted elsewhere.
      const places = encrypt.mock.calls.map((c) => {
        const params = c[0];
        const ad =
          typeof params === 'object' && 'additionalData' in params ? params.additionalData : undefined;
        return ad ? new TextDecoder().decode(ad).split('|')[0] : 'none';
      });
      expect(places.filter((p) => p === 'events+journal')).toHaveLength(2);
      expect(places.filter((p) => p === 'events' || p === 'journal')).toEqual([]);
    } finally {
      encrypt.mockRestore();
    }
    const lines = journal.lines.slice(before);
    const rows = await store.ctx.db.events.where('caseId').equals(caseId).toArray();
    expect(lines).toHaveLength(2);
    const lineCts = lines.map((l) => ((JSON.parse(l) as Sealed).data as { ct: string }).ct).sort();
    const rowCts = rows.map((r) => Buffer.from((r.body.data as { ct: Uint8Array }).ct).toString('base64url'));
    expect(rowCts.sort()).toEqual(lineCts);
    const read = await store.caseEvents(caseId);
    expect(read.ok && read.value.map((e) => e.type)).toEqual(['case.opened', 'party.added']);
  });

  it('a lost IndexedDB comes back from the encrypted journal', async () => {
    const h = await cryptoHarness(9);
    const author = await enrolled(h.store);
    const a = await openCase(h.store, author, '赵六');
    const fresh = h.reopen({ freshDb: true });
    await fresh.saveEnrollment(ENROLLMENT);
    const report = await fresh.recover();
    expect(report.ok && report.value).toMatchObject({ journalled: 2, restored: 2, unreadable: [] });
    expect((await fresh.caseState(a))?.parties[0]?.current.name).toBe('赵六');
  });
});
