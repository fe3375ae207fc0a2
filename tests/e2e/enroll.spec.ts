/* Enrolling a browser with a real hub: the names reach the top bar; a bad code and a dead hub are named. */
import { enrollWithCode, expect, test } from './fixtures/hub';
import { E2E_PASSPHRASE, watch } from './fixtures/app';

test('the top bar links to enrollment, and enrolling shows organisation and user', async ({ page, hub }) => {
  await page.goto('/#/cases');
  await page.getByTestId('user').getByRole('link', { name: '本设备尚未登记' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登记本设备');

  const { user, code } = await hub.createUser({ name: '王调解', roles: ['mediator'] });
  await enrollWithCode(page, hub.url, code, user);
  await expect(page.getByTestId('organisation')).toHaveText(hub.org.name);
  await expect(page.getByTestId('enrolled')).toContainText(user.name);
  // #8: the data key was escrowed with the organisation at enrollment.
  await expect(page.getByTestId('escrow-status')).toHaveAttribute('data-state', 'escrowed');

  // Survives a reload: the enrollment is on this device, not in memory.
  await page.reload();
  await expect(page.getByTestId('user')).toHaveText('王调解');
});

test('a used code is refused in Chinese and nothing is saved', async ({ page, hub, browser }) => {
  const { user, code } = await hub.createUser({ name: '李仲裁', roles: ['arbitrator'] });
  await enrollWithCode(page, hub.url, code, user);

  const other = await browser.newContext();
  watch(other);
  const second = await other.newPage();
  await second.goto('/#/enroll');
  const form = second.getByTestId('enroll-form');
  await form.getByLabel('同步服务器地址').fill(hub.url);
  await form.getByLabel('一次性登记码').fill(code);
  await form.getByLabel('设备名称').fill('第二台电脑');
  await form.getByLabel('本机口令').fill(E2E_PASSPHRASE);
  await form.getByRole('button', { name: '登记' }).click();
  await expect(second.getByTestId('enroll-error')).toHaveText(/登记码无效或已过期/);
  await expect(form.getByLabel('一次性登记码')).toHaveAttribute('aria-invalid', 'true');
  await expect(second.getByTestId('user')).toHaveText('本设备尚未登记');
  await other.close();
});

test('a wrong device passphrase is named before the code is used', async ({ page, hub }) => {
  const { user, code } = await hub.createUser({ name: '赵调解', roles: ['mediator'] });
  await page.goto('/#/enroll');
  const form = page.getByTestId('enroll-form');
  await form.getByLabel('同步服务器地址').fill(hub.url);
  await form.getByLabel('一次性登记码').fill(code);
  await form.getByLabel('设备名称').fill('赵调解的电脑');
  await form.getByLabel('本机口令').fill('不是本机口令的口令');
  await form.getByRole('button', { name: '登记' }).click();
  await expect(page.getByTestId('enroll-error')).toHaveText(/口令不正确/);
  await enrollWithCode(page, hub.url, code, user); // the code was not used up
});

test('an unreachable hub is named, with the address field marked', async ({ page }) => {
  await page.goto('/#/enroll');
  const form = page.getByTestId('enroll-form');
  // Port 9 (discard) is closed on loopback: the connection is refused at once.
  await form.getByLabel('同步服务器地址').fill('http://127.0.0.1:9');
  await form.getByLabel('一次性登记码').fill('ABCD-EFGH');
  await form.getByLabel('设备名称').fill('测试电脑');
  await form.getByLabel('本机口令').fill(E2E_PASSPHRASE);
  await form.getByRole('button', { name: '登记' }).click();
  await expect(page.getByTestId('enroll-error')).toHaveText(/无法连接同步服务器/);
  await expect(form.getByLabel('同步服务器地址')).toHaveAttribute('aria-invalid', 'true');
});
