/*
 * The mediation agreement as Chromium prints it (the same engine as Electron's printToPDF): the PDF of
 * the ¥18,600.00 two-instalment agreement holds the amount in uppercase and both parties' names, and
 * not the caucus-private note's text (checked with pdftotext from poppler-utils, as issue #6 asks).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures/app';
import { buildAgreementDocument, partyView, renderHtml } from '#shared/documents/index';
import { buildCase, CAUCUS_SECRET, IDS, INTERNAL_SECRET } from '../unit/shared/documents/scenario';

test('the agreement PDF has the uppercase amount and both parties, and no caucus text', async ({ page }) => {
  const { state } = buildCase();
  const doc = buildAgreementDocument(
    partyView(state),
    {
      agreementId: IDS.agreement,
      basis: {
        facts: '申请人在被申请人工地务工，被申请人尚欠工资18600元。',
        disputes: '被申请人应否支付拖欠工资。',
        responsibility: '',
        manner: '银行转账至申请人本人账户。',
      },
      terms: [{ claimId: IDS.claim, description: '拖欠劳动报酬', amountFen: 1_860_000 }],
      instalments: [
        { dueDate: '2026-12-10', amountFen: 930_000 },
        { dueDate: '2027-01-10', amountFen: 930_000 },
      ],
      nextStep: 'instalments',
    },
    { orgName: '荆门市东宝区劳动争议调解委员会', date: '2026-11-29', mediatorName: '李调解' },
    ['已签名', '已签名', '已签名'],
  );
  await page.setContent(renderHtml(doc));
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-pdf-'));
  try {
    const file = path.join(dir, 'agreement.pdf');
    writeFileSync(file, pdf);
    // pdftotext breaks lines where the page does; joining them makes the checks layout-independent.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('人民币壹万捌仟陆佰元整');
    expect(text).toContain('张三');
    expect(text).toContain('荆门某建筑有限公司');
    expect(text).toContain('调解协议书');
    expect(text).toContain('二〇二六年十一月二十九日');
    expect(text).not.toContain(CAUCUS_SECRET);
    expect(text).not.toContain(INTERNAL_SECRET);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
