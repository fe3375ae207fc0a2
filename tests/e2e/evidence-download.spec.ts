/*
 * A photo captured on one laptop shown on another (#5 / #6 blob download): device A (a mediator) opens a
 * case, imports a photo and syncs (event and bytes go to the hub); device B (the supervisor of the same
 * organisation, another browser context) syncs, opens the case and sees the thumbnail made from the
 * downloaded original; the hash shown and the original inside B's verification package both equal
 * sha256sum of the file A imported.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/hub';
import { syncNow } from './pages/case-steps';
import { watch } from './fixtures/app';

const EMPLOYER = '荆门市远程证据测试劳务有限公司';

/** A real JPEG encoded by the browser. */
async function jpeg(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 400;
    c.height = 300;
    const g = c.getContext('2d');
    if (!g) return '';
    g.fillStyle = 'hsl(200 70% 50%)';
    g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = '#fff';
    g.fillText('欠条 远程', 20, 40);
    return c.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  });
  return Buffer.from(b64, 'base64');
}

test('a photo imported on laptop A shows on laptop B with the same SHA-256', async ({
  browser,
  enrollBrowser,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-evidence-dl-'));
  const ctxA = await browser.newContext();
  watch(ctxA);
  const ctxB = await browser.newContext();
  watch(ctxB);
  try {
    const a = await ctxA.newPage();
    await enrollBrowser(a, { name: '王调解', roles: ['mediator'] });
    await a.goto('/#/cases/new');
    await a.getByTestId('workers-0-name').fill('张三');
    await a.getByTestId('employer-name').fill(EMPLOYER);
    await a.getByTestId('intake-save').click();
    await expect(a).toHaveURL(/#\/cases\/(?!new)[^/]+$/);
    await a.getByTestId('casetab-evidence').click();
    const photo = await jpeg(a);
    const file = path.join(dir, '欠条.jpg');
    writeFileSync(file, photo);
    const sum = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] ?? '';
    await a
      .getByTestId('evidence-file-input')
      .setInputFiles([{ name: '欠条.jpg', mimeType: 'image/jpeg', buffer: photo }]);
    await expect(a.getByTestId('evidence-thumb')).toHaveCount(1, { timeout: 30_000 });
    await syncNow(a);

    const b = await ctxB.newPage();
    await enrollBrowser(b, { name: '赵主任', roles: ['supervisor'] });
    await syncNow(b);
    await b.getByTestId('nav-caseload').click();
    await expect(b.getByText(EMPLOYER)).toBeVisible();
    // The hub is shared with other specs: open this spec's case, not whichever sorts first.
    await b.getByTestId('case-row').filter({ hasText: EMPLOYER }).getByRole('link', { name: /^临-/ }).click();
    await b.getByTestId('casetab-evidence').click();
    await expect(b.getByTestId('evidence-row')).toHaveCount(1);
    // The thumbnail B made from the original it downloaded (nothing says 未下载 / 下载中).
    await expect(b.getByTestId('evidence-thumb')).toHaveCount(1, { timeout: 30_000 });
    await expect(b.getByTestId('blob-state')).toHaveCount(0);
    expect(await b.getByTestId('evidence-hash').allTextContents()).toEqual([sum]);

    // The original B holds, byte for byte: its verification package carries it with A's key.
    const [download] = await Promise.all([
      b.waitForEvent('download'),
      b.getByTestId('evidence-export-zip').click(),
    ]);
    const zipPath = path.join(dir, 'package.zip');
    await download.saveAs(zipPath);
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const original = Object.entries(entries).find(([k]) => k.startsWith('files/'));
    expect(original).toBeDefined();
    const copy = path.join(dir, 'from-b.jpg');
    writeFileSync(copy, original?.[1] ?? new Uint8Array());
    expect(execFileSync('sha256sum', [copy], { encoding: 'utf8' }).split(' ')[0]).toBe(sum);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as { keys: object };
    expect(Object.keys(manifest.keys)).toHaveLength(2);
  } finally {
    await ctxA.close();
    await ctxB.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
