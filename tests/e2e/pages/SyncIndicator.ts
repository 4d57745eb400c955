import type { Locator, Page } from 'playwright-core';
import type { UiLanguage } from '../../../src-renderer/i18n/languages';
import { uiText } from '../support/uiText';

export type SyncTone = 'ok' | 'busy' | 'offline' | 'signed_out' | 'error';

/** The app bar's sync status: its face (data-sync-tone) and its words, e.g. "Offline · 2 waiting". */
export class SyncIndicator {
  constructor(
    readonly page: Page,
    private readonly language: UiLanguage,
  ) {}

  region(): Locator {
    return this.page.getByRole('status', { name: uiText(this.language)('sync:label') });
  }

  async tone(): Promise<string | null> {
    return this.region().locator('[data-sync-tone]').getAttribute('data-sync-tone');
  }

  async text(): Promise<string> {
    return this.region().innerText();
  }
}
