/*
 * Issue #6 end to end, offline: a wage-arrears case goes through a mobile hearing with a transcript,
 * the five-heart notes (one caucus-private), and a ¥18,600.00 agreement in two instalments signed by
 * both parties and the mediator; the printed PDF holds 人民币壹万捌仟陆佰元整 and both names but not
 * the caucus text (pdftotext); a ¥9,300.00 payment citing the bank slip from the evidence tab shows
 * as recovered with the next due date and its proof. A stage-1 note is corrected with a reason and
 * both versions stay readable.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MINIMAL_PDF } from '../tools/jpeg-exif';
import { expect, test } from './fixtures/hub';
import { sign } from './pages/case-steps';

const CAUCUS = '公司私下表示最多只能付一万五千元';

test('a wage-arrears case from hearing to a signed, printed and partly performed agreement', async ({
  page,
  context,
  enrollBrowser,
}) => {
  test.setTimeout(120_000);
  await enrollBrowser(page, { name: '王调解', roles: ['mediator'] });
  await context.setOffline(true);

  await page.goto('/#/cases/new');
  await page.getByTestId('workers-0-name').fill('张三');
  await page.getByTestId('employer-name').fill('荆门某建筑劳务有限公司');
  if ((await page.getByTestId('claims-0-item').count()) === 0) await page.getByTestId('claim-add').click();
  await page.getByTestId('claims-0-item').selectOption('WAGE_ARREARS');
  await page.getByTestId('claims-0-amount').fill('18600');
  await page.getByTestId('intake-save').click();
  await expect(page).toHaveURL(/#\/cases\/(?!new)[^/]+$/);

  // A mobile hearing with a transcript typed by keyboard.
  await page.getByTestId('casetab-hearing').click();
  await page.getByTestId('session-new').click();
  await page.getByTestId('session-place').fill('掇刀区某工地项目部');
  await page.getByTestId('session-start').click();
  const say = page.getByTestId('utterance');
  await say.fill('现在开始调解');
  await say.press('Enter');
  await say.press('Alt+2');
  await say.fill('公司欠我一万八千六百元工资');
  // Mid-hearing the page reloads (a crash, a lock): the typed transcript is an autosaved draft on this
  // device, marked as not yet recorded, and comes back whole, the unentered words and speaker included.
  const draft = page.getByTestId('transcript-draft');
  await expect(draft).toContainText('草稿：尚未记录');
  await expect(draft).toContainText('已自动保存到本机');
  await context.setOffline(false); // the page itself comes from the preview server
  await page.reload();
  await context.setOffline(true);
  await page.getByTestId('casetab-hearing').click();
  await expect(page.getByTestId('transcript-draft')).toContainText('已恢复本机');
  await expect(page.getByTestId('transcript-lines')).toContainText('王调解：现在开始调解');
  await expect(say).toHaveValue('公司欠我一万八千六百元工资');
  await expect(page.getByTestId('speaker-2')).toHaveAttribute('aria-checked', 'true');
  await say.press('Enter');
  await page.getByTestId('session-finish').click();
  await expect(page.getByTestId('transcript-text')).toContainText('张三：公司欠我一万八千六百元工资');

  // Five-heart notes, stage 3 caucus-private with the company.
  await page.getByTestId('casetab-mediation').click();
  const s1 = page.getByTestId('stage-1');
  await s1.getByTestId('s1-session').selectOption({ index: 1 });
  await s1.getByTestId('s1-placeType').selectOption('工地');
  await s1.getByTestId('s1-participants').fill('王调解、张三、公司负责人');
  await s1.getByTestId('s1-narrativeApplicant').fill('三月至八月工资未付');
  await s1.getByTestId('s1-narrativeRespondent').fill('资金紧张，愿意分期');
  await s1.getByTestId('s1-claimsStated').fill('支付工资18600元');
  await s1.getByTestId('s1-informed').check();
  await s1.getByTestId('stage-1-save').click();
  await expect(s1).toContainText('必填 7/7');
  // The applicant's account was written down wrong: corrected with a reason, the old version kept.
  await s1.getByTestId('note-correct').click();
  await s1
    .getByTestId('note-correction')
    .locator('[data-testid$="-narrativeApplicant"]')
    .fill('三月至九月工资未付');
  await s1.getByTestId('note-correction-reason').fill('申请人更正了欠薪月份');
  await s1.getByTestId('note-correction-save').click();
  await expect(s1.getByTestId('note-corrected')).toHaveText('已更正（申请人更正了欠薪月份）');
  await expect(s1.getByTestId('note')).toHaveCount(1);
  await expect(s1.getByTestId('note')).toContainText('三月至九月工资未付');
  await expect(s1.getByTestId('note-history')).toContainText('三月至八月工资未付');
  await expect(s1).toContainText('必填 7/7');
  const s2 = page.getByTestId('stage-2');
  await s2.getByTestId('s2-recusalChecked').check();
  await s2.getByTestId('s2-lawsExplained').getByLabel('保障农民工工资支付条例').check();
  await s2.getByTestId('s2-calculation').fill('欠薪18600元');
  await s2.getByTestId('stage-2-save').click();
  await expect(s2).toContainText('必填 3/3');
  const s3 = page.getByTestId('stage-3');
  await s3.getByTestId('s3-caucusLog').fill(CAUCUS);
  await s3.locator('input[value="caucus"]').check();
  await s3.getByTestId('s3-conf-party').selectOption({ label: '荆门某建筑劳务有限公司' });
  await s3.getByTestId('stage-3-save').click();
  await expect(s3.locator('.note--caucus')).toContainText('背靠背·荆门某建筑劳务有限公司');
  const s4 = page.getByTestId('stage-4');
  await s4.getByTestId('s4-options').fill('分两期支付18600元');
  await s4.getByTestId('stage-4-save').click();
  await s4.getByTestId('offer-by').selectOption({ label: '荆门某建筑劳务有限公司' });
  await s4.getByTestId('offer-amount').fill('18600');
  await s4.getByTestId('offer-add').click();
  await expect(page.getByTestId('agreement-gate')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('present-toggle').click();
  await expect(page.getByTestId('panel-mediation')).not.toContainText(CAUCUS);
  await page.getByTestId('present-toggle').click();

  // The agreement: two instalments of ¥9,300.00, signed by three on the pad.
  await page.getByTestId('casetab-agreement').click();
  await page.getByTestId('agreement-facts').fill('申请人在被申请人工地务工，工资18600元未结清。');
  await page.getByTestId('agreement-disputes').fill('被申请人应否支付拖欠的工资');
  await page.getByTestId('agreement-next-step').selectOption('instalments');
  await page.getByTestId('instalment-add').click();
  await page.getByTestId('instalment-add').click();
  await page.getByTestId('instalment-date-0').fill('2026-12-10');
  await page.getByTestId('instalment-amount-0').fill('9300');
  await page.getByTestId('instalment-date-1').fill('2027-01-10');
  await page.getByTestId('instalment-amount-1').fill('9300');
  await page.getByTestId('agreement-save').click();
  await expect(page.getByTestId('agreement-draft-saved')).toBeVisible();
  await page.getByTestId('agreement-sign').click();
  await sign(page, '张三', 100);
  await sign(page, '荆门某建筑劳务有限公司', 200);
  await sign(page, '王调解', 300);
  await expect(page.getByTestId('agreement-sealed')).toHaveText('已封存');

  // The company pays the first instalment; the bank slip goes in as evidence and the payment cites it.
  await page.getByTestId('casetab-evidence').click();
  await page
    .getByTestId('evidence-file-input')
    .setInputFiles([{ name: '银行回单.pdf', mimeType: 'application/pdf', buffer: Buffer.from(MINIMAL_PDF) }]);
  await expect(page.getByTestId('evidence-row')).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('casetab-agreement').click();
  await page.getByTestId('payment-amount').fill('9300');
  await page.getByTestId('payment-proofs').getByLabel('银行回单.pdf').check();
  await page.getByTestId('payment-record').click();
  await expect(page.getByTestId('performance-recovered')).toContainText('已追回 ¥9,300.00');
  await expect(page.getByTestId('performance-next')).toContainText('2027-01-10');
  await expect(page.getByTestId('payment-row-proofs')).toHaveText('银行回单.pdf');

  // The document, printed the browser's way (print CSS shows only the A4 sheet), checked with pdftotext.
  await page.getByTestId('casetab-documents').click();
  await page.getByTestId('doc-agreement').click();
  await expect(page.getByTestId('document-preview')).toContainText('调解协议书');
  // The three pad signatures print beside the names.
  await expect(page.getByTestId('document-preview').getByTestId('doc-signature')).toHaveCount(3);
  await expect(page.getByTestId('pdf-unsupported')).toBeVisible();
  await page.evaluate(() => {
    document.body.classList.add('printing-document');
  });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-flow-'));
  try {
    const file = path.join(dir, 'agreement.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('人民币壹万捌仟陆佰元整');
    expect(text).toContain('张三');
    expect(text).toContain('荆门某建筑劳务有限公司');
    expect(text).not.toContain(CAUCUS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.evaluate(() => {
    document.body.classList.remove('printing-document');
  });
  await page.getByTestId('doc-issue').click();
  await expect(page.getByTestId('issued-documents')).toContainText('调解协议书');
  await page.getByTestId('doc-performance').click();
  await expect(page.getByTestId('document-preview')).toContainText('调解协议履行情况登记表');
  await expect(page.getByTestId('document-preview')).toContainText('银行回单.pdf');
});
