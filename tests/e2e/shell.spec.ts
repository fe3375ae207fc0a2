/* The frame: opens in Chinese with real CJK glyphs, switches language live and remembers it, shows 在线/离线. */
import { expect, test } from './fixtures/app';
import { glyphFingerprints, platformFontsOf } from './pages/fonts';
import { SettingsPage } from './pages/settings-page';
import { ShellPage } from './pages/shell-page';

const railLabelsZh = ['案件', '今日', '统计', '同步', '设置'];
const railLabelsEn = ['Cases', 'Today', 'Dashboard', 'Sync', 'Settings'];

test('opens in Chinese: html lang, rail labels, caseload page', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open('/');
  expect(await shell.htmlLang()).toBe('zh-CN');
  await expect(page).toHaveTitle('背包仲裁庭');
  await expect(shell.rail.getByRole('link')).toHaveText(railLabelsZh);
  await expect(shell.heading).toHaveText('案件');
  await expect(shell.railLink('caseload')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('columnheader')).toHaveText([
    '案号',
    '申请人',
    '被申请人',
    '案由',
    '状态',
    '下一期限',
    '承办人',
    '同步',
  ]);
  await expect(page.getByRole('link', { name: '新建案件' })).toBeVisible();
  await expect(shell.saveState).toContainText('已保存到本机');
});

test('Chinese text is drawn with a CJK font, not missing-glyph boxes', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.open();
  const fonts = await platformFontsOf(page, shell.railLink('caseload'));
  const cjk = fonts.filter((f) => /CJK|Han Sans|Noto Sans SC|PingFang|YaHei/i.test(f.familyName));
  expect(fonts, JSON.stringify(fonts)).not.toHaveLength(0);
  expect(
    cjk.reduce((n, f) => n + f.glyphCount, 0),
    JSON.stringify(fonts),
  ).toBeGreaterThanOrEqual(2);

  // U+0378 is unassigned: it always draws as the missing-glyph box, the reference for "tofu".
  const [an, jian, tofu] = await glyphFingerprints(page, ['案', '件', '\u0378']);
  expect(an).not.toBe(jian);
  expect(an).not.toBe(tofu);
  expect(an).toMatch(/1/); // something was drawn at all
});

test('switching to English applies at once and survives a reload', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.openSettings();
  await expect(settings.heading).toHaveText('设置');
  await settings.chooseLanguage('English');
  await expect(settings.rail.getByRole('link')).toHaveText(railLabelsEn);
  await expect(settings.heading).toHaveText('Settings');
  expect(await settings.htmlLang()).toBe('en');

  await page.reload();
  await settings.heading.waitFor();
  await expect(settings.rail.getByRole('link')).toHaveText(railLabelsEn);
  expect(await settings.htmlLang()).toBe('en');

  await settings.chooseLanguage('简体中文');
  await expect(settings.rail.getByRole('link')).toHaveText(railLabelsZh);
  expect(await settings.htmlLang()).toBe('zh-CN');
});

test('going offline flips the indicator to 离线 and back to 在线', async ({ page, context }) => {
  const shell = new ShellPage(page);
  await shell.open();
  await expect(shell.networkStatus).toContainText('在线');
  await context.setOffline(true);
  await expect(shell.networkStatus).toContainText('离线');
  await context.setOffline(false);
  await expect(shell.networkStatus).toContainText('在线');
});
