/*
 * Issue #9, a supervisor's laptop against a real hub: the reassignment form names the organisation's
 * staff from the synced directory (names and roles, not ids); an export made on the dashboard and the
 * element sheet (劳动争议事实要素采集表) saved as JSON and printed reach the hub's export audit list after
 * the next sync; the JSON holds the ten items and the printed sheet (Chromium's PDF, what Electron's
 * printToPDF makes) carries its title and the parties.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { exportPublicKeyJwk, generateDeviceKeyPair } from '#shared/events/signing';
import type { ExportAuditRecord } from '#shared/sync/wire-org';
import { watch } from './fixtures/app';
import { expect, test, type TestHub } from './fixtures/hub';
import { syncNow } from './pages/case-steps';

async function newCase(page: Page, worker: string, employer: string): Promise<string> {
  await page.goto('/#/cases/new');
  await page.getByTestId('kind-mediation').check();
  await page.getByTestId('workers-0-name').fill(worker);
  await page.getByTestId('employer-name').fill(employer);
  if ((await page.getByTestId('claims-0-item').count()) === 0) await page.getByTestId('claim-add').click();
  await page.getByTestId('claims-0-item').selectOption('WAGE_ARREARS');
  await page.getByTestId('claims-0-amount').fill('12800');
  await page.getByTestId('intake-save').click();
  await expect(page).toHaveURL(/#\/cases\/(?!new)[^/?]+$/);
  const id = /#\/cases\/([^/?]+)/.exec(page.url())?.[1];
  if (!id) throw new Error('no case id');
  return id;
}

/** The hub's export audit list as a supervisor of the organisation reads it (GET /v1/audit/exports). */
async function hubAudit(hub: TestHub): Promise<ExportAuditRecord[]> {
  const { code } = await hub.createUser({ name: '审计读取', roles: ['supervisor'] });
  const keys = await generateDeviceKeyPair();
  const enrolled = await fetch(`${hub.url}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'e2e', publicKey: await exportPublicKeyJwk(keys.publicKey) }),
  });
  expect(enrolled.status).toBe(201);
  const { token } = (await enrolled.json()) as { token: string };
  const res = await fetch(`${hub.url}/v1/audit/exports?limit=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { records: ExportAuditRecord[] }).records;
}

test('reassignment names the staff from the directory; dashboard and element-sheet exports reach the hub’s audit list', async ({
  browser,
  enrollBrowser,
  hub,
}) => {
  test.setTimeout(180_000);
  const ctxA = await browser.newContext({ acceptDownloads: true });
  watch(ctxA);
  const a = await ctxA.newPage();
  await enrollBrowser(a, { name: '钱仲裁', roles: ['arbitrator', 'mediator'] });
  const caseId = await newCase(a, '孙六', '荆门某食品有限公司');
  await syncNow(a);
  // A colleague who never enrolled a laptop: known to the supervisor only through the directory.
  await hub.createUser({ name: '周书记', roles: ['clerk', 'mediator'] });

  const ctxB = await browser.newContext({ acceptDownloads: true });
  watch(ctxB);
  const b = await ctxB.newPage();
  await enrollBrowser(b, { name: '吴主任', roles: ['supervisor'] });
  await syncNow(b);

  // 1. The reassignment form lists colleagues by name and role from the synced directory.
  await b.goto(`/#/cases/${caseId}?tab=review`);
  await expect(b.getByTestId('review-reassign-directory')).toContainText(`人员名单：${hub.org.name}`);
  const options = b.getByTestId('review-reassign-user').locator('option');
  // Roles in the directory's order, each translated.
  await expect(options.filter({ hasText: '钱仲裁（' })).toHaveText([
    /^钱仲裁（(仲裁员、调解员|调解员、仲裁员)）$/,
  ]);
  const clerk = options.filter({ hasText: '周书记（' });
  await expect(clerk).toHaveText([/^周书记（(书记员、调解员|调解员、书记员)）$/]);
  await b.getByTestId('review-reassign-user').selectOption((await clerk.getAttribute('value')) ?? '');
  await b.getByTestId('review-reassign-reason').fill('钱仲裁出差，改由周书记承办');
  await b.getByTestId('review-reassign-submit').click();
  await expect(b.getByTestId('review-reassign-done')).toHaveText('案件已改派');

  // 2. The element sheet: ten items, saved as JSON, printed (the PDF Chromium makes of the print view).
  const sheet = b.getByTestId('element-sheet');
  await expect(sheet).toContainText('劳动争议事实要素采集表');
  await expect(sheet.locator('tr')).toHaveCount(10);
  const jsonDownload = b.waitForEvent('download');
  await b.getByTestId('element-sheet-json').click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const saved = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
    titleZh: string;
    items: { no: number; entries: { value: string | null }[] }[];
  };
  expect(saved.titleZh).toBe('劳动争议事实要素采集表');
  expect(saved.items.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(JSON.stringify(saved)).toContain('孙六');
  await expect(b.getByTestId('element-sheet-status')).toHaveText(`已导出 ${json.suggestedFilename()}`);
  await b.evaluate(() => {
    // Headless Chromium has no print dialog: print() returns at once, as when the user saves a PDF.
    window.print = () => undefined;
  });
  await b.getByTestId('element-sheet-print').click();
  await expect(b.getByTestId('element-sheet-status')).toHaveText('要素表已打印');
  await b.evaluate(() => {
    document.body.classList.add('printing-element-sheet');
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-element-sheet-'));
  const pdfPath = path.join(dir, 'sheet.pdf');
  writeFileSync(pdfPath, await b.pdf({ format: 'A4', printBackground: true }));
  await b.evaluate(() => {
    document.body.classList.remove('printing-element-sheet');
  });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('劳动争议事实要素采集表');
  expect(text).toContain('孙六');
  expect(text).toContain('荆门某食品有限公司');
  expect(text).not.toContain('改派');

  // 3. A dashboard export, then sync: the hub's audit list has all three, by this supervisor.
  await b.getByTestId('nav-dashboard').click();
  const csvDownload = b.waitForEvent('download');
  await b.getByTestId('export-cases-csv').click();
  const csvName = (await csvDownload).suggestedFilename();
  await expect(b.getByTestId('export-log-entry').first()).toContainText(csvName);
  await syncNow(b);
  await b.getByTestId('nav-dashboard').click();
  await expect(b.getByTestId('export-log-sent').first()).toContainText('已上报枢纽');
  const mine = (await hubAudit(hub)).filter((r) => r.userName === '吴主任');
  expect(mine.map((r) => [r.kind, r.format]).sort()).toEqual(
    [
      ['caseload', 'csv'],
      ['element_sheet', 'json'],
      ['element_sheet', 'pdf'],
    ].sort(),
  );
  expect(mine.find((r) => r.kind === 'caseload')?.file).toBe(csvName);
  expect(mine.filter((r) => r.kind === 'element_sheet').map((r) => r.caseId)).toEqual([caseId, caseId]);

  await ctxA.close();
  await ctxB.close();
});
