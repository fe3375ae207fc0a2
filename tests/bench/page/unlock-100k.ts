/*
 * Unlock time with 100,000 cases (issue #8 part 6). The database holds 100k case rows sealed with the
 * device data key (AES-256-GCM bodies, HMAC search tokens, as the encrypting codec writes them) and the
 * key file with the production PBKDF2 cost (600,000 iterations). The measured step is what a user
 * waits for after typing the passphrase: keyring.unlock (PBKDF2 + unwrap + HKDF subkeys), opening the
 * store with the encrypting codec, and the caseload's first page (ids by next deadline + the 30
 * summaries, decrypted). The baseline is the same unlock with an empty database, so the ratio shows
 * whether unlocking grows with the caseload (it should not: nothing is decrypted in bulk at unlock).
 */
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import type { CaseRow } from '../../../renderer/data/db';
import { memoryJournal } from '../../../renderer/data/journal';
import { openMetaPort } from '../../../renderer/data/meta-port';
import { openStore } from '../../../renderer/data/store';
import { KEYFILE_META_KEY, type KeyFile } from '../../../renderer/security/keyfile';
import { openKeyring, type Keyring } from '../../../renderer/security/keyring';
import { register } from './registry';

const N = 100_000;
const WINDOW = 30;
const PASS = '荆门背包仲裁庭·基准口令·2026';
const TODAY = '2026-11-28';
const STATUSES = ['registered', 'accepted', 'in_session', 'agreement_signed', 'performing', 'closed'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

const pad = (n: number, w: number) => n.toString().padStart(w, '0');
const dayOf = (i: number) =>
  new Date(Date.UTC(2026, 10, 1) + ((i * 7919) % 120) * 86_400_000).toISOString().slice(0, 10);

function calendar() {
  const c = bundledHolidayCalendar();
  if (!c.ok) throw new Error('calendar');
  return c.value;
}

type Setup = { keyring: Keyring; db: string };
const ready = new Map<string, Promise<Setup>>();

/** A database with a key file (600k iterations) and `cases` sealed case rows; built once per page. */
function setup(db: string, cases: number): Promise<Setup> {
  let p = ready.get(db);
  if (!p) {
    p = (async () => {
      const meta = openMetaPort(db);
      const keyring = openKeyring({ storage: meta });
      const info = await keyring.info();
      if (!info.ok) throw new Error(info.error.message);
      if (!info.value) {
        const created = await keyring.create(PASS);
        if (!created.ok) throw new Error(created.error.message);
      }
      const kf = (await meta.get(KEYFILE_META_KEY)) as KeyFile;
      if (kf.passphrase.iterations < 600_000)
        throw new Error('the bench must use the production PBKDF2 cost');
      const unlocked = await keyring.unlock(PASS);
      if (!unlocked.ok) throw new Error(unlocked.error.message);
      const { codec } = unlocked.value;
      const store = openStore({ dbName: db, codec, journal: memoryJournal(), calendar: calendar() });
      const t = store.ctx.db;
      if ((await t.cases.count()) !== cases) {
        await t.cases.clear();
        const BATCH = 2_000;
        for (let start = 0; start < cases; start += BATCH) {
          const rows = await Promise.all(
            Array.from({ length: Math.min(BATCH, cases - start) }, async (_, k): Promise<CaseRow> => {
              const i = start + k;
              const name = `${SURNAMES[i % SURNAMES.length] ?? '王'}${['伟', '芳', '强'][i % 3] ?? ''}${String(i % 97)}`;
              const number = `临-BENCH8-${pad(i, 6)}`;
              const due = dayOf(i);
              return {
                id: `case-${pad(i, 6)}`,
                status: STATUSES[i % STATUSES.length] ?? 'registered',
                categories: ['wage_arrears'],
                categoryDeadlines: [['wage_arrears', due]],
                nextDeadline: due,
                assigneeId: `user-${String(i % 40)}`,
                updatedHlc: pad(i, 16),
                searchTokens: await Promise.all(
                  [name.slice(0, 1), name, pad(i % 10_000, 4), number].map((s) => codec.index(s)),
                ),
                body: await codec.seal('cases', {
                  caseId: `case-${pad(i, 6)}`,
                  number,
                  temporary: true,
                  kind: 'mediation',
                  status: 'registered',
                  categories: ['wage_arrears'],
                  caseCause: '拖欠工资纠纷',
                  applicants: [name],
                  respondents: [`某建筑劳务公司${String(i % 500)}`],
                  workerCount: 1,
                  collective: false,
                  amountClaimedFen: (i % 1000) * 10_000,
                  amountRecoveredFen: 0,
                  nextDeadline: { ruleId: 'mediationPeriod', nameZh: '调解期限', due, state: 'running' },
                  inConflict: false,
                  receivedAt: null,
                  assigneeId: null,
                  lastHlc: null,
                }),
              };
            }),
          );
          await t.cases.bulkPut(rows);
        }
      }
      store.close();
      return { keyring, db };
    })();
    ready.set(db, p);
  }
  return p;
}

/** Passphrase → codec → store → first caseload page; answers the milliseconds and the rows shown. */
async function unlockToFirstPage(s: Setup): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const unlocked = await s.keyring.unlock(PASS);
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  const store = openStore({
    dbName: s.db,
    codec: unlocked.value.codec,
    journal: memoryJournal(),
    calendar: calendar(),
    today: () => TODAY,
  });
  const page = await store.queryCasePage({}, 0, WINDOW);
  const rows = await store.summaries(page.ids);
  const ms = performance.now() - t0;
  store.close();
  return { ms, rows: rows.length };
}

register({
  name: 'unlock-empty-to-first-page',
  runs: 3,
  run: async () => {
    const r = await unlockToFirstPage(await setup('bench-unlock-empty', 0));
    if (r.rows !== 0) throw new Error('empty database shows cases');
    return r.ms;
  },
});

register({
  name: 'unlock-100k-to-first-page',
  baseline: 'unlock-empty-to-first-page',
  runs: 3,
  run: async () => {
    const r = await unlockToFirstPage(await setup('bench-unlock-100k', N));
    if (r.rows !== WINDOW) throw new Error(`first page shows ${String(r.rows)} cases`);
    return r.ms;
  },
});
