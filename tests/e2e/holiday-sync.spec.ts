/*
 * Issue #4 end to end, two laptops and a real hub: an arbitrator's award limit runs into 2027, which the
 * app does not ship, so its due day is unknown. An administrator on another laptop types the 2027
 * arrangement in 设置 → 节假日日历; it is published to the hub; after the arbitrator's next sync the
 * deadline is computed with it (the 45th day is a day off in the fixture, so the limit moves a day).
 * Both laptops live on 29 November 2026 (clock installed), so the result does not depend on the day the
 * suite runs. The 2027 dates are a TEST FIXTURE, not the State Council's arrangement.
 */
import type { Page } from '@playwright/test';
import { watch } from './fixtures/app';
import { expect, test } from './fixtures/hub';
import { syncNow } from './pages/case-steps';

const START = new Date('2026-11-29T02:00:00Z');
const SOURCE = '测试夹具（并非国务院办公厅通知）';

async function newArbitrationCase(page: Page, worker: string, employer: string): Promise<string> {
  await page.goto('/#/cases/new');
  await page.getByTestId('kind-arbitration').check();
  await page.getByTestId('workers-0-name').fill(worker);
  await page.getByTestId('employer-name').fill(employer);
  if ((await page.getByTestId('claims-0-item').count()) === 0) await page.getByTestId('claim-add').click();
  await page.getByTestId('claims-0-item').selectOption('WAGE_ARREARS');
  await page.getByTestId('claims-0-amount').fill('18600');
  await page.getByTestId('intake-save').click();
  await expect(page).toHaveURL(/#\/cases\/(?!new)[^/?]+$/);
  const id = /#\/cases\/([^/?]+)/.exec(page.url())?.[1];
  if (!id) throw new Error('no case id');
  return id;
}

const awardRow = (page: Page) => page.getByTestId('tab-deadlines').locator('tr', { hasText: '仲裁审理期限' });

test('a holiday year an administrator publishes on one laptop dates the deadline on another after sync', async ({
  browser,
  enrollBrowser,
}) => {
  test.setTimeout(180_000);
  const ctxB = await browser.newContext();
  watch(ctxB);
  await ctxB.clock.install({ time: START });
  const b = await ctxB.newPage();
  await enrollBrowser(b, { name: '李仲裁', roles: ['arbitrator', 'supervisor'] });
  const caseId = await newArbitrationCase(b, '王五', '某物流有限公司');
  await b.goto(`/#/cases/${caseId}?tab=review`);
  await b.getByTestId('review-accept-submit').click();
  await expect(b.getByTestId('review-accept-done')).toBeVisible();
  await syncNow(b);
  await b.goto(`/#/cases/${caseId}?tab=deadlines`);
  await expect(awardRow(b)).toHaveCount(1);
  await expect(awardRow(b).locator('td').nth(3)).toContainText('节假日日历缺少 2027 年的安排');

  // The administrator's laptop: 2027 typed from the notice and published to the hub.
  const ctxA = await browser.newContext();
  watch(ctxA);
  await ctxA.clock.install({ time: START });
  const a = await ctxA.newPage();
  await enrollBrowser(a, { name: '系统管理员', roles: ['admin'] });
  await a.goto('/#/settings');
  const panel = a.getByTestId('holiday-calendar');
  await expect(panel.getByTestId('holiday-access-note')).toContainText('发布到同步枢纽');
  const form = a.getByTestId('holiday-form');
  await form.getByTestId('holiday-year').fill('2027');
  await form.getByTestId('holiday-source').fill(SOURCE);
  await form.getByTestId('holiday-days').fill('元旦 2027-01-01\n测试假日 2027-01-13');
  await form.getByTestId('holiday-submit').click();
  await expect(form.getByTestId('holiday-saved')).toBeVisible();
  await expect(panel.getByTestId('holiday-status-2027')).toContainText('已发布到同步枢纽（第 1 版', {
    timeout: 30_000,
  });

  // The arbitrator's laptop syncs: the year arrives and the award limit has a date, moved off the 13th.
  await syncNow(b);
  await b.goto(`/#/cases/${caseId}?tab=deadlines`);
  await expect(awardRow(b).locator('td').nth(3)).toHaveText('2027-01-14');
  await b.goto('/#/settings');
  await expect(b.getByTestId('holiday-year-2027')).toContainText('同步枢纽发布');
  await expect(b.getByTestId('holiday-year-2027')).toContainText(SOURCE);
  await expect(b.getByTestId('holiday-status-2027')).toContainText('系统管理员');

  await ctxA.close();
  await ctxB.close();
});
