/*
 * The dashboard in the production build under the app's strict CSP: ECharts draws (canvas) without a
 * single policy violation, the pickers work, a reversed period is refused in Chinese, and the CSV
 * export downloads with a BOM. Runs on the empty local store (no hub needed).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/app';
import { ShellPage } from './pages/shell-page';

declare global {
  var cspViolations: string[] | undefined;
}

test('the dashboard renders its tiles and ECharts charts under the CSP, offline from local data', async ({
  page,
}) => {
  await page.addInitScript(() => {
    globalThis.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      globalThis.cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const shell = new ShellPage(page);
  await shell.open('/dashboard');
  await expect(shell.heading).toHaveText('统计');
  await expect(page.getByTestId('as-of')).toContainText('数据截至');
  await expect(page.locator('.kpi-tile')).toHaveCount(8);
  await expect(page.getByTestId('kpi-accepted')).toHaveText('0');
  // ECharts drew into canvases (no "cannot draw" fallback).
  await expect(page.getByTestId('chart-closed-by-type').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-accepted-by-category').locator('canvas')).toHaveCount(1);
  await expect(page.getByText('本机无法绘制图表')).toHaveCount(0);
  await page.getByTestId('group-by').selectOption('kind');
  await page.getByTestId('preset-lastYear').click();
  await expect(page.getByTestId('period-from')).toHaveValue(/^\d{4}-01-01$/);

  await page.context().setOffline(true);
  await page.getByTestId('period-to').fill('2000-01-01');
  await expect(page.getByTestId('period-error')).toHaveText('统计期间的结束日期早于开始日期');
  await page.getByTestId('preset-year').click();
  await expect(page.getByTestId('kpi-closed')).toHaveText('0');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-kpi-csv').click();
  const file = await (await download).path();
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('结案率');

  await page.getByTestId('kpi-accepted').click();
  await expect(page.getByTestId('drill-down')).toContainText('受理：0 件案件');

  expect(errors).toEqual([]);
  expect(await page.evaluate(() => globalThis.cspViolations ?? [])).toEqual([]);
});
