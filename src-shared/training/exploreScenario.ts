import { Duration } from 'luxon';
import type { CompiledScenario } from './compileScenario';
import { answerRun, RunError, startRun, type RunInput, type RunState } from './runPlayer';
import { fillPlaceholders } from './scenarioContext';
import { scoreRun, type CriticalFail } from './scoreRun';

export interface ExploredPath {
  /** Node and the option or sample taken there, in order. */
  choices: Array<{ nodeId: string; choice: string }>;
  outcome: string;
  score: number;
  raw: number;
  passed: boolean;
  criticalFails: CriticalFail[];
}

export interface Exploration {
  paths: ExploredPath[];
  /** Paths that could not end (no branch held, a loop) and sample expectations that did not hold. */
  problems: string[];
  /** More paths than the limit: the rest were not played. */
  truncated: boolean;
}

/** Time a choice takes in the explorer: long enough to be realistic, short enough to meet any reply limit. */
const CHOICE_DELAY_MS = 5 * 60_000;

/**
 * Plays every path through the scenario: each option of a choose node and each author's sample of a
 * compose node, depth first. Samples' expectations are checked where they are played.
 */
export function exploreScenario(compiled: CompiledScenario, limit = 10_000): Exploration {
  const paths: ExploredPath[] = [];
  const problems = new Set<string>();
  let truncated = false;

  const visit = (run: RunState, choices: ExploredPath['choices']): void => {
    if (paths.length >= limit) {
      truncated = true;
      return;
    }
    if (run.outcome !== null) {
      const score = scoreRun(compiled, run);
      paths.push({
        choices,
        outcome: run.outcome,
        score: score.score,
        raw: score.raw,
        passed: score.passed,
        criticalFails: score.criticalFails,
      });
      return;
    }
    const node = compiled.scenario.nodes[run.nodeId];
    if (node?.type !== 'agent') {
      problems.add(`node ${run.nodeId}: the run stopped here without an end`);
      return;
    }
    const moves = movesAt(compiled, node);
    for (const { choice, input } of moves) {
      const where = `node ${run.nodeId} ${node.mode === 'choose' ? 'option' : 'sample'} ${choice}`;
      let next: RunState;
      try {
        next = answerRun(compiled, run, input);
      } catch (error) {
        if (!(error instanceof RunError)) throw error;
        problems.add(`${where}: ${error.message}`);
        continue;
      }
      if (node.mode === 'compose') {
        const sample = node.samples.find((candidate) => candidate.id === choice);
        const here = next.results.slice(run.results.length).filter((result) => result.nodeId === run.nodeId);
        for (const status of ['pass', 'fail', 'na'] as const) {
          for (const ruleId of sample?.expect[status] ?? []) {
            const actual = here.find((result) => result.ruleId === ruleId)?.status;
            if (actual !== status)
              problems.add(
                `${where}: expected rule ${ruleId} to ${status}, it gave ${actual ?? 'nothing (not at this node)'}`,
              );
          }
        }
      }
      visit(next, [...choices, { nodeId: run.nodeId, choice }]);
    }
  };

  try {
    visit(startRun(compiled), []);
  } catch (error) {
    if (!(error instanceof RunError)) throw error;
    problems.add(`start: ${error.message}`);
  }
  return { paths, problems: [...problems], truncated };
}

type AgentNode = Extract<CompiledScenario['scenario']['nodes'][string], { type: 'agent' }>;

/** Every answer the explorer tries at an agent node: each option, or each author's sample. */
function movesAt(compiled: CompiledScenario, node: AgentNode): Array<{ choice: string; input: RunInput }> {
  return node.mode === 'choose'
    ? node.options.map((option) => ({
        choice: option.id,
        input: { kind: 'choose', optionId: option.id, delayMs: CHOICE_DELAY_MS },
      }))
    : node.samples.map((sample) => ({
        choice: sample.id,
        input: {
          kind: 'compose',
          // Authors write samples with placeholders ({rights.withdrawalEnds}) so they follow the calculator.
          text: fillPlaceholders(sample.text, compiled.context.values),
          actions: sample.actions,
          delayMs: Duration.fromISO(sample.delay).toMillis(),
        },
      }));
}

/** The answers of an explored path, to replay it (tests, benchmarks, a run uploaded as an author played it). */
export function pathAnswers(compiled: CompiledScenario, path: ExploredPath): RunInput[] {
  return path.choices.map(({ nodeId, choice }) => {
    const node = compiled.scenario.nodes[nodeId];
    const move = node?.type === 'agent' ? movesAt(compiled, node).find((each) => each.choice === choice) : undefined;
    if (!move) throw new RunError('stuck', `node ${nodeId} has no answer ${choice}`);
    return move.input;
  });
}

export function scoreRange(paths: readonly ExploredPath[]): { min: number; max: number } | null {
  if (paths.length === 0) return null;
  const scores = paths.map((path) => path.score);
  return { min: Math.min(...scores), max: Math.max(...scores) };
}
