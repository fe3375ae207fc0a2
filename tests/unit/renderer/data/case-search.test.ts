/*
 * Caseload search over the [token, deadline] index (migration 005): results in list order (next
 * deadline, then id), paged without gaps or repeats, several words all matching (the rarest leads),
 * and every filter combined with a search — each against a plain filter-and-sort of the same rows.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/law/civil-date';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { CaseRow } from '../../../../renderer/data/db';
import type { CaseQuery, TribunalStore } from '../../../../renderer/data/store';
import { codecFromRawKey } from '../../../../renderer/security/crypto-codec';
import { ENROLLMENT, harness } from './store-harness';

const TODAY = '2026-11-28';
const STATUSES = ['registered', 'in_session', 'closed', 'accepted'];
const CATEGORIES = ['wage_arrears', 'work_injury', 'social_insurance'];
const SURNAMES = ['张', '李', '王', '赵', '陈'];

/** 600 cases: surnames 1 in 5, ID tails 1 in 50, a rare name, many cases sharing each deadline. */
function rowOf(i: number): CaseRow {
  const nextDeadline = i % 11 === 0 ? '9999-12-31' : addDays(TODAY, (i % 13) - 6);
  const surname = SURNAMES[i % 5] ?? '';
  const categories = i % 4 === 0 ? [CATEGORIES[i % 3] ?? '', 'social_insurance'] : [CATEGORIES[i % 3] ?? ''];
  const unique = [...new Set(categories)];
  return {
    id: `case-${String(i).padStart(4, '0')}`,
    status: STATUSES[i % 4] ?? '',
    categories: unique,
    categoryDeadlines: unique.map((c): [string, string] => [c, nextDeadline]),
    nextDeadline,
    assigneeId: i % 3 === 0 ? 'u1' : '',
    updatedHlc: String(i),
    searchTokens: [
      surname,
      `${surname}${i % 7 === 0 ? '伟' : '芳'}`,
      String(1000 + (i % 50)),
      ...(i % 97 === 0 ? ['欧阳'] : []),
      ...(i % 2 === 0 ? ['mary', 'mary ann'] : []),
    ],
    body: { v: 1, alg: 'none', data: {} },
  };
}

const ROWS = Array.from({ length: 600 }, (_, i) => rowOf(i));
const UNSYNCED = ROWS.filter((_, i) => i % 6 === 0).map((r) => r.id);

/** What the list must show: every word a token of the row, every filter by hand, deadline then id. */
function expected(q: Omit<CaseQuery, 'today'>): string[] {
  const words = (q.search ?? '').split(/\s+/).filter((w) => w !== '');
  const whole = words.join(' ');
  return ROWS.filter((r) => {
    const wholeStored = ROWS.some((x) => x.searchTokens.includes(whole));
    if (
      words.length > 0 &&
      (wholeStored ? !r.searchTokens.includes(whole) : !words.every((w) => r.searchTokens.includes(w)))
    )
      return false;
    if (q.statuses?.length && !q.statuses.includes(r.status)) return false;
    if (q.categories?.length && !r.categories.some((c) => q.categories?.includes(c))) return false;
    if (q.assigneeId !== undefined && r.assigneeId !== q.assigneeId) return false;
    if (q.deadline === 'overdue' && !(r.nextDeadline < TODAY)) return false;
    if (q.deadline === 'due_soon' && !(r.nextDeadline >= TODAY && r.nextDeadline <= addDays(TODAY, 3)))
      return false;
    if (q.unsynced && !UNSYNCED.includes(r.id)) return false;
    return true;
  })
    .sort((a, b) =>
      a.nextDeadline === b.nextDeadline ? (a.id < b.id ? -1 : 1) : a.nextDeadline < b.nextDeadline ? -1 : 1,
    )
    .map((r) => r.id);
}

async function seeded(): Promise<TribunalStore> {
  const h = harness();
  await h.store.ctx.db.cases.bulkPut(ROWS);
  await h.store.ctx.db.outbox.bulkPut(
    UNSYNCED.map((caseId) => ({ id: `${caseId}-e`, caseId, queuedAt: 0, attempts: 0 })),
  );
  return h.store;
}

/** Every page of `size` rows, read one after another, joined. */
async function allPages(store: TribunalStore, q: Omit<CaseQuery, 'today'>, size: number): Promise<string[]> {
  const seen: string[] = [];
  for (let offset = 0; ; offset += size) {
    const page = await store.queryCasePage(q, offset, size);
    seen.push(...page.ids);
    if (page.ids.length < size) return seen;
  }
}

describe('caseload search', () => {
  it('a broad one-character search comes back in deadline order, then id, no deadline last', async () => {
    const store = await seeded();
    const want = expected({ search: '张' });
    expect(want.length).toBe(120);
    const first = await store.queryCasePage({ search: '张' }, 0, 30);
    expect(first.ids).toEqual(want.slice(0, 30));
    // Many cases share a deadline (ties in id order, as `expected` sorts them); none comes last.
    const rows = new Map(ROWS.map((r) => [r.id, r]));
    const deadlines = want.map((id) => rows.get(id)?.nextDeadline ?? '');
    expect(deadlines).toEqual([...deadlines].sort());
    expect(deadlines.at(-1)).toBe('9999-12-31');
    expect(await store.countCases({ search: '张' })).toBe(120);
  });

  it('pages through a search, alone and with filters, without gaps or repeats', async () => {
    const store = await seeded();
    for (const q of [
      { search: '张' },
      { search: '李', statuses: ['in_session'] },
      { search: '王', categories: ['social_insurance'], deadline: 'due_soon' as const },
      { search: '1009 陈' },
      { search: 'mary', unsynced: true },
    ]) {
      const want = expected(q);
      expect(want.length).toBeGreaterThan(0);
      expect({ q, ids: await allPages(store, q, 17) }).toEqual({ q, ids: want });
      expect({ q, count: await store.countCases(q) }).toEqual({ q, count: want.length });
      expect({ q, ids: await store.queryCaseIds(q) }).toEqual({ q, ids: want });
    }
  });

  it('several words must all match, whichever is typed first, and the rare one finds them fast', async () => {
    const store = await seeded();
    const want = expected({ search: '张 1010' });
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(expected({ search: '张' }).length);
    for (const search of ['张 1010', '1010 张', '  1010\u3000张  ', '张 张 1010'])
      expect({ search, page: await store.queryCasePage({ search }, 0, 50) }).toEqual({
        search,
        page: { total: want.length, ids: want },
      });
    expect(await store.queryCaseIds({ search: '张 李' })).toEqual([]);
    expect(await store.countCases({ search: '欧阳 1000' })).toBe(expected({ search: '欧阳 1000' }).length);
    // A name stored with a space is searched whole, not as two words.
    expect(await store.queryCaseIds({ search: 'mary ann' })).toEqual(expected({ search: 'mary ann' }));
    expect(expected({ search: 'mary ann' }).length).toBe(300);
  });

  it('combines a search with every filter and gives the same ids as filtering by hand', async () => {
    const store = await seeded();
    let checked = 0;
    const filters: Omit<CaseQuery, 'today' | 'search'>[] = [
      {},
      { statuses: ['in_session'] },
      { statuses: ['registered', 'closed'] },
      { categories: ['social_insurance'] },
      { deadline: 'overdue' },
      { deadline: 'due_soon', assigneeId: 'u1' },
      { assigneeId: '' },
      { unsynced: true, categories: ['work_injury'] },
      { statuses: ['registered', 'closed'], categories: ['social_insurance'], deadline: 'overdue' },
      { statuses: ['accepted'], assigneeId: 'u1', unsynced: true },
    ];
    for (const search of ['张', '1003', '李 1001', '没有'])
      for (const f of filters) {
        const q: Omit<CaseQuery, 'today'> = { search, ...f };
        const want = expected(q);
        const page = await store.queryCasePage(q, 3, 20);
        expect({ q, ids: page.ids }).toEqual({ q, ids: want.slice(3, 23) });
        expect({ q, total: page.total ?? want.length }).toEqual({ q, total: want.length });
        expect({ q, count: await store.countCases(q) }).toEqual({ q, count: want.length });
        checked++;
      }
    expect(checked).toBe(40);
  });

  it('with the encrypting codec the index pairs hold the blind tokens, never the name, and still find it', async () => {
    const { codec } = await codecFromRawKey(new Uint8Array(32).fill(3));
    const { store } = harness(codec);
    await store.saveEnrollment(ENROLLMENT);
    const author = await store.author();
    if (!author) throw new Error('no author');
    const caseId = store.newId();
    const r = await store.write(author, [
      { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
      {
        caseId,
        type: 'party.added',
        payload: { ...SAMPLE_PAYLOADS['party.added'], partyId: SAMPLE_IDS.worker, name: '欧阳娜娜' },
      },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    const row = await store.ctx.db.cases.get(caseId);
    const pairs = row?.tokenDeadlines ?? [];
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.map(([t]) => t).sort()).toEqual([...new Set(row?.searchTokens)].sort());
    expect(pairs.every(([t, d]) => /^[0-9a-f]{32}$/.test(t) && d === row?.nextDeadline)).toBe(true);
    expect(JSON.stringify(pairs)).not.toContain('欧阳');
    expect((await store.queryCasePage({ search: '欧阳' }, 0, 30)).ids).toEqual([caseId]);
    expect((await store.queryCasePage({ search: '欧阳 欧阳娜' }, 0, 30)).ids).toEqual([caseId]);
  });
});

describe('caseload search over a broad word', () => {
  // 1,200 cases, every second one 张 (600: past the few hundred opened whole), statuses and deadlines
  // correlated so that some days hold 张 but no case of a status (the leapfrog must skip them).
  const BROAD = Array.from({ length: 1200 }, (_, i): CaseRow => {
    const nextDeadline = i % 10 === 9 ? '9999-12-31' : addDays(TODAY, (i % 9) - 4);
    return {
      id: `b-${String(i).padStart(4, '0')}`,
      status: i % 9 === 8 ? 'closed' : (STATUSES[i % 3] ?? ''),
      categories: [CATEGORIES[i % 3] ?? ''],
      categoryDeadlines: [[CATEGORIES[i % 3] ?? '', nextDeadline]],
      nextDeadline,
      assigneeId: i % 4 === 0 ? 'u1' : '',
      updatedHlc: String(i),
      searchTokens: [i % 2 === 0 ? '张' : '李', String(1000 + (i % 40))],
      body: { v: 1, alg: 'none', data: {} },
    };
  });
  const byHand = (q: Omit<CaseQuery, 'today'>) =>
    BROAD.filter(
      (r) =>
        (q.search ?? '').split(' ').every((w) => r.searchTokens.includes(w)) &&
        (!q.statuses?.length || q.statuses.includes(r.status)) &&
        (!q.categories?.length || r.categories.some((c) => q.categories?.includes(c))) &&
        (q.assigneeId === undefined || r.assigneeId === q.assigneeId) &&
        (q.deadline !== 'overdue' || r.nextDeadline < TODAY),
    )
      .sort((a, b) =>
        a.nextDeadline === b.nextDeadline ? (a.id < b.id ? -1 : 1) : a.nextDeadline < b.nextDeadline ? -1 : 1,
      )
      .map((r) => r.id);

  it('pages a broad word with one-value filters (leapfrog), several values and two words, as by hand', async () => {
    const { store } = harness();
    await store.ctx.db.cases.bulkPut(BROAD);
    for (const q of [
      { search: '张', statuses: ['closed'] },
      { search: '张', statuses: ['in_session'], assigneeId: 'u1' },
      { search: '张', categories: ['work_injury'], deadline: 'overdue' as const },
      { search: '张', statuses: ['registered', 'closed'] },
      { search: '张 1010' },
      { search: '张', statuses: ['accepted'] },
    ]) {
      const want = byHand(q);
      for (const offset of [0, 30]) {
        const page = await store.queryCasePage(q, offset, 30);
        expect({ q, offset, ids: page.ids }).toEqual({ q, offset, ids: want.slice(offset, offset + 30) });
        expect({ q, total: page.total ?? want.length }).toEqual({ q, total: want.length });
      }
      expect({ q, count: await store.countCases(q) }).toEqual({ q, count: want.length });
    }
    // A status no 张 case has: nothing, and the walk says so with a total of 0.
    expect(await store.queryCasePage({ search: '张', statuses: ['accepted'] }, 0, 30)).toEqual({
      total: 0,
      ids: [],
    });
  });
});
