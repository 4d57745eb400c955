import type { Locator, Page } from 'playwright-core';

export type AttentionLabels = { nav: string; reopenAndSend: string; discard: string };

/** "Needs attention": one card (article) per refused action, with the reason, the kept text and the choices. */
export class AttentionPage {
  constructor(
    readonly page: Page,
    private readonly labels: AttentionLabels,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: this.labels.nav }).click();
    await this.page.getByRole('heading', { level: 1, name: this.labels.nav }).waitFor();
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
    await item.getByRole('button', { name: this.labels.reopenAndSend }).click();
  }

  async discard(item: Locator): Promise<void> {
    await item.getByRole('button', { name: this.labels.discard }).click();
  }
}
