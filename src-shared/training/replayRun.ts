import type { CompiledScenario } from './compileScenario';
import type { RunAnswer, RunResult } from './records';
import { answerRun, RunError, startRun, type RunState } from './runPlayer';
import { scoreRun } from './scoreRun';

/** Plays a run's answers from the start: the desk after a restart and the server on upload get the same run. */
export function replayAnswers(compiled: CompiledScenario, answers: readonly RunAnswer[]): RunState {
  let run = startRun(compiled);
  for (const answer of answers) run = answerRun(compiled, run, answer);
  return run;
}

/** A finished run's outcome and rubric score; RunError('unfinished') when the answers stop before an end. */
export function runResult(compiled: CompiledScenario, run: RunState): RunResult {
  if (run.outcome === null) throw new RunError('stuck', `the run stops at ${run.nodeId} before an end`);
  const score = scoreRun(compiled, run);
  return {
    outcome: run.outcome,
    path: run.path,
    revealed: run.revealed,
    ruleResults: run.results,
    score: score.score,
    raw: score.raw,
    passed: score.passed,
    categories: score.categories,
    criticalFails: score.criticalFails,
  };
}
