import type { Locator, Page } from 'playwright-core';
import { uiText } from '../support/uiText';
import type { UiLanguage } from '../../../src-renderer/i18n/languages';
import { QueuePage } from './QueuePage';

/** The supervisor's Reassign work screen, found by role and the words it shows in the page's language. */
export class ReassignPage {
  readonly queue: QueuePage;
  private readonly t: ReturnType<typeof uiText>;

  constructor(
    readonly page: Page,
    readonly language: UiLanguage = 'en',
  ) {
    this.queue = new QueuePage(page);
    this.t = uiText(language);
  }

  supervisorSection(): Locator {
    return this.page.getByRole('navigation').getByRole('list', { name: this.t('app:nav.supervisor') });
  }

  async open(): Promise<void> {
    await this.supervisorSection()
      .getByRole('button', { name: this.t('app:nav.reassign') })
      .click();
    await this.page.getByRole('heading', { level: 1, name: this.t('supervision:reassign.title') }).waitFor();
  }

  private async choose(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: false }).first().click();
  }

  async casesHeldBy(name: string): Promise<void> {
    await this.choose(this.t('supervision:reassign.from'), name);
  }

  async reassignTo(name: string): Promise<void> {
    await this.choose(this.t('supervision:reassign.to'), name);
  }

  caseRows(): Locator {
    return this.page.locator('tr[data-case-id]');
  }

  async selectAll(count: number): Promise<void> {
    await this.page.getByRole('checkbox', { name: this.t('supervision:reassign.selectAll', { n: count }) }).check();
  }

  async reason(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: this.t('supervision:reassign.reason') }).fill(text);
  }

  async submit(count: number): Promise<void> {
    await this.page.getByRole('button', { name: this.t('supervision:reassign.submit', { n: count }) }).click();
  }

  result(): Locator {
    return this.page.getByRole('status').getByRole('alert');
  }
}
