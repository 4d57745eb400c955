import {
  compileOrThrow,
  replayAnswers,
  scoreRun,
  UI_LANGUAGES,
  type CompiledScenario,
  type RunAnswer,
  type RunScore,
  type RunState,
  type ScenarioVersion,
  type UiLanguage,
  type UiText,
} from '../../../src-shared/training';

const compiledByHash = new Map<string, CompiledScenario>();

/** A scenario version compiled once per page (its content never changes under its hash). */
export function compiledOf(version: ScenarioVersion): CompiledScenario {
  let compiled = compiledByHash.get(version.hash);
  if (!compiled) {
    compiled = compileOrThrow(version.scenario);
    compiledByHash.set(version.hash, compiled);
  }
  return compiled;
}

/** The run as the player sees it after these answers, with its score once it ended. */
export function playedRun(
  compiled: CompiledScenario,
  answers: readonly RunAnswer[],
): { state: RunState; score: RunScore | null } {
  const state = replayAnswers(compiled, answers);
  return { state, score: state.outcome === null ? null : scoreRun(compiled, state) };
}

/** The UI language's text of a scenario's six-language text (English for a language it lacks). */
export function uiText(text: UiText, language: string): string {
  return text[asUiLanguage(language)];
}

export function asUiLanguage(language: string): UiLanguage {
  return UI_LANGUAGES.find((each) => each === language) ?? 'en';
}

/** How long the trainee took, on the scenario clock: the time since the turn began, at least a minute. */
export function answerDelayMs(turnStartedMs: number, nowMs: number): number {
  return Math.max(60_000, Math.min(nowMs - turnStartedMs, 7 * 24 * 3_600_000));
}
