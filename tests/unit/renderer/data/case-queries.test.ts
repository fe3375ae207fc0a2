/*
 * The caseload query plan (index range per filter, search narrowed first, intersections for combined
 * filters) against a plain filter-and-sort over the same rows, for every combination of filters.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/law/civil-date';
import type { CaseRow } from '../../../../renderer/data/db';
import type { CaseQuery } from '../../../../renderer/data/store';
import { harness } from './store-harness';

const TODAY = '2026-11-28';
const STATUSES = ['registered', 'in_session', 'closed'];
const CATEGORIES = ['wage_arrears', 'work_injury', 'social_insurance'];
const USERS = ['u1', 'u2', ''];
const NAMES = ['张', '李', '王'];

function categoriesOf(i: number): string[] {
  const first = CATEGORIES[i % 2] ?? '';
  return i % 3 === 0 ? [first, CATEGORIES[2] ?? ''] : [first];
}

function rowOf(i: number): CaseRow {
  // Deadlines from 10 days ago to 10 days ahead, and some cases with none (stored as 9999-12-31).
  const nextDeadline = i % 7 === 0 ? '9999-12-31' : addDays(TODAY, (i % 21) - 10);
  return {
    id: `case-${String(i).padStart(3, '0')}`,
    status: STATUSES[i % 3] ?? '',
    // Every third case has a second category: the filter must find it under either (migration 004).
    categories: categoriesOf(i),
    categoryDeadlines: categoriesOf(i).map((c): [string, string] => [c, nextDeadline]),
    nextDeadline,
    assigneeId: USERS[i % 5 === 0 ? 2 : i % 2] ?? '',
    updatedHlc: String(i),
    searchTokens: [NAMES[i % 3] ?? '', String(1000 + (i % 4))],
    body: { v: 1, alg: 'none', data: {} },
  };
}

const ROWS = Array.from({ length: 120 }, (_, i) => rowOf(i));
/** Cases with an event still in the outbox (two events for some: a case counts once). */
const UNSYNCED = ROWS.filter((_, i) => i % 4 === 0).map((r) => r.id);

/** What the caseload must show: the plain definition of every filter, sorted by deadline then id. */
function expected(q: Omit<CaseQuery, 'today'>): string[] {
  return ROWS.filter((r) => {
    if (q.statuses?.length && !q.statuses.includes(r.status)) return false;
    if (q.categories?.length && !r.categories.some((c) => q.categories?.includes(c))) return false;
    if (q.assigneeId && r.assigneeId !== q.assigneeId) return false;
    if (q.deadline === 'overdue' && !(r.nextDeadline < TODAY)) return false;
    if (q.deadline === 'due_soon' && !(r.nextDeadline >= TODAY && r.nextDeadline <= addDays(TODAY, 3)))
      return false;
    if (q.search && !r.searchTokens.includes(q.search)) return false;
    if (q.unsynced && !UNSYNCED.includes(r.id)) return false;
    return true;
  })
    .sort((a, b) =>
      a.nextDeadline === b.nextDeadline ? (a.id < b.id ? -1 : 1) : a.nextDeadline < b.nextDeadline ? -1 : 1,
    )
    .map((r) => r.id);
}

function* queries(): Generator<Omit<CaseQuery, 'today'>> {
  for (const statuses of [undefined, ['in_session'], ['registered', 'closed']])
    for (const categories of [
      undefined,
      ['work_injury'],
      ['social_insurance'],
      ['work_injury', 'social_insurance'],
    ])
      for (const assigneeId of [undefined, 'u1'])
        for (const deadline of [undefined, 'overdue', 'due_soon'] as const)
          for (const search of [undefined, '张', '1002'])
            for (const unsynced of [undefined, true])
              yield {
                ...(statuses ? { statuses } : {}),
                ...(categories ? { categories } : {}),
                ...(assigneeId ? { assigneeId } : {}),
                ...(deadline ? { deadline } : {}),
                ...(search ? { search } : {}),
                ...(unsynced ? { unsynced } : {}),
              };
}

async function seeded() {
  const h = harness();
  // The plan reads only the indexed columns of the rows: write them directly, as many as a test needs.
  await h.store.ctx.db.cases.bulkPut(ROWS);
  await h.store.ctx.db.outbox.bulkPut(
    UNSYNCED.flatMap((caseId, k) =>
      Array.from({ length: 1 + (k % 2) }, (_, e) => ({
        id: `${caseId}-e${String(e)}`,
        caseId,
        queuedAt: 0,
        attempts: 0,
      })),
    ),
  );
  return h.store;
}

describe('caseload queries', () => {
  it('every combination of filters gives the same ids, in deadline order, as filtering by hand', async () => {
    const store = await seeded();
    let checked = 0;
    for (const q of queries()) {
      const want = expected(q);
      expect({ q, ids: await store.queryCaseIds(q) }).toEqual({ q, ids: want });
      const page = await store.queryCasePage(q, 2, 5);
      expect({ q, ids: page.ids }).toEqual({ q, ids: want.slice(2, 7) });
      // The total comes with the page when it was free, and always from countCases.
      expect({ q, total: page.total ?? want.length }).toEqual({ q, total: want.length });
      expect({ q, count: await store.countCases(q) }).toEqual({ q, count: want.length });
      checked++;
    }
    expect(checked).toBe(432);
  });

  it('pages through the whole default list without gaps or repeats', async () => {
    const store = await seeded();
    const seen: string[] = [];
    for (let offset = 0; offset < ROWS.length; offset += 50) {
      const page = await store.queryCasePage({}, offset, 50);
      // One index range: the count is not taken with the page, so the first rows never wait for it.
      expect(page.total).toBeNull();
      seen.push(...page.ids);
    }
    expect(seen).toEqual(expected({}));
    expect(await store.queryCasePage({}, 500, 50)).toEqual({ total: null, ids: [] });
    expect(await store.countCases({})).toBe(ROWS.length);
  });

  it('no deadline sorts last and is never overdue', async () => {
    const store = await seeded();
    const all = await store.queryCaseIds({});
    expect(all.at(-1)).toBe('case-119');
    expect(await store.queryCaseIds({ deadline: 'overdue' })).not.toContain('case-000');
  });

  it('a broad search (a surname alone) pages along its [token, deadline] range and gives the same ids', async () => {
    // 2,400 cases, a third of them 张.
    const many = Array.from({ length: 2400 }, (_, i) => ({
      ...rowOf(i),
      id: `case-${String(i).padStart(4, '0')}`,
    }));
    const h = harness();
    await h.store.ctx.db.cases.bulkPut(many);
    const want = many
      .filter((r) => r.searchTokens.includes('张'))
      .sort((a, b) =>
        a.nextDeadline === b.nextDeadline ? (a.id < b.id ? -1 : 1) : a.nextDeadline < b.nextDeadline ? -1 : 1,
      )
      .map((r) => r.id);
    expect(want.length).toBeGreaterThanOrEqual(500);
    // The page never waits for the count of a broad search (migration 005): countCases gives it.
    for (const offset of [0, 50, 700])
      expect(await h.store.queryCasePage({ search: '张' }, offset, 50)).toEqual({
        total: null,
        ids: want.slice(offset, offset + 50),
      });
    expect(await h.store.countCases({ search: '张' })).toBe(want.length);
    // With a deadline chip the walk still pages correctly; the total then comes from countCases.
    const overdue = want.filter((id) => (many.find((r) => r.id === id)?.nextDeadline ?? '') < TODAY);
    const page = await h.store.queryCasePage({ search: '张', deadline: 'overdue' }, 10, 30);
    expect(page).toEqual({ total: null, ids: overdue.slice(10, 40) });
    expect(await h.store.countCases({ search: '张', deadline: 'overdue' })).toBe(overdue.length);
  });
});
