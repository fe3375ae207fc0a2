/*
 * The caseload at 100,000 cases (issue #4 part 7): case rows are written straight into the real
 * renderer/data database (same schema, indexes and codec seam as the app; building them through 100k
 * signed event writes would only measure the writer), then the measured step is what the caseload
 * screen does: one page of ids under a filter or a search (sorted by next deadline) with the count of
 * all matches, then the summaries of the first window (30 rows). The baseline does the naive reads on
 * raw IndexedDB in the same run (every key by deadline, intersected with the filter's keys).
 */
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import type { CaseSummary } from '../../../renderer/data/projections';
import { plainCodec } from '../../../renderer/data/codec';
import type { CaseRow } from '../../../renderer/data/db';
import { memoryJournal } from '../../../renderer/data/journal';
import { openStore, type TribunalStore } from '../../../renderer/data/store';
import { register } from './registry';

export const N = 100_000;
export const WINDOW = 30;
const STATUSES = ['registered', 'accepted', 'in_session', 'agreement_signed', 'performing', 'closed'];
const CATEGORIES = ['wage_arrears', 'work_injury', 'termination', 'social_insurance', 'platform_gig'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
export const TODAY = '2026-11-28';

const pad = (n: number, w: number) => n.toString().padStart(w, '0');
const dayOf = (i: number) => {
  const d = new Date(Date.UTC(2026, 10, 1) + ((i * 7919) % 120) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

function summaryOf(i: number): CaseSummary {
  const name = `${SURNAMES[i % SURNAMES.length] ?? '王'}${['伟', '芳', '强', '磊', '军'][i % 5] ?? ''}${String(i % 97)}`;
  return {
    caseId: `case-${pad(i, 6)}`,
    number: `临-BENCH1-${pad(i, 6)}`,
    temporary: true,
    kind: 'mediation',
    status: 'registered',
    categories: categoriesOf(i) as CaseSummary['categories'],
    caseCause: '拖欠工资纠纷',
    applicants: [name],
    respondents: [`某建筑劳务公司${String(i % 500)}`],
    workerCount: 1 + (i % 30),
    collective: i % 30 >= 9,
    amountClaimedFen: (i % 1000) * 10_000,
    amountRecoveredFen: 0,
    nextDeadline: { ruleId: 'mediationPeriod', nameZh: '调解期限', due: dayOf(i), state: 'running' },
    inConflict: false,
    receivedAt: null,
    assigneeId: `user-${String(i % 40)}`,
    lastHlc: null,
  };
}

/** One category, and a second for every third case (found under either: migration 004). */
function categoriesOf(i: number): string[] {
  const first = CATEGORIES[i % CATEGORIES.length] ?? 'other';
  const second = CATEGORIES[(i + 2) % CATEGORIES.length] ?? 'other';
  return i % 3 === 0 ? [first, second] : [first];
}

export function rowOf(i: number): CaseRow {
  const s = summaryOf(i);
  const name = s.applicants[0] ?? '';
  return {
    id: s.caseId,
    status: STATUSES[i % STATUSES.length] ?? 'registered',
    categories: categoriesOf(i),
    categoryDeadlines: categoriesOf(i).map((c): [string, string] => [c, s.nextDeadline?.due ?? '9999-12-31']),
    nextDeadline: s.nextDeadline?.due ?? '9999-12-31',
    assigneeId: s.assigneeId ?? '',
    updatedHlc: pad(i, 16),
    // Same tokens the projection makes: name prefixes, ID tails, the number (plain codec: lower-cased).
    // Plus a surname independent of the deadline (the first name's surname repeats with the deadline
    // day, since both cycle with i): a broad search spread over the list as real names are.
    searchTokens: [
      name.slice(0, 1),
      name.slice(0, 2),
      name,
      pad(i % 10_000, 4),
      s.number.toLowerCase(),
      `spread-${String(Math.floor(i / 120) % 20)}`,
    ],
    body: { v: 1, alg: 'none', data: s },
  };
}

let ready: Promise<{ store: TribunalStore; raw: IDBDatabase }> | null = null;
export const DB = 'bench-caseload-100k';

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('open failed'));
    };
  });
}

/** Builds the 100k rows once per page (not measured), through the real Dexie schema. */
export function setup() {
  ready ??= (async () => {
    const calendar = bundledHolidayCalendar();
    if (!calendar.ok) throw new Error('calendar');
    const store = openStore({
      dbName: DB,
      codec: plainCodec,
      journal: memoryJournal(),
      calendar: calendar.value,
      today: () => TODAY,
    });
    const db = store.ctx.db;
    if ((await db.cases.count()) !== N) {
      await db.cases.clear();
      for (let start = 0; start < N; start += 10_000)
        await db.cases.bulkPut(Array.from({ length: 10_000 }, (_, k) => rowOf(start + k)));
    }
    return { store, raw: await openRaw(DB) };
  })();
  return ready;
}

const req = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => {
      resolve(r.result);
    };
    r.onerror = () => {
      reject(r.error ?? new Error('request failed'));
    };
  });

/** Raw IndexedDB: ordered keys by deadline, keys of the filter index, intersect, read the first window. */
async function rawFirstPage(raw: IDBDatabase, index: 'status' | 'token', key: string): Promise<number> {
  const tx = raw.transaction('cases', 'readonly');
  const s = tx.objectStore('cases');
  // A token's cases: its [token, deadline] pairs (migration 005 replaced the bare searchTokens index).
  const matchingKeys =
    index === 'token'
      ? s.index('tokenDeadlines').getAllKeys(IDBKeyRange.bound([key, ''], [key, '\uffff']))
      : s.index(index).getAllKeys(key);
  const [ordered, matching] = await Promise.all([
    req(s.index('nextDeadline').getAllKeys()),
    req(matchingKeys),
  ]);
  const set = new Set(matching);
  const page = ordered.filter((k) => set.has(k)).slice(0, WINDOW);
  const rows = await Promise.all(page.map((k) => req(s.get(k))));
  return rows.length;
}

type Q = {
  statuses?: string[];
  categories?: string[];
  search?: string;
  deadline?: 'overdue' | 'due_soon';
};

/** What the caseload screen does first (use-caseload.ts): one page of ids, then its summaries. */
async function appPage(store: TribunalStore, q: Q, offset = 0): Promise<number> {
  const page = await store.queryCasePage(q, offset, WINDOW);
  const rows = await store.summaries(page.ids);
  return rows.length;
}

const appFirstPage = (store: TribunalStore, q: Q) => appPage(store, q);

const time = async (f: () => Promise<number>): Promise<number> => {
  const t0 = performance.now();
  const n = await f();
  const ms = performance.now() - t0;
  if (n === 0) throw new Error('bench read nothing');
  return ms;
};

register({
  name: 'caseload-100k-raw-idb-filter',
  runs: 5,
  run: async () => {
    const { raw } = await setup();
    return time(() => rawFirstPage(raw, 'status', 'in_session'));
  },
});

register({
  name: 'caseload-100k-filter-first-page',
  baseline: 'caseload-100k-raw-idb-filter',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    return time(() => appFirstPage(store, { statuses: ['in_session'] }));
  },
});

register({
  name: 'caseload-100k-category-first-page',
  baseline: 'caseload-100k-raw-idb-filter',
  runs: 5,
  // A category a third of its cases hold as their SECOND category (multiEntry index, migration 004).
  run: async () => {
    const { store } = await setup();
    return time(() => appFirstPage(store, { categories: ['termination'] }));
  },
});

register({
  name: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { raw } = await setup();
    return time(() => rawFirstPage(raw, 'token', '张'));
  },
});

register({
  name: 'caseload-100k-search-first-page',
  baseline: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    return time(() => appFirstPage(store, { search: '张' }));
  },
});

register({
  name: 'caseload-100k-all-first-page',
  baseline: 'caseload-100k-raw-idb-filter',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    return time(() => appFirstPage(store, {}));
  },
});

register({
  name: 'caseload-100k-overdue-first-page',
  baseline: 'caseload-100k-raw-idb-filter',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    return time(() => appFirstPage(store, { deadline: 'overdue' }));
  },
});

register({
  name: 'caseload-100k-scroll-deep-page',
  baseline: 'caseload-100k-raw-idb-filter',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    // Scrolled half way down the unfiltered list: offset 50,000.
    return time(() => appPage(store, {}, 50_000));
  },
});

register({
  name: 'caseload-100k-search-id-tail',
  baseline: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    // The last 4 digits of an ID: the usual search on site (10 cases share one here).
    return time(() => appFirstPage(store, { search: '0417' }));
  },
});

register({
  name: 'caseload-100k-count-all',
  baseline: 'caseload-100k-raw-idb-filter',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    // The count the table grows to after the first page (not awaited by it).
    return time(() => store.countCases({}));
  },
});

register({
  name: 'caseload-100k-count-status',
  baseline: 'caseload-100k-raw-idb-filter',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    return time(() => store.countCases({ statuses: ['in_session'] }));
  },
});

register({
  name: 'caseload-100k-search-broad-spread',
  baseline: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    // 5,000 matches spread over the deadline order (a common surname, as in real caseloads).
    return time(() => appFirstPage(store, { search: 'spread-3' }));
  },
});

// A search combined with other filters (#4 item 3: filters and search together). Each is the first
// page and its summaries, as the screen asks for it.
register({
  name: 'caseload-100k-search-status',
  baseline: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    // A surname and one status of six: the walk checks the status on the surname's rows.
    return time(() => appFirstPage(store, { search: '张', statuses: ['in_session'] }));
  },
});

register({
  name: 'caseload-100k-search-category',
  baseline: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    return time(() => appFirstPage(store, { search: '李', categories: ['social_insurance'] }));
  },
});

register({
  name: 'caseload-100k-search-overdue',
  baseline: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    // The deadline chip narrows the token's range itself ([token, deadline] index, migration 005).
    return time(() => appFirstPage(store, { search: '张', deadline: 'overdue' }));
  },
});

register({
  name: 'caseload-100k-search-two-words',
  baseline: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    // A surname and the last digits of an ID: the rarer word (10 cases) leads.
    return time(() => appFirstPage(store, { search: '张 0022' }));
  },
});

register({
  name: 'caseload-100k-search-status-category',
  baseline: 'caseload-100k-raw-idb-search',
  runs: 5,
  run: async () => {
    const { store } = await setup();
    return time(() =>
      appFirstPage(store, { search: 'spread-3', statuses: ['registered'], categories: ['work_injury'] }),
    );
  },
});
