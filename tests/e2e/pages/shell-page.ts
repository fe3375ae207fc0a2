/*
 * Page object for the frame every screen shares: rail, top bar, lock. Tests speak in the words a user
 * sees (Chinese labels by default), so a renamed label breaks a test on purpose.
 */
import type { Locator, Page } from '@playwright/test';

export type RailEntry = 'caseload' | 'today' | 'dashboard' | 'sync' | 'settings';

export class ShellPage {
  readonly rail: Locator;
  readonly heading: Locator;
  readonly networkStatus: Locator;
  readonly saveState: Locator;
  readonly lockButton: Locator;
  readonly lockOverlay: Locator;

  constructor(readonly page: Page) {
    this.rail = page.getByRole('navigation');
    this.heading = page.getByRole('heading', { level: 1 });
    this.networkStatus = page.getByTestId('network-status');
    this.saveState = page.getByTestId('save-state');
    this.lockButton = page.getByTestId('lock');
    this.lockOverlay = page.getByTestId('lock-overlay');
  }

  /** Opens the app at a route (hash router), e.g. '/settings'. */
  async open(route = '/cases'): Promise<void> {
    await this.page.goto(`/#${route}`);
    // The rail exists only past the unlock screen (which has a heading of its own).
    await this.rail.waitFor();
    await this.heading.waitFor();
  }

  railLink(entry: RailEntry): Locator {
    return this.page.getByTestId(`nav-${entry}`);
  }

  async htmlLang(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }
}
