import type { Locator, Page } from 'playwright-core';
import type { UiLanguage } from '../../../src-renderer/i18n/languages';
import {
  builtinScenarios,
  compileOrThrow,
  exploreScenario,
  pathAnswers,
  type Scenario,
} from '../../../src-shared/training';
import { QueuePage } from './QueuePage';
import { uiTextOf } from '../support/uiText';

/** The Practice screen as an agent sees it, found by role and accessible name in the UI language. */
export class PracticePage {
  readonly queue: QueuePage;
  constructor(readonly page: Page) {
    this.queue = new QueuePage(page);
  }

  async open(url: string, language: UiLanguage): Promise<void> {
    const address = new URL(url);
    address.search = `?lng=${language}`;
    await this.page.goto(address.href);
    await this.page.getByRole('button', { name: uiTextOf(language, 'app')('nav.practice') }).click();
    await this.marker().waitFor();
    await this.page.getByRole('list', { name: uiTextOf(language, 'practice')('open.title') }).waitFor();
  }

  marker(): Locator {
    return this.page.getByTestId('training-marker');
  }

  /**
   * Plays a shipped scenario's perfect path through the screen: the briefing's Start, each option clicked
   * or each reply typed with its practice actions ticked, up to the debrief.
   */
  async playPerfectPath(scenarioId: string, language: UiLanguage): Promise<Scenario> {
    const t = uiTextOf(language, 'practice');
    const scenario = builtinScenarios().find((each) => each.id === scenarioId);
    if (!scenario) throw new Error(`no shipped scenario ${scenarioId}`);
    const compiled = compileOrThrow(scenario);
    const perfect = exploreScenario(compiled).paths.find((path) => path.score === 100);
    if (!perfect) throw new Error(`${scenarioId} has no perfect path`);
    await this.page
      .getByRole('list', { name: t('open.title') })
      .getByRole('button', { name: scenario.title[language] })
      .click();
    await this.page.getByRole('button', { name: t('briefing.start') }).click();
    for (const answer of pathAnswers(compiled, perfect)) {
      if (answer.kind === 'choose') {
        await this.page
          .getByRole('region', { name: t('run.choose') })
          .getByRole('button')
          .nth(await this.optionIndex(scenario, answer.optionId))
          .click();
      } else {
        await this.page.getByRole('textbox', { name: t('run.replyLabel') }).fill(answer.text);
        for (const action of answer.actions ?? [])
          await this.page.getByRole('checkbox', { name: t(`action.${action}`) }).check();
        await this.page.getByRole('button', { name: t('run.send') }).click();
      }
    }
    await this.page.getByTestId('practice-score').waitFor();
    return scenario;
  }

  private async optionIndex(scenario: Scenario, optionId: string): Promise<number> {
    for (const node of Object.values(scenario.nodes)) {
      if (node.type !== 'agent' || node.mode !== 'choose') continue;
      const index = node.options.findIndex((option) => option.id === optionId);
      if (index >= 0) return index;
    }
    throw new Error(`no option ${optionId}`);
  }

  score(): Locator {
    return this.page.getByTestId('practice-score');
  }

  screenshot(language: string, name: string): Promise<string> {
    return this.queue.screenshot(language, name);
  }
}
