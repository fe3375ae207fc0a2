/*
 * Two laptops of one organisation and a real hub: a mediator records a case while offline, comes back
 * online and the case goes up by itself (the top bar says 已同步, and its sync chip when); the supervisor
 * syncs and sees it.
 */
import { expect, test } from './fixtures/hub';
import { watch } from './fixtures/app';

test('a case recorded offline reaches a colleague after both sync', async ({ browser, enrollBrowser }) => {
  const ctxA = await browser.newContext();
  watch(ctxA);
  const a = await ctxA.newPage();
  await enrollBrowser(a, { name: '王调解', roles: ['mediator'] });

  await ctxA.setOffline(true);
  await a.goto('/#/cases/new');
  await expect(a.getByTestId('network-status')).toContainText('离线');
  await a.getByTestId('workers-0-name').fill('张三');
  await a.getByTestId('employer-name').fill('荆门某建筑劳务有限公司');
  await a.getByTestId('intake-save').click();
  await expect(a).toHaveURL(/#\/cases\/(?!new)[^/]+$/);
  await expect(a.getByTestId('save-state')).toContainText('已保存到本机');
  await expect(a.getByTestId('sync-chip')).toContainText('待联网后自动同步');

  // Back online: the app syncs on its own and the case on screen turns 已同步; the top bar says when.
  await ctxA.setOffline(false);
  await expect(a.getByTestId('save-state')).toContainText('已同步', { timeout: 15_000 });
  await expect(a.getByTestId('sync-chip')).toContainText(/已同步 \d{2}:\d{2}/);
  await a.getByTestId('nav-sync').click();
  await expect(a.getByTestId('last-sync')).not.toHaveText('尚未同步');
  await expect(a.getByText('没有待上传的内容。')).toBeVisible();

  const ctxB = await browser.newContext();
  watch(ctxB);
  const b = await ctxB.newPage();
  await enrollBrowser(b, { name: '赵主任', roles: ['supervisor'] });
  await b.getByTestId('nav-sync').click();
  await b.getByTestId('sync-now').click();
  await expect(b.getByTestId('sync-done')).toBeVisible();
  await b.getByTestId('nav-caseload').click();
  await expect(b.getByText('荆门某建筑劳务有限公司')).toBeVisible();

  await ctxA.close();
  await ctxB.close();
});

test('syncing while offline says so and keeps the records waiting', async ({ page, enrollBrowser }) => {
  await enrollBrowser(page, { name: '钱调解', roles: ['mediator'] });
  await page.goto('/#/cases/new');
  await page.getByTestId('workers-0-name').fill('李四');
  await page.getByTestId('employer-name').fill('某餐饮管理有限公司');
  await page.context().setOffline(true);
  await page.getByTestId('intake-save').click();
  await expect(page).toHaveURL(/#\/cases\/(?!new)[^/]+$/);
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('sync-waiting')).toContainText('条记录待上传（1 个案件）');
  await page.getByTestId('sync-now').click();
  // Three retries (1 s, 2 s, 4 s) before the run gives up.
  await expect(page.getByTestId('sync-failure')).toContainText('无法连接同步服务器', { timeout: 20_000 });
  await expect(page.getByTestId('save-state')).toContainText('同步失败');
  await expect(page.getByTestId('sync-waiting')).toBeVisible();
  // Automatic sync waits for the network instead of retrying into the void.
  await expect(page.getByTestId('sync-chip')).toContainText('待联网后自动同步');
});
