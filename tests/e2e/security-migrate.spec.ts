/*
 * #8: a device that ran before encryption, upgraded. Its IndexedDB and OPFS journal are left as the
 * plain app left them (written through renderer/data's store with the plain codec by a test page served
 * on the app's origin — the app itself has no way to start plain). Then the real app: the first start
 * asks for a new passphrase, the migration seals everything in place before the store opens, the cases
 * are all there; after a reload and unlock they still are, and the raw IndexedDB rows and the raw OPFS
 * journal no longer hold any canary value (they did before: the scan works).
 *
 * Run alone: flock /tmp/e2e.lock env E2E_PORT=4215 npx playwright test tests/e2e/security-migrate.spec.ts
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateResidentId, seededRng } from '#shared/law/id-generate';
import { expect, passGate, test } from './fixtures/app';
import type { PlainCanary, RawScan, Seeded } from './fixtures/plain-store-page';

test.use({ autoUnlock: false });
test.setTimeout(180_000);

const CASES = 6;
const PASS = '升级后的第一个口令 upgrade 2026';

const id = generateResidentId(seededRng(8), { birth: '1987-06-05', sex: 'female', region: '420802' });
if (!id.ok) throw new Error(id.error.zh);
const CANARY: PlainCanary = {
  name: '明文金丝雀',
  idNumber: id.value,
  phone: '19975310042',
  note: 'PLAINNOTECANARY',
  photo: 'PLAINPHOTOCANARY',
};
const CANARIES = Object.values(CANARY);

let bundle = '';
test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plain-store-page-'));
  try {
    await build({
      entryPoints: ['tests/e2e/fixtures/plain-store-page.ts'],
      bundle: true,
      format: 'esm',
      outfile: join(dir, 'plain.js'),
      logLevel: 'warning',
    });
    bundle = readFileSync(join(dir, 'plain.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The test page, on the app's origin (so the app's IndexedDB and OPFS), never reaching the server. */
async function openTestPage(page: Page): Promise<void> {
  await page.route('**/__plain-store/**', (route) =>
    route.fulfill(
      route.request().url().endsWith('.js')
        ? { contentType: 'text/javascript', body: bundle }
        : {
            contentType: 'text/html',
            body: '<!doctype html><meta charset="utf-8"><script type="module" src="plain.js"></script>',
          },
    ),
  );
  await page.goto('/__plain-store/index.html');
  await page.waitForFunction(() => document.title === 'plain-store-ready');
}

const scan = (page: Page): Promise<RawScan> => page.evaluate((c) => globalThis.plainStore.scan(c), CANARIES);

test('a plain store is sealed in place at the first unlock: cases whole after reload, no canary left in IndexedDB or the journal', async ({
  page,
}) => {
  await openTestPage(page);
  const seeded: Seeded = await page.evaluate(([c, n]) => globalThis.plainStore.seed(c, n), [
    CANARY,
    CASES,
  ] as const);
  expect(seeded.caseIds).toHaveLength(CASES);
  expect(seeded.events).toBe(CASES * 3);
  expect(seeded.journalLines).toBe(seeded.events);
  expect(seeded.chunks).toBe(1);

  // Before: the canaries are there in the clear (so finding none later means something).
  const before = await scan(page);
  expect(before.migrated).toBe(false);
  expect(before.plainRows).toBeGreaterThan(0);
  for (const c of CANARIES)
    expect(
      before.rowHits.some((h) => h.endsWith(`:${c}`)),
      c,
    ).toBe(true);
  expect(before.journalHits.sort()).toEqual([CANARY.name, CANARY.idNumber, CANARY.phone, CANARY.note].sort());

  // The upgraded app: a new passphrase, the migration, then the caseload with every case.
  await page.goto('/');
  await expect(page.getByTestId('setup-passphrase')).toBeVisible({ timeout: 20_000 });
  await passGate(page, PASS);
  await page.goto('/#/cases');
  await expect(page.getByTestId('case-row')).toHaveCount(CASES, { timeout: 60_000 });
  for (let i = 0; i < CASES; i++)
    await expect(page.getByText(`${CANARY.name}${String(i)}`).first()).toBeVisible();

  // After a reload: the passphrase opens it, and the cases are whole (list and case file).
  await page.reload();
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible({ timeout: 20_000 });
  await passGate(page, PASS);
  await page.goto('/#/cases');
  await expect(page.getByTestId('case-row')).toHaveCount(CASES, { timeout: 60_000 });
  await page.goto(`/#/cases/${seeded.caseIds[0] ?? ''}`);
  await expect(page.getByText(`${CANARY.name}0`).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sealed-error')).toHaveCount(0);

  // Raw, with the app closed (the journal worker lets go of the file): every row and line sealed.
  await openTestPage(page);
  const after = await scan(page);
  expect(after.migrated).toBe(true);
  expect(after.plainRows).toBe(0);
  expect(after.rowHits).toEqual([]);
  expect(after.journalHits).toEqual([]);
  expect(after.rows['events']).toBe(seeded.events);
  expect(after.rows['cases']).toBe(CASES);
  expect(after.rows['caseStates']).toBe(CASES);
  expect(after.rows['blobChunks']).toBe(1);
  expect(after.journalLines).toBe(seeded.events);
  expect(after.sealedJournalLines).toBe(seeded.events);
});
