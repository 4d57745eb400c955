import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { UiLanguage } from '../../../src-renderer/i18n/languages';
import { uiText } from '../support/uiText';

const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');

/** The supervisor console's screens: Floor, Agents and At risk, in the Supervisor section of the navigation. */
export class FloorPage {
  private readonly t: ReturnType<typeof uiText>;

  constructor(
    readonly page: Page,
    readonly language: UiLanguage = 'en',
  ) {
    this.t = uiText(language);
  }

  async open(url: string): Promise<void> {
    const address = new URL(url);
    address.search = `?lng=${this.language}`;
    await this.page.goto(address.href);
  }

  async go(screen: 'floor' | 'agents' | 'atRisk'): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('button', { name: this.t(`app:nav.${screen}`) })
      .click();
    const heading =
      screen === 'floor' ? 'floor:floor.title' : screen === 'agents' ? 'floor:agents.title' : 'floor:atRisk.title';
    await this.page.getByRole('heading', { level: 1, name: this.t(heading) }).waitFor();
  }

  agentRow(agentId: string): Locator {
    return this.page.locator(`tr[data-agent-id="${agentId}"]`);
  }

  presenceOf(agentId: string): Locator {
    return this.agentRow(agentId).locator('[data-presence]');
  }

  floorTable(): Locator {
    return this.page.getByRole('table', { name: this.t('floor:floor.tableLabel') });
  }

  atRiskTable(): Locator {
    return this.page.getByRole('table', { name: this.t('floor:atRisk.tableLabel') });
  }

  async screenshot(screen: string): Promise<string> {
    const path = resolve(SCREENSHOTS, `${this.language}-${screen}.png`);
    mkdirSync(dirname(path), { recursive: true });
    await this.page.screenshot({ path });
    return path;
  }
}
