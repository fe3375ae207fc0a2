/*
 * Issue #7, the sync page's quarantine through a real hub: a record altered in the hub's database after it
 * was accepted (as a compromised or corrupted hub would serve it) reaches a supervisor's laptop; the
 * laptop refuses to apply it (its hash no longer matches) and the sync page shows it held with the
 * reason. 重新校验 checks it again with what the laptop knows now: an altered record stays held (only a
 * missing key or link can be supplied later), the page says so, nothing of it is applied to the case,
 * and the hub still holds exactly what it held. The other records of the case are applied.
 *
 * The hub is this spec's own process (fixtures/hub startHub) over a data folder the spec can reach; the
 * alteration is made in that database with better-sqlite3, the hub itself is not changed in any way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { watch } from './fixtures/app';
import { enrollWithCode, startHub, test, expect } from './fixtures/hub';
import { syncNow } from './pages/case-steps';

test('a record altered on the hub is held in quarantine, shown with its reason, and stays held after 重新校验', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-quarantine-'));
  const { hub, stop } = await startHub({ dataDir });
  try {
    // The arbitrator's laptop records a case and syncs it.
    const arb = await hub.createUser({ name: '李仲裁', roles: ['arbitrator', 'mediator'] });
    await enrollWithCode(page, hub.url, arb.code, arb.user);
    await page.goto('/#/cases/new');
    await page.getByTestId('kind-mediation').check();
    await page.getByTestId('workers-0-name').fill('赵六');
    await page.getByTestId('employer-name').fill('某建筑劳务有限公司');
    if ((await page.getByTestId('claims-0-item').count()) === 0) await page.getByTestId('claim-add').click();
    await page.getByTestId('claims-0-item').selectOption('WAGE_ARREARS');
    await page.getByTestId('claims-0-amount').fill('12000');
    await page.getByTestId('intake-save').click();
    await expect(page).toHaveURL(/#\/cases\/(?!new)[^/?]+$/);
    const caseId = /#\/cases\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    await syncNow(page);

    // On the hub's disk, one accepted record of that case is altered (the claimed amount), its hash and
    // signature left as they were.
    const db = new Database(path.join(dataDir, 'hub.sqlite'));
    const row = db
      .prepare(
        "SELECT id, body FROM events WHERE case_id = ? AND type = 'claim.added' ORDER BY hub_seq LIMIT 1",
      )
      .get(caseId) as { id: string; body: string } | undefined;
    if (!row) throw new Error('no claim.added on the hub');
    const body = JSON.parse(row.body) as { payload: Record<string, unknown> };
    const altered = JSON.stringify({ ...body, payload: { ...body.payload, amountClaimedFen: 99_900_000 } });
    db.prepare('UPDATE events SET body = ? WHERE id = ?').run(altered, row.id);
    const count = (): number => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const before = count();

    // The supervisor's laptop pulls the case: the altered record is held, the rest applied.
    const ctx = await browser.newContext();
    watch(ctx);
    const sup = await ctx.newPage();
    const boss = await hub.createUser({ name: '赵主任', roles: ['supervisor'] });
    await enrollWithCode(sup, hub.url, boss.code, boss.user);
    await syncNow(sup);
    const held = sup.getByTestId('sync-quarantine');
    await expect(held).toContainText('claim.added');
    await expect(held.locator('li')).toHaveCount(1);
    await expect(held.locator('li').first()).toHaveAttribute('data-reason', 'bad_hash');
    await expect(held).toContainText('哈希与内容不符');

    await sup.getByTestId('quarantine-recheck').click();
    await expect(sup.getByTestId('recheck-result')).toHaveText(
      '重新校验：0 条通过校验并已采用，1 条仍隔离。',
    );
    await expect(held.locator('li')).toHaveCount(1);
    await expect(sup.getByTestId('sync-released')).toHaveCount(0);

    // The case on the supervisor's laptop has the worker but not the altered claim.
    await sup.goto(`/#/cases/${caseId}`);
    await expect(sup.getByText('赵六').first()).toBeVisible();
    await expect(sup.getByText('999,000')).toHaveCount(0);
    // The hub holds what it held: nothing was added or taken by the laptop's check.
    expect(count()).toBe(before);
    expect((db.prepare('SELECT body FROM events WHERE id = ?').get(row.id) as { body: string }).body).toBe(
      altered,
    );
    db.close();
    await ctx.close();
  } finally {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
