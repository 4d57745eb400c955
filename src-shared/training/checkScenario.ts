import { compileScenario, type CompiledScenario } from './compileScenario';
import { exploreScenario, type Exploration } from './exploreScenario';
import { builtinFeedbackCatalog, type FeedbackCatalog } from './feedbackCatalog';
import { findPersonalData } from './personalData';
import { lintRenderedDeadlines, lintText } from '../replies/contentLint';
import { fillPlaceholders, placeholdersIn } from './scenarioContext';
import { ScenarioSchema, type FeedbackRef, type Scenario } from './schema';

export interface ScenarioCheck {
  scenario?: Scenario;
  compiled?: CompiledScenario;
  exploration?: Exploration;
  problems: string[];
}

function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.') || '(file)';
}

function strings(value: unknown, path: string, out: Array<{ path: string; text: string }>): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((item, index) => strings(item, `${path}.${index}`, out));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) strings(item, path ? `${path}.${key}` : key, out);
}

function edges(scenario: Scenario, id: string): string[] {
  const node = scenario.nodes[id];
  if (!node || node.type === 'end') return [];
  if (node.type === 'agent')
    return node.mode === 'choose'
      ? node.options.map((option) => option.goto)
      : node.branches.map((branch) => branch.goto);
  return [node.next];
}

function structureProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const ids = Object.keys(scenario.nodes);
  if (!scenario.nodes[scenario.start]) problems.push(`start: node ${scenario.start} does not exist`);
  for (const id of ids)
    for (const target of edges(scenario, id))
      if (!scenario.nodes[target]) problems.push(`node ${id}: goes to ${target}, which does not exist`);

  const reached = new Set<string>();
  const queue = [scenario.start];
  while (queue.length > 0) {
    const id = queue.pop() ?? '';
    if (reached.has(id) || !scenario.nodes[id]) continue;
    reached.add(id);
    queue.push(...edges(scenario, id));
  }
  for (const id of ids) if (!reached.has(id)) problems.push(`node ${id}: not reachable from ${scenario.start}`);

  // Every node must be able to reach an end: walk the edges backwards from the end nodes.
  const ending = new Set(ids.filter((id) => scenario.nodes[id]?.type === 'end'));
  for (let changed = true; changed;) {
    changed = false;
    for (const id of ids)
      if (!ending.has(id) && edges(scenario, id).some((target) => ending.has(target))) {
        ending.add(id);
        changed = true;
      }
  }
  for (const id of ids) if (reached.has(id) && !ending.has(id)) problems.push(`node ${id}: no path from here ends`);

  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.type === 'customer' && !node.text[scenario.locale])
      problems.push(`node ${id}: the customer's text has no ${scenario.locale} version`);
    if (node.type === 'agent' && node.mode === 'compose') {
      if (node.branches.at(-1)?.if !== 'true')
        problems.push(`node ${id}: the last branch must be "true", so every answer leads somewhere`);
      for (const ruleId of node.rules)
        if (!scenario.rules.some((rule) => rule.id === ruleId))
          problems.push(`node ${id}: rule ${ruleId} does not exist`);
    }
    if (node.type === 'agent' && node.mode === 'choose') {
      const optionIds = node.options.map((option) => option.id);
      if (new Set(optionIds).size !== optionIds.length) problems.push(`node ${id}: two options share an id`);
    }
  }
  return problems;
}

function rubricProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const total = scenario.rubric.categories.reduce((sum, category) => sum + category.weight, 0);
  if (total !== 100) problems.push(`rubric: category weights sum to ${total}, not 100`);
  const categoryIds = scenario.rubric.categories.map((category) => category.id);
  if (new Set(categoryIds).size !== categoryIds.length) problems.push('rubric: two categories share an id');
  const used = new Set(
    Object.values(scenario.nodes).flatMap((node) =>
      node.type === 'agent' && node.mode === 'compose' ? node.rules : [],
    ),
  );
  for (const rule of scenario.rules) if (!used.has(rule.id)) problems.push(`rule ${rule.id}: no node uses it`);
  for (const [name, byLocale] of Object.entries(scenario.markers))
    if (!byLocale[scenario.locale]) problems.push(`marker @${name}: no phrases for ${scenario.locale}`);
  return problems;
}

function feedbackRefs(scenario: Scenario): Array<{ where: string; ref: FeedbackRef }> {
  const refs: Array<{ where: string; ref: FeedbackRef }> = [];
  for (const rule of scenario.rules)
    for (const ref of [rule.feedback.pass, rule.feedback.fail]) if (ref) refs.push({ where: `rule ${rule.id}`, ref });
  for (const [id, node] of Object.entries(scenario.nodes))
    if (node.type === 'agent' && node.mode === 'choose')
      for (const option of node.options)
        if (option.feedback) refs.push({ where: `node ${id} option ${option.id}`, ref: option.feedback });
  return refs;
}

/**
 * Texts the customer reads or writes, in the scenario's locale: placeholders must fill. Model answers
 * (options that cost nothing, samples expected to fail no rule) are what trainees learn to write, so the
 * reply content lint applies to them; wrong answers are wrong on purpose, and customers write as they like.
 */
function customerTexts(scenario: Scenario): Array<{ where: string; text: string; isModel: boolean }> {
  const texts: Array<{ where: string; text: string; isModel: boolean }> = [];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.type === 'customer')
      for (const text of Object.values(node.text)) texts.push({ where: `node ${id}`, text, isModel: false });
    if (node.type === 'agent' && node.mode === 'choose')
      for (const option of node.options)
        texts.push({
          where: `node ${id} option ${option.id}`,
          text: option.text,
          isModel: !option.critical && Object.values(option.score).every((points) => points >= 0),
        });
    if (node.type === 'agent' && node.mode === 'compose')
      for (const sample of node.samples)
        texts.push({
          where: `node ${id} sample ${sample.id}`,
          text: sample.text,
          isModel: sample.expect.fail.length === 0,
        });
  }
  return texts;
}

/** The reply content lint (src-shared/replies/contentLint) over a model answer as the customer would read it. */
function contentProblems(compiled: CompiledScenario, textId: string, text: string): string[] {
  const { scenario, context } = compiled;
  const filled = fillPlaceholders(text, context.values);
  return (
    [
      ...lintText(textId, scenario.locale, filled),
      ...lintRenderedDeadlines(textId, scenario.locale, filled, context.replyContext),
    ]
      // A customer who writes casually is mirrored on purpose (TRAINING.md: their signals beat the market default).
      .filter((problem) => !(problem.rule === 'colloquial_marker' && scenario.persona.register === 'casual'))
      .map((problem) => `content ${problem.rule}: ${problem.detail}`)
  );
}

/**
 * Everything `npm run scenarios -- check` asks of one file: the schema, the graph, the rubric, rules that
 * compile and are used, markers in the scenario's locale, legal facts the rights calculator can give on
 * the scenario's clock, feedback that exists in every UI language, no personal data, and an exploration
 * with a perfect path and a critical-fail path.
 */
export function checkScenario(raw: unknown, options: { catalog?: FeedbackCatalog } = {}): ScenarioCheck {
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`) };
  }
  const scenario = parsed.data;
  const problems = [...structureProblems(scenario), ...rubricProblems(scenario)];

  const texts: Array<{ path: string; text: string }> = [];
  strings(raw, '', texts);
  for (const { path, text } of texts)
    for (const { kind, match } of findPersonalData(text))
      problems.push(`${path}: looks like a real ${kind} ("${match}")`);

  const catalog = options.catalog ?? builtinFeedbackCatalog();
  for (const { where, ref } of feedbackRefs(scenario))
    if (typeof ref === 'string' && !catalog.entries[ref.slice(1)])
      problems.push(`${where}: feedback ${ref} is not in the catalog`);

  let compiled: CompiledScenario;
  try {
    const result = compileScenario(scenario);
    compiled = result.compiled;
    problems.push(...result.problems);
  } catch (error) {
    problems.push(`clock: ${error instanceof Error ? error.message : String(error)}`);
    return { scenario, problems };
  }

  for (const kind of scenario.rights) {
    const clock = compiled.context.clocks.find((candidate) => candidate.kind === kind);
    if (!clock)
      problems.push(`rights: the ${scenario.market} market pack has no ${kind} clock for ${scenario.caseType}`);
    else if (clock.dueDate === null)
      problems.push(
        `rights: ${kind} gives no date on the scenario's clock (${clock.excluded ?? clock.explanation.summary})`,
      );
  }
  for (const { where, text, isModel } of customerTexts(scenario)) {
    for (const name of placeholdersIn(text))
      if (!compiled.context.values.has(name)) problems.push(`${where}: {${name}} has no value`);
    if (isModel)
      for (const problem of contentProblems(compiled, `${scenario.id} ${where}`, text))
        problems.push(`${where}: ${problem}`);
  }

  if (problems.length > 0) return { scenario, compiled, problems };
  const exploration = exploreScenario(compiled);
  problems.push(...exploration.problems);
  if (exploration.truncated) problems.push('explore: more than 10,000 paths; split the scenario');
  if (!exploration.paths.some((path) => path.score === 100 && path.criticalFails.length === 0))
    problems.push('explore: no perfect path (100 points without a critical fail)');
  if (!exploration.paths.some((path) => path.criticalFails.length > 0)) problems.push('explore: no critical-fail path');
  return { scenario, compiled, exploration, problems };
}
