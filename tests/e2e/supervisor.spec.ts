/*
 * Issue #9 end to end, two laptops and a real hub: an arbitrator closes a mediated case with a signed
 * agreement and records a ¥9,300.00 payment while offline, then syncs; the supervisor (another browser
 * context, another user of the organisation) syncs and the dashboard counts the case in 结案数,
 * 调解成功率 and the amount recovered. The supervisor then approves the acceptance of an arbitration
 * case and an extension of its award limit (refusing 16 days first); after the next sync the arbitrator
 * sees the later deadline and the approval in the review record.
 */
import type { Page } from '@playwright/test';
import { watch } from './fixtures/app';
import { expect, test } from './fixtures/hub';
import { sign, syncNow } from './pages/case-steps';

async function newCase(page: Page, worker: string, employer: string, kind: 'mediation' | 'arbitration') {
  await page.goto('/#/cases/new');
  await page.getByTestId(`kind-${kind}`).check();
  await page.getByTestId('workers-0-name').fill(worker);
  await page.getByTestId('employer-name').fill(employer);
  if ((await page.getByTestId('claims-0-item').count()) === 0) await page.getByTestId('claim-add').click();
  await page.getByTestId('claims-0-item').selectOption('WAGE_ARREARS');
  await page.getByTestId('claims-0-amount').fill('18600');
  await page.getByTestId('intake-save').click();
  await expect(page).toHaveURL(/#\/cases\/(?!new)[^/?]+$/);
  const id = /#\/cases\/([^/?]+)/.exec(page.url())?.[1];
  if (!id) throw new Error('no case id');
  return id;
}

/** Mediation to a signed agreement of ¥18,600.00 in two instalments (the steps of mediation-flow.spec). */
async function mediateToAgreement(page: Page, me: string) {
  await page.getByTestId('casetab-hearing').click();
  await page.getByTestId('session-new').click();
  await page.getByTestId('session-place').fill('掇刀区某工地项目部');
  await page.getByTestId('session-start').click();
  const say = page.getByTestId('utterance');
  await say.fill('现在开始调解');
  await say.press('Enter');
  await page.getByTestId('session-finish').click();
  await page.getByTestId('casetab-mediation').click();
  const s1 = page.getByTestId('stage-1');
  await s1.getByTestId('s1-session').selectOption({ index: 1 });
  await s1.getByTestId('s1-placeType').selectOption('工地');
  await s1.getByTestId('s1-participants').fill(`${me}、张三、公司负责人`);
  await s1.getByTestId('s1-narrativeApplicant').fill('三月至八月工资未付');
  await s1.getByTestId('s1-narrativeRespondent').fill('资金紧张，愿意分期');
  await s1.getByTestId('s1-claimsStated').fill('支付工资18600元');
  await s1.getByTestId('s1-informed').check();
  await s1.getByTestId('stage-1-save').click();
  await expect(s1).toContainText('必填 7/7');
  const s2 = page.getByTestId('stage-2');
  await s2.getByTestId('s2-recusalChecked').check();
  await s2.getByTestId('s2-lawsExplained').getByLabel('保障农民工工资支付条例').check();
  await s2.getByTestId('s2-calculation').fill('欠薪18600元');
  await s2.getByTestId('stage-2-save').click();
  await expect(s2).toContainText('必填 3/3');
  const s3 = page.getByTestId('stage-3');
  await s3.getByTestId('s3-caucusLog').fill('公司表示资金紧张，愿意分两期支付');
  await s3.getByTestId('stage-3-save').click();
  await expect(s3.getByTestId('stage-3-save')).toBeEnabled();
  const s4 = page.getByTestId('stage-4');
  await s4.getByTestId('s4-options').fill('分两期支付18600元');
  await s4.getByTestId('stage-4-save').click();
  await s4.getByTestId('offer-by').selectOption({ label: '荆门某钢构工程有限公司' });
  await s4.getByTestId('offer-amount').fill('18600');
  await s4.getByTestId('offer-add').click();
  await expect(page.getByTestId('agreement-gate')).toHaveAttribute('data-ready', 'true');
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
  await sign(page, '荆门某钢构工程有限公司', 200);
  await sign(page, me, 300);
  await expect(page.getByTestId('agreement-sealed')).toHaveText('已封存');
}

const START = new Date('2026-06-01T02:00:00Z');

/** '¥9,300.00' → 930000. */
const fenOf = (text: string): number => Math.round(Number(text.replace(/[¥,\s]/g, '')) * 100);
const yuan = (fen: number): string =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const awardDue = async (page: Page, caseId: string): Promise<string> => {
  await page.goto(`/#/cases/${caseId}?tab=deadlines`);
  const row = page.getByTestId('tab-deadlines').locator('tr', { hasText: '仲裁审理期限' });
  await expect(row).toHaveCount(1);
  const due = (await row.locator('td').nth(3).textContent()) ?? '';
  expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return due;
};

test('a closure and payment recorded offline reach the supervisor’s dashboard; an approved extension reaches the arbitrator', async ({
  browser,
  enrollBrowser,
}) => {
  test.setTimeout(240_000);
  const ctxA = await browser.newContext();
  watch(ctxA);
  // Both laptops live on 1 June 2026 (time flows from there): the 45 + 15-day award limit then ends
  // inside the year of the bundled holiday calendar, which does not list 2027 yet.
  await ctxA.clock.install({ time: START });
  const a = await ctxA.newPage();
  await enrollBrowser(a, { name: '李仲裁', roles: ['arbitrator', 'mediator'] });

  // The supervisor's laptop first: what its dashboard says before the arbitrator's work arrives.
  const ctxB = await browser.newContext();
  watch(ctxB);
  await ctxB.clock.install({ time: START });
  const b = await ctxB.newPage();
  await enrollBrowser(b, { name: '赵主任', roles: ['supervisor'] });
  await syncNow(b);
  await b.getByTestId('nav-dashboard').click();
  await expect(b.getByTestId('as-of')).not.toContainText('尚未同步');
  const base = {
    closed: Number(await b.getByTestId('kpi-closed').textContent()),
    recoveredFen: fenOf((await b.getByTestId('kpi-amountRecoveredFen').textContent()) ?? ''),
  };

  // Offline on site: a mediated case to a signed agreement, a payment, closed.
  await ctxA.setOffline(true);
  const mediated = await newCase(a, '张三', '荆门某钢构工程有限公司', 'mediation');
  await a.goto(`/#/cases/${mediated}?tab=review`);
  await a.getByTestId('review-accept-submit').click();
  await expect(a.getByTestId('review-accept-done')).toBeVisible();
  await a.goto(`/#/cases/${mediated}`);
  await mediateToAgreement(a, '李仲裁');
  await a.getByTestId('payment-amount').fill('9300');
  await a.getByTestId('payment-record').click();
  await expect(a.getByTestId('performance-recovered')).toContainText('已追回 ¥9,300.00');
  await a.goto(`/#/cases/${mediated}?tab=review`);
  await a.getByTestId('review-close-type').selectOption('mediated_performed');
  await a.getByTestId('review-close-summary').fill('调解成功，首期已履行');
  await a.getByTestId('review-close-submit').click();
  await expect(a.getByTestId('review-close-done')).toBeVisible();
  // And an arbitration application taken on the same trip.
  const arbitration = await newCase(a, '王五', '某物流有限公司', 'arbitration');
  await ctxA.setOffline(false);
  await syncNow(a);

  // The supervisor's laptop syncs and its dashboard counts the closure, the success and the money (on
  // top of what other tests left in this worker's hub: the baseline was read before).
  await syncNow(b);
  await b.getByTestId('nav-dashboard').click();
  await expect(b.getByTestId('kpi-closed')).toHaveText(String(base.closed + 1));
  await expect(b.getByTestId('kpi-mediationSuccessRate')).toHaveText('100.0%');
  await expect(b.getByTestId('kpi-amountRecoveredFen')).toHaveText(yuan(base.recoveredFen + 930_000));
  await b.getByTestId('kpi-closed').click();
  await expect(b.getByTestId('drill-down').locator(`a[href*="${mediated}"]`)).toHaveCount(1);

  // Acceptance of the arbitration case, synced, so both laptops know the award limit.
  await b.goto(`/#/cases/${arbitration}?tab=review`);
  await b.getByTestId('review-accept-submit').click();
  await expect(b.getByTestId('review-accept-done')).toBeVisible();
  await syncNow(b);
  await syncNow(a);
  const before = await awardDue(a, arbitration);

  // The extension: 16 days refused with the reason and nothing recorded, 15 approved.
  await b.goto(`/#/cases/${arbitration}?tab=review`);
  await b.getByTestId('review-extension-days').fill('16');
  await b.getByTestId('review-extension-reason').fill('案情复杂，需补充调查');
  await b.getByTestId('review-extension-submit').click();
  await expect(b.getByTestId('review-extension-error')).toHaveText(
    '延长期限不得超过 15 日（还可延长 15 日）',
  );
  await b.getByTestId('review-extension-days').fill('15');
  await b.getByTestId('review-extension-submit').click();
  await expect(b.getByTestId('review-extension-done')).toBeVisible();
  await syncNow(b);

  await syncNow(a);
  // The case file refetches when the sync's refresh lands; read until it shows the new limit.
  await expect
    .poll(async () => (Date.parse(await awardDue(a, arbitration)) - Date.parse(before)) / 86_400_000, {
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(15);
  await a.getByTestId('casetab-review').click();
  await expect(a.getByTestId('review-history')).toContainText('批准延期 15 日：仲裁审理期限');

  await ctxA.close();
  await ctxB.close();
});
