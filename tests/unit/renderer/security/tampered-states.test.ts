/* store.allCaseStates with the encrypting codec: a state that does not open is named per row, the rest read (#8). */
import { describe, expect, it } from 'vitest';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { Author, TribunalStore } from '../../../../renderer/data/store';
import { codecFromRawKey } from '../../../../renderer/security/crypto-codec';
import { ENROLLMENT, harness } from '../data/store-harness';

async function enrolled(store: TribunalStore): Promise<Author> {
  await store.saveEnrollment(ENROLLMENT);
  const a = await store.author();
  if (!a) throw new Error('no author');
  return a;
}

async function openCase(store: TribunalStore, author: Author, name: string): Promise<string> {
  const caseId = store.newId();
  const r = await store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    {
      caseId,
      type: 'party.added',
      payload: { ...SAMPLE_PAYLOADS['party.added'], partyId: SAMPLE_IDS.worker, name },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return caseId;
}

describe('allCaseStates reads row by row', () => {
  it('returns every state that opens and names each tampered, foreign-key or damaged one', async () => {
    const { store } = harness((await codecFromRawKey(new Uint8Array(32).fill(21))).codec);
    const author = await enrolled(store);
    const good = await openCase(store, author, '张三');
    const flipped = await openCase(store, author, '李四');
    const foreign = await openCase(store, author, '王五');
    const damaged = await openCase(store, author, '赵六');

    const row = await store.ctx.db.caseStates.get(flipped);
    if (!row) throw new Error('no state row');
    const data = row.body.data as { ct: Uint8Array };
    const ct = new Uint8Array(data.ct);
    ct[2] = (ct[2] ?? 0) ^ 0x10;
    await store.ctx.db.caseStates.put({ ...row, body: { ...row.body, data: { ...data, ct } } });
    const other = (await codecFromRawKey(new Uint8Array(32).fill(22))).codec;
    await store.ctx.db.caseStates.put({
      id: foreign,
      body: await other.seal('caseStates', { caseId: foreign }),
    });
    await store.ctx.db.caseStates.put({ id: damaged, body: { v: 1, alg: 'A256GCM', data: null } });

    const all = await store.allCaseStates();
    expect(all.map((s) => s.caseId)).toEqual([good]);
    expect(all[0]?.parties[0]?.current.name).toBe('张三');
    const named = [...all.unreadable].sort((a, b) => a.caseId.localeCompare(b.caseId));
    const expected = [
      { caseId: flipped, reason: 'tampered' },
      { caseId: foreign, reason: 'wrong_key' },
      { caseId: damaged, reason: 'malformed' },
    ].sort((a, b) => a.caseId.localeCompare(b.caseId));
    expect(named.map(({ caseId, reason }) => ({ caseId, reason }))).toEqual(expected);
    // The message is the codec's, Chinese first, and shows nothing of the value.
    expect(named.find((n) => n.caseId === flipped)?.message).toContain('篡改');
    expect(JSON.stringify(all.unreadable)).not.toContain('李四');
  });

  it('with nothing wrong names nothing', async () => {
    const { store } = harness((await codecFromRawKey(new Uint8Array(32).fill(23))).codec);
    const author = await enrolled(store);
    const a = await openCase(store, author, '孙七');
    const all = await store.allCaseStates();
    expect(all.map((s) => s.caseId)).toEqual([a]);
    expect(all.unreadable).toEqual([]);
  });
});
