/*
 * Issue #7, the sync page's 更正后重新提交 through a real hub. A court user's 副卷 (internal) note on a
 * case the arbitration commission referred to the court is refused by the hub (forbidden: only the
 * owning organisation writes non-public records) and set aside. The user re-sends it with a recorded
 * note: the page records the decision, the record goes back to the hub with the same id, the hub judges
 * it again and refuses it again (the cause is the hub's rule, which no one on the laptop can change), so
 * it is set aside again with its reason, and the hub holds nothing of it. The hub offers no way to grant
 * a court write access to another organisation's 副卷, so a re-send that the hub then accepts cannot be
 * produced here without weakening that rule (see the session report).
 *
 * The hub is this spec's own process (fixtures/hub startHub), so the spec can read its database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { watch } from './fixtures/app';
import { enrollWithCode, startHub, test, expect } from './fixtures/hub';
import { syncNow } from './pages/case-steps';

test('a refused record re-sent from the sync page goes to the hub again and, refused again, stays set aside', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-resend-'));
  const { hub, stop } = await startHub({ dataDir });
  try {
    const court = await hub.createOrg({ name: '荆门市掇刀区人民法院', kind: 'court', prefix: '鄂0804民特' });
    const arb = await hub.createUser({ name: '王仲裁', roles: ['mediator', 'arbitrator'] });
    await enrollWithCode(page, hub.url, arb.code, arb.user);
    await page.goto('/#/cases/new');
    await page.getByTestId('workers-0-name').fill('张三');
    await page.getByTestId('employer-name').fill('荆门某物流有限公司');
    if ((await page.getByTestId('claims-0-item').count()) === 0) await page.getByTestId('claim-add').click();
    await page.getByTestId('claims-0-item').selectOption('WAGE_ARREARS');
    await page.getByTestId('claims-0-amount').fill('12000');
    await page.getByTestId('intake-save').click();
    await expect(page).toHaveURL(/#\/cases\/(?!new)[^/]+$/);
    const caseId = decodeURIComponent(/#\/cases\/([^/?#]+)/.exec(page.url())?.[1] ?? '');
    await page.getByTestId('casetab-referrals').click();
    const refer = page.getByTestId('tab-referrals');
    await refer.getByLabel('转往').selectOption('court_confirmation');
    await refer.getByLabel('接收机构编号').fill(court.id);
    await refer.getByLabel('说明').fill('申请司法确认');
    await refer.getByRole('button', { name: '记录转办' }).click();
    await expect(refer.getByTestId('referral-line')).toContainText('待答复');
    await syncNow(page);

    const ctx = await browser.newContext();
    watch(ctx);
    const c = await ctx.newPage();
    const judge = await hub.createUser({ name: '刘法官', roles: ['supervisor'], org: court.id });
    await enrollWithCode(c, hub.url, judge.code, judge.user);
    await syncNow(c);
    await c.goto(`/#/cases/${encodeURIComponent(caseId)}`);
    await c.getByTestId('casetab-mediation').click();
    const s3 = c.getByTestId('stage-3');
    await s3.getByTestId('s3-caucusLog').fill('法院内部意见：需核实工资标准');
    await s3.locator('input[value="internal"]').check();
    await s3.getByTestId('stage-3-save').click();
    await expect(s3.getByTestId('note')).toContainText('法院内部意见');
    await syncNow(c);
    const rejected = c.getByTestId('sync-rejected');
    const item = rejected.locator('li[data-kind="set-aside"]');
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-reason', 'forbidden');
    const testId = (await item.getAttribute('data-testid')) ?? '';
    const eventId = testId.replace(/^rejected-/, '');
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);

    const db = new Database(path.join(dataDir, 'hub.sqlite'), { readonly: true });
    const onHub = (): number =>
      (db.prepare('SELECT COUNT(*) AS n FROM events WHERE id = ?').get(eventId) as { n: number }).n;
    const pushesBefore = (
      db.prepare('SELECT COUNT(*) AS n FROM events WHERE case_id = ?').get(caseId) as { n: number }
    ).n;
    expect(onHub()).toBe(0);

    // 更正后重新提交 with a note: the decision is recorded and the record goes to the hub again.
    await item.getByTestId('decide-note').fill('已请仲裁委核实本院权限，重新提交');
    const pushed = c.waitForResponse(
      (r) => r.url().endsWith('/v1/sync/push') && (r.request().postData() ?? '').includes(eventId),
    );
    await item.getByTestId('decide-resend').click();
    const answer = await pushed;
    const results = ((await answer.json()) as { results: { id: string; status: string; reason?: string }[] })
      .results;
    expect(results.find((r) => r.id === eventId)).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    await expect(c.getByTestId('sync-done')).toBeVisible({ timeout: 30_000 });

    // Refused again: still set aside with its reason in words, the decision kept, nothing on the hub.
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-reason', 'forbidden');
    await expect(item).toContainText('无权写入此案件或此类记录（forbidden）');
    await expect(item.getByTestId('sync-decision')).toContainText(
      '由 刘法官 重新提交：已请仲裁委核实本院权限，重新提交',
    );
    await expect(item.getByTestId('decide-resend')).toBeVisible();
    expect(onHub()).toBe(0);
    expect(
      (db.prepare('SELECT COUNT(*) AS n FROM events WHERE case_id = ?').get(caseId) as { n: number }).n,
    ).toBe(pushesBefore);
    db.close();
    await ctx.close();
  } finally {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
