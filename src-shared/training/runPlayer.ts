import { Duration } from 'luxon';
import { applyStateChanges, evaluateCondition, type ConditionEnv } from './conditions';
import { initialState, type CompiledScenario, type RuleStatus } from './compileScenario';
import { fillPlaceholders } from './scenarioContext';
import type { PracticeAction, UiText } from './schema';
import { foldText, isQuestion, phraseIndex, sentences } from './textMatch';

export type TranscriptEntry =
  | { kind: 'customer'; nodeId: string; at: number; text: string }
  | { kind: 'event'; nodeId: string; at: number; text: UiText }
  | { kind: 'agent'; nodeId: string; at: number; text: string; actions: string[]; optionId?: string }
  | { kind: 'reveal'; factId: string; at: number };

export interface RuleResult {
  nodeId: string;
  ruleId: string;
  status: RuleStatus;
}

/**
 * A run as plain data (it is stored, synced and replayed): the player never mutates it, so the explorer
 * can branch from any point.
 */
export interface RunState {
  nodeId: string;
  /** Scenario clock, epoch ms. */
  clockMs: number;
  /** When the customer's latest message arrived: replies are timed from it. */
  awaitingSinceMs: number;
  state: Record<string, number>;
  revealed: string[];
  actions: string[];
  transcript: TranscriptEntry[];
  results: RuleResult[];
  picks: Array<{ nodeId: string; optionId: string }>;
  path: string[];
  /** Set once the run reaches an end node. */
  outcome: string | null;
}

export type RunInput =
  | { kind: 'compose'; text: string; actions?: readonly PracticeAction[]; delayMs: number }
  | { kind: 'choose'; optionId: string; delayMs: number };

export type RunErrorCode =
  'finished' | 'wrong_mode' | 'unknown_option' | 'action_not_offered' | 'empty_reply' | 'stuck' | 'loop';

export class RunError extends Error {
  constructor(
    readonly code: RunErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RunError';
  }
}

/** A run would loop forever in a scenario whose customer and event nodes form a cycle. */
const MAX_AUTOMATIC_STEPS = 500;

export function startRun(compiled: CompiledScenario): RunState {
  const { scenario, context } = compiled;
  return advance(compiled, {
    nodeId: scenario.start,
    clockMs: context.startMs,
    awaitingSinceMs: context.startMs,
    state: initialState(scenario),
    revealed: [],
    actions: [],
    transcript: [],
    results: [],
    picks: [],
    path: [],
    outcome: null,
  });
}

function durationMs(iso: string | undefined): number {
  return iso ? Duration.fromISO(iso).toMillis() : 0;
}

/** Plays customer messages and events up to the next agent turn or the end. */
function advance(compiled: CompiledScenario, run: RunState): RunState {
  const { scenario, context } = compiled;
  let next = run;
  for (let steps = 0; ; steps++) {
    if (steps > MAX_AUTOMATIC_STEPS)
      throw new RunError('loop', `node ${next.nodeId} is part of a cycle without an agent turn`);
    const node = scenario.nodes[next.nodeId];
    if (!node) throw new RunError('stuck', `node ${next.nodeId} does not exist`);
    const path = [...next.path, next.nodeId];
    if (node.type === 'customer') {
      const at = next.clockMs + durationMs(node.after);
      const text = fillPlaceholders(node.text[scenario.locale] ?? Object.values(node.text)[0] ?? '', context.values);
      next = {
        ...next,
        path,
        clockMs: at,
        awaitingSinceMs: at,
        transcript: [...next.transcript, { kind: 'customer', nodeId: next.nodeId, at, text }],
        nodeId: node.next,
      };
    } else if (node.type === 'event') {
      const at = next.clockMs + durationMs(node.advance);
      next = {
        ...next,
        path,
        clockMs: at,
        transcript: [...next.transcript, { kind: 'event', nodeId: next.nodeId, at, text: node.text }],
        nodeId: node.next,
      };
    } else if (node.type === 'end') {
      return { ...next, path, outcome: node.outcome };
    } else return next;
  }
}

function conditionEnv(compiled: CompiledScenario, run: RunState): ConditionEnv {
  const texts = (kind: 'customer' | 'agent'): string[] =>
    run.transcript.flatMap((entry) => (entry.kind === kind ? [foldText(entry.text)] : []));
  const uses = (folded: string, reference: string): boolean =>
    compiled.phrases(reference).some((phrase) => phraseIndex(folded, phrase) >= 0);
  return {
    ruleStatus: (rule) => run.results.findLast((result) => result.ruleId === rule)?.status,
    isRevealed: (fact) => run.revealed.includes(fact),
    tookAction: (action) => run.actions.includes(action),
    chose: (option) => run.picks.some((pick) => pick.optionId === option),
    customerUsed: (reference) => texts('customer').some((text) => uses(text, reference)),
    askedFor: (reference) =>
      texts('agent').some((text) =>
        sentences(text).some((sentence) => isQuestion(sentence) && uses(sentence, reference)),
      ),
    state: (name) => run.state[name] ?? 0,
  };
}

function revealFacts(compiled: CompiledScenario, run: RunState): RunState {
  const env = conditionEnv(compiled, run);
  const newly = compiled.scenario.facts.hidden.filter(
    (fact) => !run.revealed.includes(fact.id) && evaluateCondition(compiled.condition(fact.revealWhen), env),
  );
  if (newly.length === 0) return run;
  return {
    ...run,
    revealed: [...run.revealed, ...newly.map((fact) => fact.id)],
    transcript: [
      ...run.transcript,
      ...newly.map((fact) => ({ kind: 'reveal' as const, factId: fact.id, at: run.clockMs })),
    ],
  };
}

/** The trainee's turn: scores it, reveals what it uncovers, takes the first branch that holds and plays on. */
export function answerRun(compiled: CompiledScenario, run: RunState, input: RunInput): RunState {
  if (run.outcome !== null) throw new RunError('finished', 'the run has ended');
  const node = compiled.scenario.nodes[run.nodeId];
  if (!node || node.type !== 'agent') throw new RunError('stuck', `node ${run.nodeId} is not an agent turn`);
  if (node.mode !== input.kind)
    throw new RunError('wrong_mode', `node ${run.nodeId} expects ${node.mode}, got ${input.kind}`);
  const repliedMs = run.clockMs + Math.max(0, input.delayMs);
  run = { ...run, path: [...run.path, run.nodeId] };

  if (node.mode === 'choose' && input.kind === 'choose') {
    const option = node.options.find((candidate) => candidate.id === input.optionId);
    if (!option) throw new RunError('unknown_option', `node ${run.nodeId} has no option ${input.optionId}`);
    let next: RunState = {
      ...run,
      clockMs: repliedMs,
      actions: option.action ? [...run.actions, option.action] : run.actions,
      picks: [...run.picks, { nodeId: run.nodeId, optionId: option.id }],
      transcript: [
        ...run.transcript,
        {
          kind: 'agent',
          nodeId: run.nodeId,
          at: repliedMs,
          text: fillPlaceholders(option.text, compiled.context.values),
          actions: option.action ? [option.action] : [],
          optionId: option.id,
        },
      ],
    };
    if (option.set) next = { ...next, state: applyStateChanges(next.state, compiled.stateChanges(option.set)) };
    next = revealFacts(compiled, next);
    return advance(compiled, { ...next, nodeId: option.goto });
  }
  if (node.mode !== 'compose' || input.kind !== 'compose') throw new RunError('wrong_mode', 'mode mismatch');

  const text = input.text.trim();
  if (text === '') throw new RunError('empty_reply', 'a reply needs some text');
  const actions = [...(input.actions ?? [])];
  const refused = actions.find((action) => !node.actions.includes(action));
  if (refused) throw new RunError('action_not_offered', `${refused} is not offered at node ${run.nodeId}`);

  let next: RunState = {
    ...run,
    clockMs: repliedMs,
    actions: [...run.actions, ...actions],
    transcript: [...run.transcript, { kind: 'agent', nodeId: run.nodeId, at: repliedMs, text, actions }],
  };
  const answer = { text, actions, arrivedMs: run.awaitingSinceMs, repliedMs };
  const env = conditionEnv(compiled, next);
  const results: RuleResult[] = node.rules.map((ruleId) => {
    const rule = compiled.rules.get(ruleId);
    if (!rule) return { nodeId: run.nodeId, ruleId, status: 'na' };
    const notApplicable = rule.naIf !== undefined && evaluateCondition(rule.naIf, env);
    return { nodeId: run.nodeId, ruleId, status: notApplicable ? 'na' : rule.check(answer) };
  });
  next = revealFacts(compiled, { ...next, results: [...next.results, ...results] });
  const branchEnv = conditionEnv(compiled, next);
  const branch = node.branches.find((candidate) => evaluateCondition(compiled.condition(candidate.if), branchEnv));
  if (!branch) throw new RunError('stuck', `no branch of node ${run.nodeId} holds`);
  if (branch.set) next = { ...next, state: applyStateChanges(next.state, compiled.stateChanges(branch.set)) };
  return advance(compiled, { ...next, nodeId: branch.goto });
}
