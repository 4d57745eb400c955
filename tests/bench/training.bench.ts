// Training: what the Practice screen does when a trainee sends a compose answer: the rules of the node
// judge it (phrases, markers, regex, the composer's pre-send checks, the business-hours reply limit) and
// the run is scored against the rubric. Every compose sample of the shipped library, in turn.
import { Duration } from 'luxon';
import {
  answerRun,
  builtinScenarios,
  compileOrThrow,
  fillPlaceholders,
  scoreRun,
  startRun,
} from '../../src-shared/training/index';
import { measure, report } from './stats';

const compile = await measure((i) => compileOrThrow(builtinScenarios()[i % builtinScenarios().length]!), 160, 16);

const answers = builtinScenarios().flatMap((scenario) => {
  const compiled = compileOrThrow(scenario);
  const run = startRun(compiled);
  const node = scenario.nodes[run.nodeId];
  if (node?.type !== 'agent' || node.mode !== 'compose') return [];
  return node.samples.map((sample) => ({
    compiled,
    run,
    rules: node.rules.length,
    input: {
      kind: 'compose' as const,
      text: fillPlaceholders(sample.text, compiled.context.values),
      actions: sample.actions,
      delayMs: Duration.fromISO(sample.delay).toMillis(),
    },
  }));
});

const score = await measure(
  (i) => {
    const { compiled, run, input } = answers[i % answers.length]!;
    return scoreRun(compiled, answerRun(compiled, run, input));
  },
  4000,
  400,
);

report('training: score a compose answer against its node rules', {
  answers: answers.length,
  rulesPerNode: `${Math.min(...answers.map((a) => a.rules))}-${Math.max(...answers.map((a) => a.rules))}`,
  scoreAnswer: score,
  compileScenario: compile,
});
