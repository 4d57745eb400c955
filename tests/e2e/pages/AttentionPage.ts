import type { Locator, Page } from 'playwright-core';
import type { UiLanguage } from '../../../src-renderer/i18n/languages';
import { uiText } from '../support/uiText';

/** "Needs attention": one card (article) per refused action, with the reason, the kept text and the choices. */
export class AttentionPage {
  private readonly t: ReturnType<typeof uiText>;

  constructor(
    readonly page: Page,
    language: UiLanguage,
  ) {
    this.t = uiText(language);
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('button', { name: this.t('app:nav.attention') })
      .click();
    await this.page.getByRole('heading', { level: 1, name: this.t('attention:title') }).waitFor();
  }

  items(): Locator {
    return this.page.locator('article[data-attention-id]');
  }

  /** The card that kept this text. */
  item(body: string): Locator {
    return this.items().filter({ has: this.page.locator('blockquote', { hasText: body }) });
  }

  keptText(item: Locator): Locator {
    return item.locator('blockquote');
  }

  async reopenAndSend(item: Locator): Promise<void> {
    await item.getByRole('button', { name: this.t('attention:action.reopenAndSend') }).click();
  }

  async discard(item: Locator): Promise<void> {
    await item.getByRole('button', { name: this.t('attention:action.discard') }).click();
  }
}
