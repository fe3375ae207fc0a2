/*
 * Evidence offline, end to end (#5 part 6): enroll, go offline, open a case, import three photos and a
 * PDF (fixtures made here: JPEGs encoded by Chromium, one with EXIF GPS, and a minimal PDF), see the
 * thumbnails, reload; the hashes shown equal `sha256sum` of the fixture files. Then photograph evidence
 * with Chromium's fake camera.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateCreditCode, generateResidentId, seededRng } from '#shared/law/identifiers';
import { MINIMAL_PDF, withExif } from '../tools/jpeg-exif';
import { expect, test } from './fixtures/hub';

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  },
  permissions: ['camera'],
});

/** A real JPEG, encoded by the browser itself, a different colour per seed. */
async function jpeg(page: Page, seed: number): Promise<Buffer> {
  const b64 = await page.evaluate((s) => {
    const c = document.createElement('canvas');
    c.width = 320 + s * 10;
    c.height = 240;
    const g = c.getContext('2d');
    if (!g) return '';
    g.fillStyle = `hsl(${String(s * 90)} 70% 50%)`;
    g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = '#fff';
    g.fillText(`证据 ${String(s)}`, 20, 40);
    return c.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  }, seed);
  return Buffer.from(b64, 'base64');
}

async function openCase(page: Page): Promise<void> {
  await page.goto('/#/cases/new');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.context().setOffline(true);
  await page.getByTestId('paste-open').click();
  const idNumber = generateResidentId(seededRng(1), { birth: '1984-06-02', sex: 'male' });
  if (!idNumber.ok) throw new Error(idNumber.error.zh);
  await page
    .getByTestId('paste-area')
    .fill(`姓名\t身份证号\t电话\t金额\n刘建国\t${idNumber.value}\t13800138001\t8600`);
  await page.getByTestId('paste-apply').click();
  await page.getByTestId('employer-name').fill('荆门市鑫泰建筑劳务有限公司');
  const credit = generateCreditCode(seededRng(5));
  if (credit.ok) await page.getByTestId('employer-creditCode').fill(credit.value);
  await page.getByTestId('claims-0-amount').fill('8600');
  await page.getByTestId('intake-save').click();
  await expect(page.getByTestId('page-case')).toBeVisible();
  await page.getByTestId('casetab-evidence').click();
  await expect(page.getByTestId('evidence-tab')).toBeVisible();
}

test('offline: three photos and a PDF imported, thumbnails shown, hashes equal sha256sum after reload', async ({
  page,
  enrollBrowser,
}) => {
  test.setTimeout(120_000);
  await enrollBrowser(page);
  await page.reload();
  await openCase(page);

  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-evidence-'));
  try {
    const [p1, p2, p3] = [await jpeg(page, 1), await jpeg(page, 2), await jpeg(page, 3)];
    const first = Buffer.from(withExif(p1, { make: 'HUAWEI', gps: { lat: 31.03, lng: 112.2 } }));
    const files = [
      { name: '欠条.jpg', mimeType: 'image/jpeg', buffer: first },
      { name: '考勤表.jpg', mimeType: 'image/jpeg', buffer: p2 },
      { name: '工资条.jpg', mimeType: 'image/jpeg', buffer: p3 },
      { name: '劳动合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from(MINIMAL_PDF) },
    ];
    const sums = files.map((f) => {
      const p = path.join(dir, f.name);
      writeFileSync(p, f.buffer);
      return execFileSync('sha256sum', [p], { encoding: 'utf8' }).split(' ')[0];
    });
    await page.getByTestId('evidence-file-input').setInputFiles(files);
    await expect(page.getByTestId('evidence-row')).toHaveCount(4, { timeout: 30_000 });
    await expect(page.getByTestId('evidence-thumb')).toHaveCount(3);

    // The page itself is served by the preview server (no service worker), so reload with the network
    // back; what is shown after it comes from this device's IndexedDB.
    await page.context().setOffline(false);
    await page.reload();
    await expect(page.getByTestId('evidence-row')).toHaveCount(4);
    await expect(page.getByTestId('evidence-thumb')).toHaveCount(3);
    expect(await page.getByTestId('evidence-hash').allTextContents()).toEqual(sums);

    // The same photo again is refused and named; the EXIF GPS of the first is shown in the viewer.
    await page
      .getByTestId('evidence-file-input')
      .setInputFiles([{ name: 'again.jpg', mimeType: 'image/jpeg', buffer: first }]);
    await expect(page.getByTestId('evidence-queue')).toContainText('已在本案中');
    await page.getByTestId('evidence-row').first().getByRole('button', { name: '查看' }).click();
    await expect(page.getByTestId('evidence-gps')).toContainText('31.03');
    await expect(page.getByTestId('evidence-display')).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a photo from the (fake) camera becomes evidence', async ({ page, enrollBrowser }) => {
  test.setTimeout(120_000);
  await enrollBrowser(page);
  await page.reload();
  await openCase(page);
  await page.getByTestId('evidence-camera').click();
  await expect(page.getByTestId('evidence-shoot')).toBeEnabled({ timeout: 15_000 });
  await page.getByTestId('evidence-shoot').click();
  await expect(page.getByTestId('evidence-row')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('evidence-thumb')).toHaveCount(1);
  await expect(page.getByTestId('evidence-row')).toContainText('仲裁员现场采集');
});

test('a HEIC photo gets a thumbnail and display copy from libheif; a corrupt one is refused', async ({
  page,
  enrollBrowser,
}) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|wasm-unsafe-eval/i.test(m.text())) violations.push(m.text());
  });
  await enrollBrowser(page);
  await page.reload();
  await openCase(page);
  // Web mode has no service worker: the decoder's chunk (fetched on the first HEIC) needs the preview
  // server, so this test imports online. (Offline the photo is kept without copies; Electron loads
  // the chunk from app://, i.e. from disk.)
  await page.context().setOffline(false);
  const heic = readFileSync(path.join(import.meta.dirname, '../fixtures/evidence/photo-64x48.heic'));
  await page
    .getByTestId('evidence-file-input')
    .setInputFiles([{ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: heic }]);
  await expect(page.getByTestId('evidence-row')).toHaveCount(1, { timeout: 30_000 });
  const thumb = page.getByTestId('evidence-thumb');
  await expect(thumb).toHaveCount(1);
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
    .toEqual([64, 48]);
  // The original stays byte for byte: the hash shown is that of the fixture.
  const sum = createHash('sha256').update(heic).digest('hex');
  expect(await page.getByTestId('evidence-hash').allTextContents()).toEqual([sum]);
  await page.getByTestId('evidence-row').first().getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('evidence-display')).toBeVisible();
  await page.keyboard.press('Escape');

  // Half a HEIC (an interrupted copy from a phone) is refused with a clear message, nothing stored.
  await page
    .getByTestId('evidence-file-input')
    .setInputFiles([{ name: 'broken.heic', mimeType: 'image/heic', buffer: heic.subarray(0, 300) }]);
  await expect(page.getByTestId('evidence-queue')).toContainText('HEIC 图片已损坏或无法解码', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('evidence-row')).toHaveCount(1);
  expect(violations).toEqual([]);
});
