/*
 * 设置 → 节假日日历 in the browser (#3/#4): on a device not yet enrolled the form is open (years stay on
 * this device); a refused entry keeps what was typed; a saved year survives a reload, marked 管理员录入.
 * Every control is a full touch target at 1366×768. The 2027 dates are a TEST FIXTURE, not the State
 * Council's arrangement.
 */
import { expect, test } from './fixtures/app';

const SOURCE = '测试夹具（并非国务院办公厅通知）';

test('an administrator adds a year in Settings; it is refused with messages first and kept after a reload', async ({
  page,
}) => {
  await page.goto('/#/settings');
  const panel = page.getByTestId('holiday-calendar');
  await expect(panel.getByTestId('holiday-year-2026')).toContainText('随软件发布');
  await expect(panel.getByTestId('holiday-access-note')).toContainText('只保存在这台设备上');

  const form = page.getByTestId('holiday-form');
  for (const id of ['holiday-year', 'holiday-source', 'holiday-days', 'holiday-workdays', 'holiday-submit']) {
    const box = await form.getByTestId(id).boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }

  await form.getByTestId('holiday-year').fill('2027');
  await form.getByTestId('holiday-days').fill('测试假日 2027-01-01');
  await form.getByTestId('holiday-workdays').fill('2027-01-06');
  await form.getByTestId('holiday-submit').click();
  await expect(form.getByTestId('holiday-error-source')).toContainText('必须注明来源');
  await expect(form.getByTestId('holiday-days')).toHaveValue('测试假日 2027-01-01');

  await form.getByTestId('holiday-source').fill(SOURCE);
  await form.getByTestId('holiday-submit').click();
  await expect(form.getByTestId('holiday-error-workdays')).toContainText('应为周六或周日');
  await form.getByTestId('holiday-workdays').fill('2027-01-09');
  await form.getByTestId('holiday-submit').click();
  await expect(form.getByTestId('holiday-saved')).toBeVisible();
  await expect(panel.getByTestId('holiday-year-2027')).toContainText('管理员录入');

  await page.reload();
  await expect(page.getByTestId('holiday-year-2027')).toContainText(SOURCE, { timeout: 20_000 });
  await expect(page.getByTestId('holiday-year-2027')).toHaveAttribute('data-origin', 'admin');
});
