/*
 * The arbitrator's day with no signal: after enrolling, the browser goes offline and stays offline while
 * a wage case with 3 workers (pasted from a spreadsheet) and 2 claims is opened, found in the caseload by
 * name and ID tail, given another claim and a corrected phone; after a reload everything is there and the
 * timeline shows the correction. Screenshots at 1366×768 go to __screenshots__ for a human look.
 */
import { generateCreditCode, generateResidentId, seededRng } from '#shared/law/identifiers';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures/hub';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `tests/e2e/__screenshots__/zh-CN-${name}-1366x768.png` });

const id = (seed: number): string => {
  const r = generateResidentId(seededRng(seed), { birth: '1984-06-0' + String((seed % 9) + 1), sex: 'male' });
  if (!r.ok) throw new Error(r.error.zh);
  return r.value;
};

const credit = (() => {
  const r = generateCreditCode(seededRng(5));
  if (!r.ok) throw new Error(r.error.zh);
  return r.value;
})();

const workers = [
  ['刘建国', id(1), '13800138001', '8600'],
  ['王德胜', id(2), '13800138002', '7200.50'],
  ['赵小兵', id(3), '13800138003', '9100'],
];

async function openOffline(page: Page, context: BrowserContext, route: string) {
  await page.goto(`/#${route}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await context.setOffline(true);
  await expect(page.getByTestId('network-status')).toContainText('离线');
}

test('offline: open a wage case, find it, add a claim, correct a phone, reload', async ({
  page,
  context,
  enrollBrowser,
}) => {
  test.setTimeout(90_000);
  await enrollBrowser(page);
  await page.reload();
  await openOffline(page, context, '/cases/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新建案件');

  // Applicants pasted from a spreadsheet (tab-separated, with a header row).
  await page.getByTestId('paste-open').click();
  const tsv = ['姓名\t身份证号\t电话\t金额', ...workers.map((w) => w.join('\t'))].join('\n');
  await page.getByTestId('paste-area').fill(tsv);
  await page.getByTestId('paste-apply').click();
  await expect(page.getByTestId('worker-count')).toHaveText('共 3 名劳动者');
  await page.getByLabel('地点说明').fill('东宝区幸福里安置房项目工地');
  await page.getByTestId('employer-name').fill('荆门市鑫泰建筑劳务有限公司');
  await page.getByTestId('employer-creditCode').fill(credit);
  await page.getByTestId('chain-add').click();
  await page.locator('#chain-0-name').fill('湖北楚天建工集团有限公司');
  await page.getByTestId('claims-0-amount').fill('2000');
  await page.getByTestId('claims-0-item').selectOption('OVERTIME');
  await page.getByTestId('claim-add').click();
  await page.getByTestId('claims-1-item').selectOption('ECON_COMP_N');
  await page.getByTestId('claims-1-amount').fill('15,000');
  await expect(page.getByTestId('claims-total')).toContainText('¥41,900.50');
  await shot(page, 'intake');
  // The frame stays put: only the page area scrolls, the top bar never leaves the screen.
  expect(
    await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
  ).toBeLessThanOrEqual(0);

  await page.getByTestId('intake-save').click();
  await expect(page.getByTestId('page-case')).toBeVisible();
  await expect(page.getByTestId('case-number')).toContainText('临-');
  await expect(page.getByTestId('case-header')).toContainText(
    '刘建国、王德胜、赵小兵 诉 荆门市鑫泰建筑劳务有限公司',
  );
  await expect(page.getByTestId('case-next-deadline')).toContainText('第十四条');
  await shot(page, 'case-overview');

  // The caseload finds it by name and by the last four characters of an ID.
  await page.getByTestId('nav-caseload').click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('case-row')).toContainText('刘建国 等 3 人');
  await shot(page, 'cases-one');
  await page.getByTestId('case-search').fill('王德');
  await expect(page.getByTestId('case-count')).toHaveText('共 1 件');
  await page.getByTestId('case-search').fill('不存在的人');
  await expect(page.getByTestId('case-count')).toHaveText('共 0 件');
  await expect(page.getByText('没有符合条件的案件。')).toBeVisible();
  await page.getByTestId('case-search').fill(workers[2]?.[1]?.slice(-4) ?? '');
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await page.getByTestId('case-link').click();

  // Add a claim, then correct a worker's phone.
  await page.getByTestId('casetab-claims').click();
  await page.getByTestId('add-claim-item').selectOption('DOUBLE_WAGE_NO_CONTRACT');
  await page.getByTestId('add-claim-amount').fill('12000');
  await page.getByTestId('add-claim-save').click();
  await expect(page.getByTestId('claim-line')).toHaveCount(6);
  await shot(page, 'case-claims');
  await page.getByTestId('casetab-parties').click();
  const first = page.getByTestId('party-card').first();
  await first.getByTestId('party-correct').click();
  await first.locator('input[id$="-phone"]').fill('13912345678');
  await first.getByTestId('party-reason').fill('申请人更换手机号码');
  await first.getByTestId('party-save').click();
  await expect(first.getByTestId('party-phone')).toContainText('5678');
  await shot(page, 'case-parties');

  // The web build has no service worker (Electron loads from app://), so the page itself cannot be
  // fetched offline: the reload goes online for the HTML and script only, then offline again before
  // anything is read. Everything below comes from this laptop's IndexedDB.
  await context.setOffline(false);
  await page.reload();
  await page.getByTestId('case-header').waitFor();
  await context.setOffline(true);
  await expect(page.getByTestId('network-status')).toContainText('离线');
  await page.getByTestId('casetab-claims').click();
  await expect(page.getByTestId('claim-line')).toHaveCount(6);
  await page.getByTestId('casetab-timeline').click();
  const correction = page.locator('.timeline__item--correction');
  await expect(correction).toHaveCount(1);
  await expect(correction).toContainText('申请人更换手机号码');
  await expect(correction).toContainText('更正/撤回：添加当事人');
  await shot(page, 'case-timeline');
});

test('offline: bad input is marked at the field in Chinese and nothing typed is lost', async ({
  page,
  context,
  enrollBrowser,
}) => {
  await enrollBrowser(page);
  await page.reload();
  await openOffline(page, context, '/cases/new');
  await shot(page, 'intake-top');
  const bad = id(4).slice(0, 17) + (id(4).endsWith('1') ? '2' : '1');
  await page.getByTestId('workers-0-name').fill('孙大力');
  await page.getByTestId('workers-0-idNumber').fill(bad);
  await page.getByTestId('workers-0-phone').fill('1380013');
  await page.getByTestId('workers-0-amount').fill('-300');
  const warnCode = credit.slice(0, 17) + (credit.endsWith('0') ? '1' : '0');
  await page.getByTestId('employer-name').fill('某物流公司');
  await page.getByTestId('employer-creditCode').fill(warnCode);
  await page.getByTestId('intake-save').click();
  await expect(page.getByTestId('error-workers-0-idNumber')).toContainText('校验位错误');
  await expect(page.getByTestId('error-workers-0-phone')).toContainText('手机号码');
  await expect(page.getByTestId('error-workers-0-amount')).toContainText('负数');
  await expect(page.getByTestId('error-employer-overrideReason')).toContainText('填写理由');
  await expect(page.getByTestId('intake-errors')).toBeVisible();
  await expect(page.getByTestId('workers-0-name')).toHaveValue('孙大力');
  await expect(page.getByTestId('workers-0-idNumber')).toHaveValue(bad);
  await shot(page, 'intake-errors');

  // Broken pasted rows are kept and named.
  await page.getByTestId('paste-open').click();
  await page.getByTestId('paste-area').fill('周一\n吴二\t4.20802E+17\t13800138000\t100');
  await page.getByTestId('paste-apply').click();
  await expect(page.getByTestId('paste-report')).toContainText('第1行只有一列');
  await expect(page.getByTestId('paste-report')).toContainText('科学计数法');
  await expect(page.getByTestId('worker-count')).toHaveText('共 3 名劳动者');
});

test('not enrolled: intake says so and links to 登记', async ({ page }) => {
  await page.goto('/#/cases/new');
  await expect(page.getByTestId('not-enrolled')).toContainText('尚未登记');
  await expect(page.getByTestId('intake-save')).toBeDisabled();
  await page.getByRole('link', { name: '去登记本设备' }).click();
  await expect(page).toHaveURL(/#\/enroll/);
});

test('offline: a collective case of 12 workers pasted from a spreadsheet', async ({
  page,
  context,
  enrollBrowser,
}) => {
  await enrollBrowser(page);
  await page.reload();
  await openOffline(page, context, '/cases/new');
  const rows = Array.from({ length: 12 }, (_, i) =>
    [`工人${String(i + 1)}号`, id(20 + i), `1390000${String(1000 + i)}`, String(3000 + i * 100)].join('\t'),
  );
  await page.getByTestId('paste-open').click();
  await page.getByTestId('paste-area').fill(rows.join('\r\n'));
  await page.getByTestId('paste-apply').click();
  await expect(page.getByTestId('worker-count')).toHaveText('共 12 名劳动者');
  await expect(page.getByText('集体争议（10人及以上）')).toBeVisible();
  await page.getByTestId('employer-name').fill('某电子厂');
  await shot(page, 'intake-collective');
  await page.getByTestId('intake-save').click();
  await expect(page.getByTestId('case-header')).toContainText('工人1号 等 12 人');
  await page.getByTestId('casetab-claims').click();
  // One wage claim per worker with an amount; the blank starter claim is not saved.
  await expect(page.getByTestId('claim-line')).toHaveCount(12);
  await page.getByTestId('casetab-overview').click();
  await expect(page.getByTestId('tab-overview')).toContainText('是');
});
