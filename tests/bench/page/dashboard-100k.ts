/*
 * The supervisor's dashboard (issue #9 item 7, goal < 200 ms at 100,000 cases), in Chromium with an
 * on-disk profile. Case states are built from nine hand-made cases of real signed events
 * (tests/unit/shared/stats/scenario.ts: awards, mediations, collective, mobile sessions, payments,
 * judicial confirmation; 2–8 KB of state, ~1 KB of facts each) reduced once, then copied under new case
 * ids into the real renderer/data database (same schema and codec seam as the app; plain codec, so
 * encryption is not measured).
 *
 * Whole case states at 100k (~400 MB) did not finish writing within 15 minutes on the shared 2-core
 * machine, so the path the dashboard takes today (read every CaseState) is measured at 10k:
 * - dashboard-idb-getall-10k (baseline): raw IndexedDB getAll() of the same caseStates rows.
 * - dashboard-local-10k: what the dashboard does on open (DashboardPage + useAllCaseStates):
 *   store.allCaseStates(), factsOf, computeStatsFromFacts for one year grouped by handler.
 * At 100k:
 * - dashboard-facts-getall-100k (baseline): raw getAll() of a per-case facts store (CaseFacts rows).
 * - dashboard-facts-table-100k: the same read plus computeStatsFromFacts: what the dashboard would cost
 *   with a facts projection (as the hub keeps, migration 006) instead of reading whole case states.
 * - dashboard-compute-100k: computeStatsFromFacts over 100k facts already in memory (what a period,
 *   unit or grouping change costs on screen).
 * Since migration 006 the app keeps that facts projection (renderer/data caseFacts, written with each
 * case state), so at 100k the app's own path is measured too, on the store's real table:
 * - dashboard-store-facts-getall-100k (baseline): raw getAll() of the store's caseFacts rows.
 * - dashboard-open-100k: what the dashboard does on open now (useLocalDashboardSource + DashboardPage):
 *   store.allCaseFacts() (rows opened through the codec), computeStatsFromFacts for one year grouped by
 *   handler.
 * - dashboard-summary-100k: the KPI answer without case ids (summarizeReport) from facts in memory, and
 *   - dashboard-drill-100k: one drill-down page (200 ids of 结案数) from a computed report.
 */
import type { CaseState } from '#shared/case/index';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import {
  computeStatsFromFacts,
  drillCases,
  factsOf,
  summarizeReport,
  type CaseFacts,
  type StatsInput,
} from '#shared/stats/index';
import { plainCodec } from '../../../renderer/data/codec';
import { memoryJournal } from '../../../renderer/data/journal';
import { openStore, type TribunalStore } from '../../../renderer/data/store';
import { buildScenario } from '../../unit/shared/stats/scenario';
import { register } from './registry';

const N = 100_000;
/** Whole case states: 10k (see above). */
const N_STATES = 10_000;
const CHUNK = 5_000;
const DB = 'bench-dashboard-100k';
const FACTS_DB = 'bench-dashboard-facts-100k';
const TODAY = '2026-11-28';

const loaded = bundledHolidayCalendar();
if (!loaded.ok) throw new Error('calendar');
const calendar = loaded.value;
const INPUT: StatsInput = {
  period: { from: '2026-01-01', to: '2026-11-28' },
  today: TODAY,
  calendar,
  groupBy: 'assignee',
};

const pad = (n: number): string => n.toString().padStart(6, '0');

/** The i-th case: a copy of one template under its own id, handled by one of 40 handlers. */
const stateOf = (templates: readonly CaseState[], i: number): CaseState => {
  const t = templates[i % templates.length];
  if (!t) throw new Error('no template');
  const assigneeId = `user-${String(i % 40)}`;
  return {
    ...t,
    caseId: `case-${pad(i)}`,
    assignee: { eventId: `assign-${pad(i)}`, assigneeId, team: [assigneeId], reason: null },
  };
};

function reqOf<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => {
      resolve(r.result);
    };
    r.onerror = () => {
      reject(r.error ?? new Error('request failed'));
    };
  });
}

function openRaw(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
    if (upgrade)
      req.onupgradeneeded = () => {
        upgrade(req.result);
      };
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('open failed'));
    };
  });
}

type Ready = { store: TribunalStore; raw: IDBDatabase; factsDb: IDBDatabase; facts: CaseFacts[] };
let ready: Promise<Ready> | null = null;

/** Builds the rows once per page (not measured). */
function setup(): Promise<Ready> {
  ready ??= (async () => {
    const templates = (await buildScenario()).desk.states();
    const store = openStore({
      dbName: DB,
      codec: plainCodec,
      journal: memoryJournal(),
      calendar,
      today: () => TODAY,
    });
    const db = store.ctx.db;
    if ((await db.caseStates.count()) !== N_STATES) {
      await db.caseStates.clear();
      for (let start = 0; start < N_STATES; start += CHUNK)
        await db.caseStates.bulkPut(
          Array.from({ length: CHUNK }, (_, k) => ({
            id: `case-${pad(start + k)}`,
            body: { v: 1 as const, alg: 'none', data: stateOf(templates, start + k) },
          })),
        );
    }
    const factsDb = await openRaw(FACTS_DB, (d) => d.createObjectStore('facts', { keyPath: 'caseId' }));
    const count = await reqOf(factsDb.transaction('facts').objectStore('facts').count());
    if (count !== N) {
      for (let start = 0; start < N; start += CHUNK) {
        const tx = factsDb.transaction('facts', 'readwrite');
        const s = tx.objectStore('facts');
        const facts = factsOf(Array.from({ length: CHUNK }, (_, k) => stateOf(templates, start + k)));
        for (const f of facts) s.put(f);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => {
            resolve();
          };
          tx.onerror = () => {
            reject(tx.error ?? new Error('tx failed'));
          };
        });
      }
    }
    const facts = factsOf(Array.from({ length: N }, (_, i) => stateOf(templates, i)));
    // The store's own facts table (migration 006), as buildProjections writes it (plain codec).
    if ((await db.caseFacts.count()) !== N) {
      await db.caseFacts.clear();
      for (let start = 0; start < N; start += CHUNK)
        await db.caseFacts.bulkPut(
          facts
            .slice(start, start + CHUNK)
            .map((f) => ({ id: f.caseId, body: { v: 1 as const, alg: 'none', data: f } })),
        );
    }
    return { store, raw: await openRaw(DB), factsDb, facts };
  })();
  return ready;
}

const timed = async (expected: number, f: () => Promise<number>): Promise<number> => {
  const t0 = performance.now();
  const n = await f();
  const ms = performance.now() - t0;
  if (n !== expected) throw new Error(`expected ${String(expected)} cases, got ${String(n)}`);
  return ms;
};

const check = (facts: readonly CaseFacts[]): number => {
  const r = computeStatsFromFacts(facts, INPUT);
  if (!r.ok) throw new Error(r.error.en);
  return facts.length;
};

register({
  name: 'dashboard-idb-getall-10k',
  runs: 3,
  run: async () => {
    const { raw } = await setup();
    return timed(
      N_STATES,
      async () => (await reqOf(raw.transaction('caseStates').objectStore('caseStates').getAll())).length,
    );
  },
});

register({
  name: 'dashboard-local-10k',
  baseline: 'dashboard-idb-getall-10k',
  runs: 3,
  run: async () => {
    const { store } = await setup();
    return timed(N_STATES, async () => check(factsOf(await store.allCaseStates())));
  },
});

/** The facts rows this page stored above. */
const readFacts = async (factsDb: IDBDatabase): Promise<CaseFacts[]> =>
  (await reqOf(factsDb.transaction('facts').objectStore('facts').getAll())) as CaseFacts[];

register({
  name: 'dashboard-facts-getall-100k',
  runs: 5,
  run: async () => {
    const { factsDb } = await setup();
    return timed(N, async () => (await readFacts(factsDb)).length);
  },
});

register({
  name: 'dashboard-facts-table-100k',
  baseline: 'dashboard-facts-getall-100k',
  runs: 5,
  run: async () => {
    const { factsDb } = await setup();
    return timed(N, async () => check(await readFacts(factsDb)));
  },
});

register({
  name: 'dashboard-compute-100k',
  baseline: 'dashboard-facts-getall-100k',
  runs: 5,
  run: async () => {
    const { facts } = await setup();
    return timed(N, () => Promise.resolve(check(facts)));
  },
});

register({
  name: 'dashboard-store-facts-getall-100k',
  runs: 3,
  run: async () => {
    const { raw } = await setup();
    return timed(
      N,
      async () => (await reqOf(raw.transaction('caseFacts').objectStore('caseFacts').getAll())).length,
    );
  },
});

register({
  name: 'dashboard-open-100k',
  baseline: 'dashboard-store-facts-getall-100k',
  runs: 3,
  run: async () => {
    const { store } = await setup();
    return timed(N, async () => check(await store.allCaseFacts()));
  },
});

register({
  name: 'dashboard-summary-100k',
  baseline: 'dashboard-compute-100k',
  runs: 3,
  run: async () => {
    const { facts } = await setup();
    return timed(N, () => {
      const r = computeStatsFromFacts(facts, INPUT);
      if (!r.ok) throw new Error(r.error.en);
      const body = JSON.stringify(summarizeReport(r.value));
      if (body.includes('"caseIds"')) throw new Error('case ids in the summary');
      return Promise.resolve(r.value.caseCount);
    });
  },
});

let computed: ReturnType<typeof computeStatsFromFacts> | null = null;
register({
  name: 'dashboard-drill-100k',
  runs: 5,
  run: async () => {
    const { facts } = await setup();
    computed ??= computeStatsFromFacts(facts, INPUT);
    const report = computed;
    if (!report.ok) throw new Error(report.error.en);
    const t0 = performance.now();
    const page = drillCases(report.value, { key: 'closed', offset: 0, limit: 200 });
    const ms = performance.now() - t0;
    if (!page.ok || page.value.caseIds.length === 0) throw new Error('empty drill-down');
    return ms;
  },
});
