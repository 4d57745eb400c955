import { Duration } from 'luxon';
import { checkReply } from '../replies/checkReply';
import { readAmounts, readDates } from '../replies/factReader';
import type { FindingCode } from '../replies/findings';
import { businessDurationBetween } from '../sla';
import { conditionAtoms, parseCondition, parseStateChanges, type Condition, type StateChange } from './conditions';
import { buildScenarioContext, fillPlaceholders, placeholdersIn, type ScenarioContext } from './scenarioContext';
import type { Check, ReplyCheck, Rule, Scenario } from './schema';
import { foldText, isMostlyScript, isQuestion, phraseIndex, sentences } from './textMatch';

/** What the trainee did at a compose node, as the rules see it. */
export interface Answer {
  text: string;
  actions: readonly string[];
  /** Scenario clock (epoch ms) when the customer's message arrived and when the reply went out. */
  arrivedMs: number;
  repliedMs: number;
}

export type RuleStatus = 'pass' | 'fail' | 'na';

export interface CompiledRule {
  rule: Rule;
  naIf: Condition | undefined;
  /** pass or fail for an answer; N/A is decided by the player from naIf (it needs the run). */
  check(answer: Answer): 'pass' | 'fail' | 'na';
}

export interface CompiledScenario {
  scenario: Scenario;
  context: ScenarioContext;
  rules: ReadonlyMap<string, CompiledRule>;
  /** Parsed conditions and state changes by their source text. */
  condition(source: string): Condition;
  stateChanges(source: string): StateChange[];
  /** Folded phrases of a literal or an @marker in the scenario's locale. */
  phrases(reference: string): string[];
}

export class ScenarioCompileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The scenario does not compile:\n- ${problems.join('\n- ')}`);
    this.name = 'ScenarioCompileError';
  }
}

const FORMALITY_CODES: readonly FindingCode[] = ['informal_address', 'missing_honorific'];
const WINDOW_CODES: readonly FindingCode[] = [
  'return_window_shorter_than_statutory',
  'return_deadline_before_statutory',
  'refund_slower_than_statutory',
];

/** Compiles rules, conditions and markers once; `problems` lists everything that would not work. */
export function compileScenario(scenario: Scenario): { compiled: CompiledScenario; problems: string[] } {
  const problems: string[] = [];
  const context = buildScenarioContext(scenario);
  const locale = scenario.locale;

  const phraseCache = new Map<string, string[]>();
  const phrases = (reference: string, where = ''): string[] => {
    const cached = phraseCache.get(reference);
    if (cached) return cached;
    let raw: readonly string[] = [reference];
    if (reference.startsWith('@')) {
      const marker = scenario.markers[reference.slice(1)];
      const forLocale = marker?.[locale];
      if (!marker) problems.push(`${where}: marker ${reference} is not defined`);
      else if (!forLocale) problems.push(`${where}: marker ${reference} has no phrases for ${locale}`);
      raw = forLocale ?? [];
    }
    for (const text of raw) {
      for (const name of placeholdersIn(text))
        if (!context.values.has(name)) problems.push(`${where}: {${name}} in "${text}" has no value`);
    }
    const folded = raw.map((text) => foldText(fillPlaceholders(text, context.values))).filter(Boolean);
    phraseCache.set(reference, folded);
    return folded;
  };

  const conditionCache = new Map<string, Condition>();
  const condition = (source: string, where = ''): Condition => {
    const cached = conditionCache.get(source);
    if (cached) return cached;
    let parsed: Condition = { kind: 'const', value: false };
    try {
      parsed = parseCondition(source);
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const atom of conditionAtoms(parsed)) {
      if (
        (atom.kind === 'pass' || atom.kind === 'fail' || atom.kind === 'na') &&
        !scenario.rules.some((r) => r.id === atom.rule)
      )
        problems.push(`${where}: condition "${source}" names rule ${atom.rule}, which does not exist`);
      if (atom.kind === 'revealed' && !scenario.facts.hidden.some((fact) => fact.id === atom.fact))
        problems.push(`${where}: condition "${source}" names hidden fact ${atom.fact}, which does not exist`);
      if (atom.kind === 'customerUsed' || atom.kind === 'askedFor') phrases(atom.phrase, where);
      if (atom.kind === 'state' && !(atom.name in initialState(scenario)))
        problems.push(`${where}: condition "${source}" reads state ${atom.name}, which has no start value`);
    }
    conditionCache.set(source, parsed);
    return parsed;
  };

  const changeCache = new Map<string, StateChange[]>();
  const stateChanges = (source: string, where = ''): StateChange[] => {
    const cached = changeCache.get(source);
    if (cached) return cached;
    let changes: StateChange[] = [];
    try {
      changes = parseStateChanges(source);
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const change of changes)
      if (!(change.name in initialState(scenario)))
        problems.push(`${where}: "${source}" sets state ${change.name}, which has no start value`);
    changeCache.set(source, changes);
    return changes;
  };

  const rules = new Map<string, CompiledRule>();
  const categories = new Set(scenario.rubric.categories.map((category) => category.id));
  for (const rule of scenario.rules) {
    const where = `rule ${rule.id}`;
    if (rules.has(rule.id)) problems.push(`${where}: the id is used twice`);
    if (!categories.has(rule.category)) problems.push(`${where}: category ${rule.category} is not in the rubric`);
    rules.set(rule.id, {
      rule,
      naIf: rule.na_if === undefined ? undefined : condition(rule.na_if, where),
      check: compileCheck(
        rule.check,
        scenario,
        context,
        (reference) => phrases(reference, where),
        (problem) => problems.push(`${where}: ${problem}`),
      ),
    });
  }

  // Conditions, state changes and placeholders elsewhere in the scenario compile now, so problems are complete.
  for (const fact of scenario.facts.hidden) condition(fact.revealWhen, `hidden fact ${fact.id}`);
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const where = `node ${id}`;
    if (node.type === 'agent' && node.mode === 'compose') {
      for (const branch of node.branches) {
        condition(branch.if, where);
        if (branch.set) stateChanges(branch.set, where);
      }
    }
    if (node.type === 'agent' && node.mode === 'choose') {
      for (const option of node.options) {
        if (option.set) stateChanges(option.set, `${where} option ${option.id}`);
        for (const category of [...Object.keys(option.score), ...(option.critical ? [option.critical] : [])])
          if (!categories.has(category))
            problems.push(`${where} option ${option.id}: category ${category} is not in the rubric`);
      }
    }
  }

  return {
    compiled: {
      scenario,
      context,
      rules,
      condition: (source) => condition(source),
      stateChanges: (source) => stateChanges(source),
      phrases: (reference) => phrases(reference),
    },
    problems,
  };
}

/** Compiles or throws ScenarioCompileError (the app and the CLI's play use this). */
export function compileOrThrow(scenario: Scenario): CompiledScenario {
  const { compiled, problems } = compileScenario(scenario);
  if (problems.length > 0) throw new ScenarioCompileError(problems);
  return compiled;
}

export function initialState(scenario: Scenario): Record<string, number> {
  return { patience: scenario.persona.patience, ...scenario.state };
}

type Test = (answer: Answer, folded: string) => boolean | 'na';

function compileCheck(
  check: Check,
  scenario: Scenario,
  context: ScenarioContext,
  phrases: (reference: string) => string[],
  problem: (text: string) => void,
): CompiledRule['check'] {
  const tests: Test[] = [];
  const has = (folded: string, reference: string): boolean =>
    phrases(reference).some((p) => phraseIndex(folded, p) >= 0);
  const firstIndex = (folded: string, reference: string): number =>
    Math.min(
      ...phrases(reference)
        .map((p) => phraseIndex(folded, p))
        .filter((i) => i >= 0),
      Infinity,
    );

  if (check.any) {
    const list = check.any;
    list.forEach(phrases);
    tests.push((_, folded) => list.some((reference) => has(folded, reference)));
  }
  if (check.all) {
    const list = check.all;
    list.forEach(phrases);
    tests.push((_, folded) => list.every((reference) => has(folded, reference)));
  }
  if (check.none) {
    const list = check.none;
    list.forEach(phrases);
    tests.push((_, folded) => !list.some((reference) => has(folded, reference)));
  }
  if (check.regex !== undefined) {
    try {
      const pattern = new RegExp(foldText(fillPlaceholders(check.regex, context.values)), 'u');
      tests.push((_, folded) => pattern.test(folded));
    } catch (error) {
      problem(`regex does not compile: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (check.first !== undefined) {
    const reference = check.first;
    phrases(reference);
    tests.push((_, folded) => has(sentences(folded)[0] ?? '', reference));
  }
  if (check.before) {
    const [earlier, later] = check.before;
    phrases(earlier);
    phrases(later);
    tests.push((_, folded) => {
      const a = firstIndex(folded, earlier);
      return a !== Infinity && a < firstIndex(folded, later);
    });
  }
  if (check.script) {
    const script = check.script;
    tests.push((answer) => isMostlyScript(answer.text, script));
  }
  if (check.action) {
    const action = check.action;
    tests.push((answer) => answer.actions.includes(action));
  }
  if (check.noAction) {
    const action = check.noAction;
    tests.push((answer) => !answer.actions.includes(action));
  }
  if (check.maxLength !== undefined) {
    const max = check.maxLength;
    tests.push((answer) => [...answer.text].length <= max);
  }
  if (check.askedFor !== undefined) {
    const reference = check.askedFor;
    phrases(reference);
    tests.push((_, folded) => sentences(folded).some((sentence) => isQuestion(sentence) && has(sentence, reference)));
  }
  if (check.replyWithin !== undefined) {
    const limit = Duration.fromISO(check.replyWithin).toMillis();
    if (!Number.isFinite(limit) || limit <= 0) problem(`replyWithin ${check.replyWithin} is not a positive duration`);
    tests.push((answer) => businessDurationBetween(context.calendar, answer.arrivedMs, answer.repliedMs) <= limit);
  }
  if (check.replyCheck) tests.push(replyCheckTest(check.replyCheck, scenario, context));

  return (answer) => {
    const folded = foldText(answer.text);
    let applies = false;
    for (const test of tests) {
      const result = test(answer, folded);
      if (result === false) return 'fail';
      if (result === true) applies = true;
    }
    return applies ? 'pass' : 'na';
  };
}

/** The composer's pre-send checks, with the customer's own register winning over the market default. */
function replyCheckTest(kind: ReplyCheck, scenario: Scenario, context: ScenarioContext): Test {
  const locale = scenario.locale;
  const replyContext = {
    ...context.replyContext,
    register: scenario.persona.register === 'formal' ? ('formal' as const) : ('neutral' as const),
  };
  const findings = (text: string): Set<FindingCode> =>
    new Set(checkReply({ context: replyContext, customer: { locale, formatLocale: locale, text } }).map((f) => f.code));
  switch (kind) {
    case 'formality':
      return (answer) => !FORMALITY_CODES.some((code) => findings(answer.text).has(code));
    case 'statutoryWindow':
      return (answer) => !WINDOW_CODES.some((code) => findings(answer.text).has(code));
    case 'amounts': {
      const currencies = [...new Set([...context.knownAmounts].map((amount) => amount.split(':')[0] ?? ''))];
      // Nothing stated is nothing wrong: the rule is N/A; a rule that wants the amount said uses any/regex.
      return (answer) => {
        const stated = readAmounts(answer.text, locale, currencies);
        return stated.length === 0 ? 'na' : stated.every((amount) => context.knownAmounts.has(amount));
      };
    }
    case 'dates':
      return (answer) => {
        const stated = readDates(answer.text, locale);
        return stated.length === 0 ? 'na' : stated.every((date) => context.knownDates.has(date));
      };
  }
}
