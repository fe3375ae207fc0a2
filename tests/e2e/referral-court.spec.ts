/*
 * Issue #7 item 7, last sentence: two laptops of two organisations — an arbitration commission and a
 * court, both made through the admin commands — work offline, come back online and converge. The
 * arbitrator mediates a wage case offline to a signed agreement and refers it to the court for 司法确认;
 * the court's user sees the case after their sync, records 确认有效 with the ruling number, and the answer
 * reaches the arbitrator's laptop after its next sync. Then the sync page: a 副卷 (internal) note the
 * court writes on the commission's case is refused by the hub (forbidden), set aside and listed with its
 * reason in words; discarding it without a reason is refused, with one the decision is recorded.
 */
import type { Page } from '@playwright/test';
import { watch } from './fixtures/app';
import { enrollWithCode, expect, test } from './fixtures/hub';
import { sign } from './pages/case-steps';

const RULING = '（2026）鄂0804民特17号';

/** A wage case mediated offline to a sealed agreement (the steps of mediation-flow.spec, shortened). */
async function mediateToSignedAgreement(page: Page, mediator: string): Promise<string> {
  await page.goto('/#/cases/new');
  await page.getByTestId('workers-0-name').fill('张三');
  await page.getByTestId('employer-name').fill('荆门某物流有限公司');
  if ((await page.getByTestId('claims-0-item').count()) === 0) await page.getByTestId('claim-add').click();
  await page.getByTestId('claims-0-item').selectOption('WAGE_ARREARS');
  await page.getByTestId('claims-0-amount').fill('12000');
  await page.getByTestId('intake-save').click();
  await expect(page).toHaveURL(/#\/cases\/(?!new)[^/]+$/);
  const caseId = decodeURIComponent(/#\/cases\/([^/?#]+)/.exec(page.url())?.[1] ?? '');

  await page.getByTestId('casetab-hearing').click();
  await page.getByTestId('session-new').click();
  await page.getByTestId('session-place').fill('掇刀区某物流园');
  await page.getByTestId('session-start').click();
  const say = page.getByTestId('utterance');
  await say.fill('现在开始调解');
  await say.press('Enter');
  await page.getByTestId('session-finish').click();
  await expect(page.getByTestId('transcript-text')).toContainText('现在开始调解');

  await page.getByTestId('casetab-mediation').click();
  const s1 = page.getByTestId('stage-1');
  await s1.getByTestId('s1-session').selectOption({ index: 1 });
  await s1.getByTestId('s1-placeType').selectOption('工地');
  await s1.getByTestId('s1-participants').fill(`${mediator}、张三、公司负责人`);
  await s1.getByTestId('s1-narrativeApplicant').fill('四月至九月工资未付');
  await s1.getByTestId('s1-narrativeRespondent').fill('愿意一次付清');
  await s1.getByTestId('s1-claimsStated').fill('支付工资12000元');
  await s1.getByTestId('s1-informed').check();
  await s1.getByTestId('stage-1-save').click();
  await expect(s1).toContainText('必填 7/7');
  const s2 = page.getByTestId('stage-2');
  await s2.getByTestId('s2-recusalChecked').check();
  await s2.getByTestId('s2-lawsExplained').getByLabel('保障农民工工资支付条例').check();
  await s2.getByTestId('s2-calculation').fill('欠薪12000元');
  await s2.getByTestId('stage-2-save').click();
  await expect(s2).toContainText('必填 3/3');
  const s3 = page.getByTestId('stage-3');
  await s3.getByTestId('s3-caucusLog').fill('与公司单独沟通付款时间');
  await s3.getByTestId('stage-3-save').click();
  const s4 = page.getByTestId('stage-4');
  await s4.getByTestId('s4-options').fill('一次付清12000元');
  await s4.getByTestId('stage-4-save').click();
  await s4.getByTestId('offer-by').selectOption({ label: '荆门某物流有限公司' });
  await s4.getByTestId('offer-amount').fill('12000');
  await s4.getByTestId('offer-add').click();
  await expect(page.getByTestId('agreement-gate')).toHaveAttribute('data-ready', 'true');

  await page.getByTestId('casetab-agreement').click();
  await page.getByTestId('agreement-facts').fill('申请人在被申请人处务工，工资12000元未结清。');
  await page.getByTestId('agreement-disputes').fill('被申请人应否支付拖欠的工资');
  await page.getByTestId('agreement-save').click();
  await expect(page.getByTestId('agreement-draft-saved')).toBeVisible();
  await page.getByTestId('agreement-sign').click();
  await sign(page, '张三', 100);
  await sign(page, '荆门某物流有限公司', 200);
  await sign(page, mediator, 300);
  await expect(page.getByTestId('agreement-sealed')).toHaveText('已封存');
  return caseId;
}

test('an agreement referred for 司法确认 reaches the court and the ruling comes back', async ({
  browser,
  hub,
}) => {
  test.setTimeout(240_000);
  const court = await hub.createOrg({ name: '荆门市掇刀区人民法院', kind: 'court', prefix: '鄂0804民特' });

  const ctxA = await browser.newContext();
  watch(ctxA);
  const a = await ctxA.newPage();
  const arb = await hub.createUser({ name: '王仲裁', roles: ['mediator', 'arbitrator'] });
  await enrollWithCode(a, hub.url, arb.code, arb.user);

  const ctxC = await browser.newContext();
  watch(ctxC);
  const c = await ctxC.newPage();
  const judge = await hub.createUser({ name: '刘法官', roles: ['supervisor'], org: court.id });
  expect(judge.user.orgId).toBe(court.id);
  await enrollWithCode(c, hub.url, judge.code, judge.user);

  // Both offline. The arbitrator mediates to a signed agreement and refers it to the court.
  await ctxA.setOffline(true);
  await ctxC.setOffline(true);
  const caseId = await mediateToSignedAgreement(a, '王仲裁');
  await a.getByTestId('casetab-referrals').click();
  const refer = a.getByTestId('tab-referrals');
  await refer.getByLabel('转往').selectOption('court_confirmation');
  await refer.getByLabel('接收机构编号').fill(court.id);
  await refer.getByLabel('说明').fill('申请司法确认调解协议');
  await refer.getByRole('button', { name: '记录转办' }).click();
  await expect(refer.getByTestId('referral-line')).toContainText('法院司法确认');
  await expect(refer.getByTestId('referral-line')).toContainText('待答复');
  await expect(a.getByTestId('save-state')).toContainText('已保存到本机');

  // The court, still offline, has nothing yet.
  await c.getByTestId('nav-caseload').click();
  await expect(c.getByText('荆门某物流有限公司')).toHaveCount(0);

  // The arbitrator comes back online: the automatic sync sends everything.
  await ctxA.setOffline(false);
  await expect(a.getByTestId('save-state')).toContainText('已同步', { timeout: 30_000 });

  // The court comes online, syncs and sees the referred case with its signed agreement.
  await ctxC.setOffline(false);
  await c.getByTestId('nav-sync').click();
  await c.getByTestId('sync-now').click();
  await expect(c.getByTestId('sync-done')).toBeVisible({ timeout: 30_000 });
  await c.goto(`/#/cases/${encodeURIComponent(caseId)}`);
  await c.getByTestId('casetab-agreement').click();
  await expect(c.getByTestId('agreement-sealed')).toHaveText('已封存');
  await c.getByTestId('casetab-referrals').click();
  const line = c.getByTestId('referral-line');
  await expect(line).toContainText('法院司法确认');
  await line.getByRole('button', { name: '记录答复' }).click();
  await line.getByLabel('结果').selectOption('confirmed');
  // A confirmation without its ruling number is refused with a message; nothing is recorded.
  await line.locator('.edit-panel').getByRole('button', { name: '记录答复' }).click();
  await expect(line.getByRole('alert')).toHaveText('确认或驳回须填写裁定书编号');
  await line.getByLabel('裁定书编号').fill(RULING);
  await line.locator('.edit-panel').getByRole('button', { name: '记录答复' }).click();
  await expect(line).toContainText('确认有效');
  await expect(line).toContainText(RULING);
  await c.getByTestId('nav-sync').click();
  await c.getByTestId('sync-now').click();
  await expect(c.getByTestId('sync-done')).toBeVisible({ timeout: 30_000 });
  await expect(c.getByTestId('sync-rejected')).toHaveCount(0);

  // The answer reaches the arbitrator's laptop with its next sync.
  await a.getByTestId('nav-sync').click();
  await a.getByTestId('sync-now').click();
  await expect(a.getByTestId('sync-done')).toBeVisible({ timeout: 30_000 });
  await a.goto(`/#/cases/${encodeURIComponent(caseId)}`);
  await a.getByTestId('casetab-referrals').click();
  await expect(a.getByTestId('referral-line')).toContainText('确认有效');
  await expect(a.getByTestId('referral-line')).toContainText(RULING);

  // The sync page: a 副卷 note by the court on the commission's case is refused (only the owning
  // organisation writes non-public records), set aside with its reason, and needs a recorded decision.
  await c.goto(`/#/cases/${encodeURIComponent(caseId)}`);
  await c.getByTestId('casetab-mediation').click();
  const s3 = c.getByTestId('stage-3');
  await s3.getByTestId('s3-caucusLog').fill('法院内部意见：协议内容合法');
  await s3.locator('input[value="internal"]').check();
  await s3.getByTestId('stage-3-save').click();
  await expect(s3.getByTestId('note')).toContainText('法院内部意见');
  await c.getByTestId('nav-sync').click();
  await c.getByTestId('sync-now').click();
  await expect(c.getByTestId('sync-done')).toBeVisible({ timeout: 30_000 });
  const rejected = c.getByTestId('sync-rejected');
  await expect(rejected.locator('li[data-kind="set-aside"]')).toHaveAttribute('data-reason', 'forbidden');
  await expect(rejected).toContainText('无权写入此案件或此类记录（forbidden）');
  await expect(c.getByTestId(`sync-case-${caseId}`)).toHaveAttribute('data-state', 'rejected');
  await expect(c.getByTestId(`sync-case-${caseId}`)).toContainText('被拒收（1 条）');
  await expect(c.getByTestId('sync-overall')).toHaveAttribute('data-state', 'rejected');
  await expect(c.getByTestId('sync-overall')).toContainText('被拒收：1 个案件有记录待处理');
  await rejected.getByTestId('decide-discard').click();
  await expect(rejected.getByTestId('decide-error')).toContainText('请写明理由');
  await rejected.getByTestId('decide-note').fill('副卷意见由仲裁委记录，本院不上传');
  await rejected.getByTestId('decide-discard').click();
  await expect(rejected.getByTestId('sync-decision')).toContainText(
    '由 刘法官 放弃上传：副卷意见由仲裁委记录，本院不上传',
  );
  await expect(c.getByTestId(`sync-case-${caseId}`)).toHaveAttribute('data-state', 'synced');
  await expect(c.getByTestId('sync-overall')).toContainText(/已同步（.+）/);
  const box = await rejected.getByTestId('sync-decision').boundingBox();
  expect(box).not.toBeNull();

  await ctxA.close();
  await ctxC.close();
});
