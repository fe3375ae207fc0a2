/* Every rail entry opens its page, by mouse and by keyboard; the frame fits 1366×768 with large targets. */
import { expect, passGate, test } from './fixtures/app';
import { type RailEntry, ShellPage } from './pages/shell-page';

const entries: [RailEntry, string][] = [
  ['caseload', '案件'],
  ['today', '今日'],
  ['dashboard', '统计'],
  ['sync', '同步'],
  ['settings', '设置'],
];

test('each rail entry opens its page and marks itself current', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open();
  for (const [entry, title] of entries) {
    await shell.railLink(entry).click();
    await expect(shell.heading).toHaveText(title);
    await expect(shell.railLink(entry)).toHaveAttribute('aria-current', 'page');
  }
});

test('the rail works from the keyboard and focus lands on the new page heading', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open();
  await shell.railLink('sync').focus();
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('同步');
  await expect(shell.heading).toBeFocused();
});

test('新建案件 and a case link open their pages; unknown routes say so', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open();
  await page.getByRole('link', { name: '新建案件' }).click();
  await expect(shell.heading).toHaveText('新建案件');
  await shell.open('/cases/0190c3a2-7b1e-7000-8000-000000000001');
  await expect(page.getByTestId('case-id')).toContainText('0190c3a2-7b1e-7000-8000-000000000001');
  await shell.open('/no-such-page');
  await expect(shell.heading).toHaveText('找不到这个页面');
});

test('at 1366×768 nothing overflows sideways and every control is at least 44px tall', async ({ page }) => {
  const shell = new ShellPage(page);
  for (const [entry] of entries) {
    await shell.open(entry === 'caseload' ? '/cases' : `/${entry}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, entry).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a, button, input')]
        .filter((el) => el.offsetParent !== null && !el.classList.contains('skip-link'))
        // An input inside a label is hit through the whole label.
        .map((el) => (el instanceof HTMLInputElement ? (el.closest('label') ?? el) : el))
        .map((el) => ({ text: el.textContent.trim(), h: el.getBoundingClientRect().height }))
        .filter((c) => c.h < 44),
    );
    expect(small, entry).toEqual([]);
  }
});

test.describe('locking', () => {
  test.use({ autoUnlock: false });

  test('the lock button drops the session: the work is gone until the passphrase is typed again', async ({
    page,
  }) => {
    const shell = new ShellPage(page);
    await page.goto('/#/cases');
    await passGate(page); // first run: set the passphrase
    await expect(shell.heading).toHaveText('案件');
    await shell.lockButton.click();
    const passphrase = page.getByTestId('unlock-passphrase');
    await expect(passphrase).toBeVisible();
    await expect(shell.rail).toHaveCount(0);
    await passphrase.fill('不是这个口令');
    await passphrase.press('Enter');
    await expect(page.getByTestId('unlock-error')).toBeVisible();
    await expect(shell.rail).toHaveCount(0);
    await passGate(page);
    await expect(shell.heading).toHaveText('案件');
  });
});
