import type { Locator, Page } from 'playwright-core';
import { QueuePage } from './QueuePage';

/**
 * The case view, composer and the other workstation screens, found by role and accessible name in the
 * UI language under test (names come from the locale catalogs, so a missing translation fails here).
 */
export class CasePage {
  readonly queue: QueuePage;

  constructor(readonly page: Page) {
    this.queue = new QueuePage(page);
  }

  /** Opens the queue in `language` and then the case of the given queue row (0-based), from the keyboard. */
  async openFromQueue(url: string, language: string, rowIndex = 0): Promise<void> {
    await this.queue.open(url, language);
    await this.queue.grid().focus();
    for (let step = 0; step < rowIndex; step++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await this.page.locator('[data-sla-target]').first().waitFor();
  }

  /**
   * The queue in `language` from a real page load: going to the same address again would only change the
   * fragment (the token) and keep the page, and its screen, as they were.
   */
  async loadQueue(url: string, language: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.queue.open(url, language);
  }

  /** The queue in `language` afresh, then the case found by its ref in the search box (wherever it sorts). */
  async openBySearch(url: string, language: string, ref: string): Promise<void> {
    await this.loadQueue(url, language);
    await this.page.getByRole('searchbox').fill(ref);
    await this.queue.searchResults().locator('[role="row"][data-case-id]').filter({ hasText: ref }).click();
    await this.page.locator('[data-sla-target]').first().waitFor();
    await this.heading().filter({ hasText: ref }).waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  region(name: RegExp | string): Locator {
    return this.page.getByRole('region', { name });
  }

  thread(name: RegExp | string): Locator {
    return this.region(name);
  }

  threadEntries(threadName: RegExp | string): Locator {
    return this.thread(threadName).getByRole('article');
  }

  replyBox(name: RegExp | string): Locator {
    return this.page.getByRole('textbox', { name });
  }

  /** The tag field: a combobox, as it offers the tags already in use. */
  tagBox(name: RegExp | string): Locator {
    return this.page.getByRole('combobox', { name });
  }

  button(name: RegExp | string): Locator {
    return this.page.getByRole('button', { name });
  }

  dialog(name: RegExp | string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  sendState(): Locator {
    return this.page.locator('[data-send-state]');
  }

  findings(): Locator {
    return this.page.locator('[data-finding]');
  }

  /** The translation of the reply being written, in the agent's language. */
  translation(name: RegExp | string): Locator {
    return this.region(name);
  }

  /** Paragraphs of the translation pane: translated from the canned reply, or the agent's own edits. */
  translationParts(name: RegExp | string, kind: 'translated' | 'edited'): Locator {
    return this.translation(name).locator(`[data-preview-part="${kind}"]`);
  }

  /** Picks the first canned reply the picker offers. */
  async insertFirstReply(buttonName: RegExp | string, dialogName: RegExp | string): Promise<void> {
    await this.button(buttonName).click();
    const picker = this.dialog(dialogName);
    await picker.getByRole('button').first().click();
    await picker.waitFor({ state: 'hidden' });
  }

  async screenshot(language: string, screen: string): Promise<string> {
    return this.queue.screenshot(language, screen);
  }
}
