import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
  }
}

/** The queue screen as an agent sees it: found by role and accessible name, never by CSS class. */
export class QueuePage {
  constructor(readonly page: Page) {}

  async open(url: string, language?: string): Promise<void> {
    const address = new URL(url);
    if (language !== undefined) address.search = `?lng=${language}`;
    await this.page.goto(address.href);
    await this.dataRows().first().waitFor();
  }

  /** The queue's grid (search results are a grid of their own, shown instead of it). */
  grid(): Locator {
    return this.page.getByRole('grid');
  }

  /** Search results: the queue's grid with the matches, named after their count. */
  searchResults(): Locator {
    return this.page.getByRole('grid', { name: /./ }).and(this.page.locator('[data-search-results]'));
  }

  /** Rows with cases (the header row has no data-case-id). */
  dataRows(): Locator {
    return this.grid().locator('[role="row"][data-case-id]');
  }

  columnHeaders(): Locator {
    return this.grid().getByRole('columnheader');
  }

  viewTab(name: RegExp | string): Locator {
    return this.page.getByRole('tab', { name });
  }

  async rowTexts(count: number): Promise<string[]> {
    const rows = this.dataRows();
    const texts: string[] = [];
    for (let index = 0; index < count; index++) texts.push(await rows.nth(index).innerText());
    return texts;
  }

  async documentLanguage(): Promise<{ lang: string; dir: string }> {
    return this.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  }

  /** The language switcher is the app bar's only combobox; its label changes with the language. */
  async switchLanguage(endonym: string): Promise<void> {
    await this.page.getByRole('banner').getByRole('combobox').click();
    await this.page.getByRole('option', { name: endonym }).click();
  }

  async activeRowId(): Promise<string | null> {
    return this.grid().getAttribute('aria-activedescendant');
  }

  /** A loaded data row found by the case reference it shows. */
  rowByRef(ref: string): Locator {
    return this.dataRows().filter({ hasText: ref });
  }

  /** Rows the grid reports as selected for a bulk action (aria-selected, not merely the active row). */
  selectedRows(): Locator {
    return this.grid().locator('[role="row"][data-case-id][aria-selected="true"]');
  }

  rowCheckbox(ref: string): Locator {
    return this.rowByRef(ref).getByRole('checkbox');
  }

  /** The header's "select all loaded" checkbox; MUI marks its mixed state with data-indeterminate. */
  selectAllCheckbox(): Locator {
    return this.columnHeaders().first().getByRole('checkbox');
  }

  async selectAllState(): Promise<'none' | 'some' | 'all'> {
    const box = this.selectAllCheckbox();
    if ((await box.getAttribute('data-indeterminate')) === 'true') return 'some';
    return (await box.isChecked()) ? 'all' : 'none';
  }

  bulkBar(name: string | RegExp = 'Bulk actions'): Locator {
    return this.page.getByRole('toolbar', { name });
  }

  /** The bulk bar's live region: "applied N, refused M" and the refused cases with reasons. */
  bulkOutcome(): Locator {
    return this.bulkBar().getByRole('status');
  }

  async bulkAddTag(tagLabel: string | RegExp, buttonName: string | RegExp, tag: string): Promise<void> {
    await this.bulkBar().getByRole('textbox', { name: tagLabel }).fill(tag);
    await this.bulkBar().getByRole('button', { name: buttonName }).click();
  }

  async bulkSetStatus(selectName: string | RegExp, option: string | RegExp): Promise<void> {
    await this.bulkBar().getByRole('combobox', { name: selectName }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async chooseSort(label: string | RegExp, option: string | RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async screenshot(language: string, screen: string): Promise<string> {
    const path = resolve(SCREENSHOTS, `${language}-${screen}.png`);
    mkdirSync(dirname(path), { recursive: true });
    await this.page.screenshot({ path });
    return path;
  }

  /**
   * axe-core from node_modules, evaluated through DevTools (a <script> tag would rightly be refused by the
   * app's CSP); returns the violations of the given impacts.
   */
  async accessibilityViolations(impacts: readonly string[]): Promise<AxeViolation[]> {
    await this.page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await this.page.evaluate(async () => {
      const axe = window.axe;
      if (axe === undefined) throw new Error('axe-core did not load');
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return result.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map((node) => ({ target: node.target })),
      }));
    });
    return violations.filter((violation) => violation.impact !== null && impacts.includes(violation.impact));
  }
}
