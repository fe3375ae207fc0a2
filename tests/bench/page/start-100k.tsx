/*
 * Start to interactive with 100,000 cases (issue #4 part 7), measured from NAVIGATION START: each run is
 * a fresh load of the bench page (run-bench.mjs `freshLoad`), and the time is the page's own
 * performance.now() — milliseconds since its timeOrigin, the navigation — when the real CaseloadPage
 * (with the app's providers, on a store opened on the 100k database by this page load) shows its first
 * page of rows on a painted frame (`first-rows`), and when a character typed into the search box then
 * shows in the box on the next frame (`to-interactive`). Included: fetching, parsing and running the
 * bench bundle (the app code, React, Dexie — it also holds the other benches), opening IndexedDB, the
 * first query and render. Not included: Electron start and unlocking (unlock-100k measures that). The
 * 100k rows are written once before the runs (`prepare`, not measured). The baseline is the same fresh
 * load doing the path by hand on raw IndexedDB: open the database, read the first 30 rows by next
 * deadline, put them in the DOM as 30 elements, accept a keystroke — also from navigation start.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { DataProvider } from '../../../renderer/app/data-provider';
import { Providers } from '../../../renderer/app/providers';
import { createQueryClient } from '../../../renderer/app/query-client';
import { plainCodec } from '../../../renderer/data/codec';
import { memoryJournal } from '../../../renderer/data/journal';
import { openStore } from '../../../renderer/data/store';
import { CaseloadPage } from '../../../renderer/features/caseload/CaseloadPage';
import { createI18n } from '../../../renderer/i18n';
import { DB, setup } from './caseload-100k';
import { register } from './registry';

const TODAY = '2026-11-28';
const WINDOW = 30;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const frame = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => {
      resolve();
    });
  });

/** Resolves once `ok()` holds, checked every frame (fails after 30 s). */
async function until(ok: () => boolean, what: string): Promise<void> {
  const t0 = performance.now();
  while (!ok()) {
    if (performance.now() - t0 > 30_000) throw new Error(`timed out waiting for ${what}`);
    await frame();
  }
}

/**
 * Types text as a keystroke does: the value set through the prototype's setter (past React's value
 * tracker on the element), then the native input event React listens to.
 */
function type(input: HTMLInputElement, text: string): void {
  input.focus();
  Reflect.set(HTMLInputElement.prototype, 'value', text, input);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function host(): HTMLDivElement {
  const el = document.createElement('div');
  el.style.cssText = 'position:fixed;inset:0;width:1366px;height:768px;display:flex;flex-direction:column';
  document.body.append(el);
  return el;
}

/** The 100k rows exist before the fresh loads (not measured); the connections close on navigation. */
async function prepare(): Promise<void> {
  await setup();
}

/**
 * From navigation start (this page was loaded for the run) to the first page of rows painted (`typing`
 * false) or on to a keystroke shown in the search box: performance.now() is ms since the navigation.
 */
async function appStart(typing: boolean): Promise<number> {
  const calendar = bundledHolidayCalendar();
  if (!calendar.ok) throw new Error('calendar');
  const el = host();
  const store = openStore({
    dbName: DB,
    codec: plainCodec,
    journal: memoryJournal(),
    calendar: calendar.value,
    today: () => TODAY,
  });
  const router = createMemoryRouter([{ path: '/cases', element: <CaseloadPage /> }], {
    initialEntries: ['/cases'],
  });
  const root = createRoot(el);
  root.render(
    <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
      <DataProvider store={store}>
        <RouterProvider router={router} />
      </DataProvider>
    </Providers>,
  );
  await until(() => el.querySelectorAll('[data-testid="case-link"]').length > 0, 'first page');
  await frame(); // painted
  if (typing) {
    const search = el.querySelector<HTMLInputElement>('[data-testid="case-search"]');
    if (!search) throw new Error('no search box');
    type(search, '张');
    await until(() => search.value === '张', 'typed text');
    await frame();
  }
  const ms = performance.now();
  const rows = el.querySelectorAll('[data-testid="case-row"]').length;
  act(() => {
    root.unmount();
  });
  el.remove();
  store.close();
  if (rows === 0) throw new Error('no rows rendered');
  return ms;
}

async function rawStart(): Promise<number> {
  const el = host();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB);
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('open failed'));
    };
  });
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const req = db.transaction('cases').objectStore('cases').index('nextDeadline').getAll(null, WINDOW);
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('read failed'));
    };
  });
  const input = document.createElement('input');
  el.append(input);
  for (const r of rows) {
    const div = document.createElement('div');
    div.textContent = JSON.stringify(r).slice(0, 80);
    el.append(div);
  }
  await frame();
  input.value = '张';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await frame();
  const ms = performance.now();
  db.close();
  el.remove();
  return ms;
}

register({ name: 'start-100k-raw-idb', runs: 3, freshLoad: true, prepare, run: rawStart });
register({
  name: 'start-100k-first-rows',
  baseline: 'start-100k-raw-idb',
  runs: 3,
  freshLoad: true,
  prepare,
  run: () => appStart(false),
});
register({
  name: 'start-100k-to-interactive',
  baseline: 'start-100k-raw-idb',
  runs: 3,
  freshLoad: true,
  prepare,
  run: () => appStart(true),
});
