import type { Page } from 'playwright-core';
import type { UiLanguage } from '../../../src-renderer/i18n/languages';
import { uiText } from '../support/uiText';

/** Settings, where an agent signs in to the central API the workstation is configured with. */
export class SettingsPage {
  private readonly t: ReturnType<typeof uiText>;

  constructor(
    readonly page: Page,
    language: UiLanguage = 'en',
  ) {
    this.t = uiText(language);
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('button', { name: this.t('app:nav.settings') })
      .click();
    await this.page.getByRole('heading', { level: 1, name: this.t('settings:title') }).waitFor();
    // A remembered user without a session on the server is offered the form again, not "signed in".
    await this.page.getByRole('textbox', { name: this.t('settings:account.username') }).fill(username);
    await this.page.getByLabel(this.t('settings:account.password'), { exact: false }).fill(password);
    await this.page.getByRole('button', { name: this.t('settings:account.signIn'), exact: true }).click();
  }
}
