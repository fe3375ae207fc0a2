/*
 * Steps several specs take the same way a user does: signing on the pad in the signing overlay, and
 * 立即同步 on the sync page until it reports done.
 */
import { expect, type Page } from '@playwright/test';

/** Draws a stroke on the signature pad for `who` (the overlay names the signer) and confirms it. */
export async function sign(page: Page, who: string, x: number): Promise<void> {
  await expect(page.getByTestId('signing-who')).toContainText(who);
  const box = await page.getByTestId('signature-pad').boundingBox();
  if (!box) throw new Error('no pad');
  await page.mouse.move(box.x + x, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + x + 80, box.y + 120, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId('signing-confirm').click();
}

/** Opens the sync page, presses 立即同步 and waits for the run to finish. */
export async function syncNow(page: Page, timeout = 30_000): Promise<void> {
  await page.getByTestId('nav-sync').click();
  const button = page.getByTestId('sync-now');
  await expect(button).toBeEnabled({ timeout });
  // The line of the previous run may still be on screen: wait for this run's, not that one.
  const done = page.getByTestId('sync-done');
  const previous = (await done.count()) > 0 ? await done.getAttribute('data-run') : null;
  await button.click();
  await expect(done).toBeVisible({ timeout });
  if (previous !== null) await expect(done).not.toHaveAttribute('data-run', previous, { timeout });
}
