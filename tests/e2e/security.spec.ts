/* The strict Content-Security-Policy ships in the build and nothing in the app trips it. */
import { expect, test } from './fixtures/app';
import { ShellPage } from './pages/shell-page';

declare global {
  var cspViolations: string[] | undefined;
}

test('the page carries a strict CSP and runs without violating it', async ({ page }) => {
  await page.addInitScript(() => {
    globalThis.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      globalThis.cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const shell = new ShellPage(page);
  await shell.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('unsafe-inline');

  for (const entry of ['today', 'dashboard', 'sync', 'settings'] as const) {
    await shell.railLink(entry).click();
    await shell.heading.waitFor();
  }
  // An inline script injected into the DOM must not run.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'globalThis.inlineRan = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return (globalThis as { inlineRan?: boolean }).inlineRan === true;
  });
  expect(ran).toBe(false);
  const violations = await page.evaluate(() => globalThis.cspViolations ?? []);
  expect(violations.filter((v) => !v.startsWith('script-src-elem inline'))).toEqual([]);
  expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
});
