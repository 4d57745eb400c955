import { randomUUID } from 'node:crypto';
import {
  builtinScenarios,
  compileOrThrow,
  exploreScenario,
  pathAnswers,
  RunAnswerSchema,
  scenarioHash,
  scenarioKey,
  trainingIdFrom,
  type CompiledScenario,
  type ExploredPath,
  type RunUpload,
  type Scenario,
} from '../../src-shared/training';

/** A shipped scenario with its perfect and critical-fail paths, for suites that store practice runs. */
export interface PracticeFixture {
  scenario: Scenario;
  compiled: CompiledScenario;
  perfect: ExploredPath;
  failing: ExploredPath;
}

export function practiceFixture(id = 'de-return-withdrawal'): PracticeFixture {
  const scenario = builtinScenarios().find((each) => each.id === id);
  if (!scenario) throw new Error(`no shipped scenario ${id}`);
  const compiled = compileOrThrow(scenario);
  const { paths } = exploreScenario(compiled);
  const perfect = paths.find((path) => path.score === 100);
  const failing = paths.find((path) => path.criticalFails.length > 0);
  if (!perfect || !failing) throw new Error(`${id} has no perfect or critical-fail path`);
  return { scenario, compiled, perfect, failing };
}

/** A finished run along `path`, as a desk uploads it under a fresh training id. */
export function practiceRun(
  fixture: PracticeFixture,
  path: ExploredPath,
  overrides: Partial<RunUpload> = {},
): RunUpload {
  return {
    id: trainingIdFrom(randomUUID()),
    scenarioKey: scenarioKey(fixture.scenario),
    scenarioHash: scenarioHash(fixture.scenario),
    uiLanguage: 'en',
    startedAt: '2026-11-25T09:00:00.000Z',
    finishedAt: '2026-11-25T09:12:00.000Z',
    answers: pathAnswers(fixture.compiled, path).map((answer) => RunAnswerSchema.parse(answer)),
    ...overrides,
  };
}
