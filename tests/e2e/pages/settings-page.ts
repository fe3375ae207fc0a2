/* Page object for 设置: the language choice and what the settings show. */
import type { Locator, Page } from '@playwright/test';
import { ShellPage } from './shell-page';

export class SettingsPage extends ShellPage {
  readonly hubAddress: Locator;

  constructor(page: Page) {
    super(page);
    this.hubAddress = page.getByTestId('hub-address');
  }

  async openSettings(): Promise<void> {
    await this.open('/settings');
  }

  /** Picks a language by its own name as shown (简体中文 / English). */
  async chooseLanguage(name: '简体中文' | 'English'): Promise<void> {
    await this.page.getByTestId('language-switch').getByLabel(name).check();
  }
}
