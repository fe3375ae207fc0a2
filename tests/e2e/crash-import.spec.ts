/*
 * Issue #4 part 6, the second test: a bulk import of about 500 events (a collective wage case of 250
 * workers pasted from a spreadsheet: the case, 250 workers, the employer, 250 wage claims, saved as one
 * write) is cut off 20 times by closing the page at a seeded random moment after 保存, with the hub
 * unreachable throughout. A save counts as acknowledged when the app showed it saved (it opens the case
 * file only after the write resolved). After reopening (unlock, start-up recovery), IndexedDB and the
 * journal are read directly: every acknowledged case is there with all its events; every case present
 * is whole (all its events, its list row and reduced state, every event queued for the hub); no
 * projection without its events; and the journal holds exactly one line per stored event.
 */
import { generateResidentId, seededRng } from '#shared/law/identifiers';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/hub';

const WORKERS = 250;
const CRASHES = 20;

/** A valid resident ID born on the i-th day after 1970-01-01: distinct for every worker of a case. */
const residentId = (i: number): string => {
  const birth = new Date(Date.UTC(1970, 0, 1) + i * 53 * 86_400_000).toISOString().slice(0, 10);
  const r = generateResidentId(seededRng(1000 + i), { birth, sex: 'male' });
  if (!r.ok) throw new Error(r.error.zh);
  return r.value;
};
const IDS = Array.from({ length: WORKERS }, (_, i) => residentId(i));

/** A deterministic sequence in [0, 1) (the crash points): same seed, same run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Opens 新建案件, pastes the round's 250 workers and names the employer; returns when ready to save. */
async function fillImport(page: Page, round: number): Promise<void> {
  await page.goto('/#/cases/new');
  await page.getByTestId('paste-open').click();
  const rows = IDS.map((id, i) =>
    [`第${String(round)}批工人${String(i + 1)}`, id, `139${String(10_000_000 + i)}`, String(3000 + i)].join(
      '\t',
    ),
  );
  await page.getByTestId('paste-area').fill(rows.join('\n'));
  await page.getByTestId('paste-apply').click();
  await expect(page.getByTestId('worker-count')).toHaveText(`共 ${String(WORKERS)} 名劳动者`);
  await page.getByTestId('employer-name').fill(`荆门某建筑劳务公司第${String(round)}批`);
}

const caseIdOf = (url: string): string => {
  const m = /\/cases\/([0-9a-f-]{36})/.exec(url);
  if (!m?.[1]) throw new Error(`no case id in ${url}`);
  return m[1];
};

type Stored = {
  events: { id: string; caseId: string }[];
  cases: string[];
  states: string[];
  outbox: string[];
  journalLines: number;
};

/** What IndexedDB and the OPFS journal hold, read directly in the page (ids and counts only). */
async function readStorage(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('backpack-tribunal');
      req.onsuccess = () => {
        resolve(req.result);
      };
      req.onerror = () => {
        reject(req.error ?? new Error('open failed'));
      };
    });
    const all = <T>(store: string): Promise<T[]> =>
      new Promise((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => {
          resolve(req.result as T[]);
        };
        req.onerror = () => {
          reject(req.error ?? new Error('read failed'));
        };
      });
    const events = (await all<{ id: string; caseId: string }>('events')).map((e) => ({
      id: e.id,
      caseId: e.caseId,
    }));
    const cases = (await all<{ id: string }>('cases')).map((r) => r.id);
    const states = (await all<{ id: string }>('caseStates')).map((r) => r.id);
    const outbox = (await all<{ id: string }>('outbox')).map((r) => r.id);
    db.close();
    const root = await navigator.storage.getDirectory();
    const file = await (await root.getFileHandle('tribunal-journal.jsonl')).getFile();
    const journalLines = (await file.text()).split('\n').filter((l) => l.trim() !== '').length;
    return { events, cases, states, outbox, journalLines };
  });
}

test('closing the page 20 times in the middle of a 500-event import loses no saved event and leaves nothing half-written', async ({
  page,
  context,
  hub,
  enrollBrowser,
}) => {
  test.setTimeout(20 * 60_000);
  await enrollBrowser(page);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  // No signal to the hub from here on (the app itself must still load in each new page, which a fully
  // offline context cannot do without a service worker): every hub request fails as offline.
  await context.route(`${hub.url}/**`, (route) => route.abort('internetdisconnected'));

  // Calibration: one import saved to the end gives the events per case and how long a save takes.
  await fillImport(page, 0);
  const t0 = Date.now();
  await page.getByTestId('intake-save').click();
  await expect(page.getByTestId('intake-errors')).toHaveCount(0);
  await expect(page.getByTestId('case-header')).toBeVisible({ timeout: 120_000 });
  const saveMs = Date.now() - t0;
  const acknowledged = [caseIdOf(page.url())];
  const perCase = (await readStorage(page)).events.length;
  expect(perCase).toBeGreaterThanOrEqual(500);
  await page.close({ runBeforeUnload: false });

  const next = lcg(4204);
  let cut = 0;
  for (let round = 1; round <= CRASHES; round++) {
    const p = await context.newPage();
    await fillImport(p, round);
    // A seeded moment from just after the click to a little past a whole save.
    const after = Math.floor(next() * saveMs * 1.3);
    await p.getByTestId('intake-save').click();
    const saved = await p
      .getByTestId('case-header')
      .waitFor({ timeout: Math.max(after, 1) })
      .then(
        () => true,
        () => false,
      );
    if (saved) acknowledged.push(caseIdOf(p.url()));
    else cut++;
    await p.close({ runBeforeUnload: false });
  }
  // The seeded points must really cut some saves off (else this test proves nothing).
  expect(cut).toBeGreaterThan(0);

  const last = await context.newPage();
  await last.goto('/#/cases');
  // Past the unlock gate and the start-up recovery, the caseload lists the cases.
  await expect(last.getByTestId('case-link').first()).toBeVisible({ timeout: 120_000 });
  const s = await readStorage(last);

  const byCase = new Map<string, number>();
  for (const e of s.events) byCase.set(e.caseId, (byCase.get(e.caseId) ?? 0) + 1);
  // Every acknowledged import is there, whole.
  for (const id of acknowledged) expect(byCase.get(id), `acknowledged case ${id}`).toBe(perCase);
  // Every case present is whole: all its events, its list row and its reduced state.
  for (const [id, n] of byCase) {
    expect(n, `events of case ${id}`).toBe(perCase);
    expect(s.cases, `list row of ${id}`).toContain(id);
    expect(s.states, `state of ${id}`).toContain(id);
  }
  // No projection without its events.
  for (const id of [...s.cases, ...s.states]) expect(byCase.has(id), `events of projected ${id}`).toBe(true);
  // The hub was unreachable all along: every stored event waits in the outbox, and nothing else does.
  expect(new Set(s.outbox)).toEqual(new Set(s.events.map((e) => e.id)));
  // Journal and IndexedDB agree: one line per stored event.
  expect(s.journalLines).toBe(s.events.length);
  test.info().annotations.push({
    type: 'crash-import',
    description: `${String(acknowledged.length)} of ${String(CRASHES + 1)} imports acknowledged; ${String(byCase.size)} cases stored; ${String(cut)} cut off; save ${String(saveMs)} ms`,
  });
});
