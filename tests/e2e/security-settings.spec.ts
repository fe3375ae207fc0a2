/*
 * 设置 → 本机安全 in the browser (#8): the device key facts, then a passphrase change driven like a user
 * (wrong current passphrase named, then the change); after a reload the old passphrase is refused and
 * the new one unlocks. Every control of the form is a full touch target at 1366×768.
 */
import { expect, passGate, test } from './fixtures/app';

test.use({ autoUnlock: false });

const OLD = '荆门背包仲裁庭·旧口令·2026';
const NEW = '荆门背包仲裁庭·新口令·2026';

test('change the passphrase in Settings; after a reload only the new one unlocks', async ({ page }) => {
  await page.goto('/#/settings');
  await passGate(page, OLD); // first run: sets OLD
  await expect(page.getByTestId('page-settings')).toBeVisible();
  await expect(page.getByTestId('device-key')).toContainText('本机密钥编号');
  // A browser has no OS keystore: the passphrase alone protects the data, and the page says so.
  await expect(page.getByTestId('keystore-backend')).toHaveAttribute('data-state', 'unavailable');
  await expect(page.getByTestId('escrow-state')).toContainText('未托管');

  const form = page.getByTestId('passphrase-form');
  for (const control of [
    form.getByTestId('passphrase-old'),
    form.getByTestId('passphrase-new'),
    form.getByTestId('passphrase-confirm'),
    form.getByRole('button', { name: '修改口令' }),
  ]) {
    const box = await control.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }

  await form.getByLabel('当前口令').fill('不是当前口令的口令');
  await form.getByLabel('新口令', { exact: true }).fill(NEW);
  await form.getByLabel('再次输入新口令').fill(NEW);
  await expect(page.getByTestId('passphrase-strength')).toContainText('强度');
  await form.getByRole('button', { name: '修改口令' }).click();
  await expect(page.getByTestId('passphrase-error')).toHaveText('口令不正确', { timeout: 20_000 });

  await form.getByLabel('当前口令').fill(OLD);
  await form.getByRole('button', { name: '修改口令' }).click();
  await expect(page.getByTestId('passphrase-changed')).toBeVisible({ timeout: 20_000 });

  await page.reload();
  const unlock = page.getByTestId('unlock-passphrase');
  await unlock.fill(OLD);
  await unlock.press('Enter');
  await expect(page.getByTestId('unlock-error')).toContainText('口令不正确', { timeout: 20_000 });
  await unlock.fill(NEW);
  await unlock.press('Enter');
  await expect(page.getByTestId('page-settings')).toBeVisible({ timeout: 20_000 });
});
