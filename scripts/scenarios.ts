// Author's CLI for training scenarios (docs/TRAINING.md).
// Usage: npm run scenarios -- check                 validates every *.scenario.json under resources/scenarios
//        npm run scenarios -- explore FILE          plays every choice path: score range and outcomes
//        npm run scenarios -- play FILE [--lang en] plays one in the terminal (reads answers from stdin)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { Duration } from 'luxon';
import {
  answerRun,
  checkLibrary,
  checkScenario,
  compileOrThrow,
  feedbackText,
  RunError,
  ScenarioCompileError,
  ScenarioSchema,
  scoreRange,
  scenarioHash,
  scenarioKey,
  scoreRun,
  startRun,
  UI_LANGUAGES,
  type CompiledScenario,
  type RunInput,
  type RunState,
  type Scenario,
  type UiLanguage,
} from '../src-shared/training';

const ROOT = join(import.meta.dirname, '..');
const LIBRARY = join(ROOT, 'resources', 'scenarios');
const USAGE = `Usage:
  npm run scenarios -- check [--dir DIR]
  npm run scenarios -- explore FILE
  npm run scenarios -- play FILE [--lang zh-CN|en|ar|es|de|ja]
      play reads answers from stdin: at a choice, the option's number or id; at a reply, lines of text,
      "!photo.request" lines for practice actions, an optional "~PT45M" line for the time taken, then "."`;

class UsageError extends Error {}

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scenarioFiles(path);
    return entry.name.endsWith('.scenario.json') ? [path] : [];
  });
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function check(args: string[]): number {
  const dirIndex = args.indexOf('--dir');
  const dir = dirIndex >= 0 ? args[dirIndex + 1] : LIBRARY;
  if (!dir) throw new UsageError('--dir needs a folder');
  const files = scenarioFiles(dir).sort();
  const scenarios: Scenario[] = [];
  let failed = 0;
  for (const file of files) {
    const name = relative(ROOT, file);
    let problems: string[];
    try {
      const result = checkScenario(JSON.parse(readFileSync(file, 'utf8')));
      problems = result.problems;
      if (result.scenario) scenarios.push(result.scenario);
      if (result.scenario && !file.endsWith(`${result.scenario.id}.scenario.json`))
        problems.push(`file name: should be ${result.scenario.id}.scenario.json`);
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (problems.length === 0) console.log(`ok   ${name}`);
    else {
      failed++;
      console.log(`FAIL ${name}`);
      for (const problem of problems) console.log(`     - ${problem}`);
    }
  }
  const library = checkLibrary(scenarios);
  for (const problem of library) console.log(`FAIL ${problem}`);
  console.log(
    `\n${files.length} scenario files, ${failed} with problems${library.length > 0 ? ', library incomplete' : ''}`,
  );
  return failed > 0 || library.length > 0 ? 1 : 0;
}

function load(file: string | undefined): CompiledScenario {
  if (!file) throw new UsageError('Missing the scenario FILE');
  const result = checkScenario(readJson(file));
  if (!result.compiled) throw new UsageError(`${file} is not a valid scenario:\n- ${result.problems.join('\n- ')}`);
  return compileOrThrow(ScenarioSchema.parse(readJson(file)));
}

function explore(file: string | undefined): number {
  const compiled = load(file);
  const { exploration } = checkScenario(readJson(file ?? ''));
  if (!exploration) throw new UsageError('The scenario has problems; run check first');
  const { paths } = exploration;
  for (const path of paths) {
    const route = path.choices.map((step) => `${step.nodeId}:${step.choice}`).join(' > ');
    const critical = path.criticalFails.map((fail) => `${fail.category}/${fail.source}`).join(', ');
    console.log(
      `${path.passed ? 'PASS' : 'FAIL'} ${path.score.toFixed(1).padStart(5)} ${path.outcome.padEnd(24)} ${route}${critical ? `  critical: ${critical}` : ''}`,
    );
  }
  const range = scoreRange(paths);
  const outcomes = new Map<string, number>();
  for (const path of paths) outcomes.set(path.outcome, (outcomes.get(path.outcome) ?? 0) + 1);
  console.log(
    `\n${scenarioKey(compiled.scenario)} #${scenarioHash(compiled.scenario)}: ${paths.length} paths, score ${range ? `${range.min.toFixed(1)}-${range.max.toFixed(1)}` : 'n/a'}, ` +
      `${paths.filter((path) => path.passed).length} pass, ${paths.filter((path) => path.criticalFails.length > 0).length} critical fail`,
  );
  console.log(`outcomes: ${[...outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(', ')}`);
  for (const problem of exploration.problems) console.log(`problem: ${problem}`);
  return exploration.problems.length > 0 ? 1 : 0;
}

function isUiLanguage(value: string): value is UiLanguage {
  return UI_LANGUAGES.some((language) => language === value);
}

async function play(args: string[]): Promise<number> {
  const langIndex = args.indexOf('--lang');
  const lang = langIndex >= 0 ? args[langIndex + 1] : 'en';
  if (!lang || !isUiLanguage(lang)) throw new UsageError(`--lang must be one of ${UI_LANGUAGES.join(', ')}`);
  const file = args.find((arg, index) => !arg.startsWith('--') && index !== langIndex + 1);
  const compiled = load(file);
  const { scenario, context } = compiled;
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string | undefined> => {
    const { value, done } = await lines.next();
    return done ? undefined : String(value);
  };
  const clock = (ms: number): string =>
    new Date(ms).toLocaleString(lang, { timeZone: context.zone, dateStyle: 'medium', timeStyle: 'short' });

  console.log(
    `# ${scenario.title[lang]}  (${scenario.id}@${scenario.version}, ${scenario.market}, ${scenario.locale})`,
  );
  console.log(scenario.briefing[lang]);
  for (const objective of scenario.objectives) console.log(`- ${objective[lang]}`);
  let run: RunState = startRun(compiled);
  let shown = 0;
  const show = (state: RunState): void => {
    for (const entry of state.transcript.slice(shown)) {
      if (entry.kind === 'customer') console.log(`\n[${clock(entry.at)}] customer: ${entry.text}`);
      else if (entry.kind === 'event') console.log(`\n[${clock(entry.at)}] -- ${entry.text[lang]}`);
      else if (entry.kind === 'reveal') {
        const fact = scenario.facts.hidden.find((candidate) => candidate.id === entry.factId);
        console.log(`   (revealed: ${fact?.text[lang] ?? entry.factId})`);
      } else
        console.log(
          `[${clock(entry.at)}] you: ${entry.text}${entry.actions.length ? `  [${entry.actions.join(', ')}]` : ''}`,
        );
    }
    shown = state.transcript.length;
  };
  show(run);
  while (run.outcome === null) {
    const node = scenario.nodes[run.nodeId];
    if (node?.type !== 'agent') break;
    if (node.prompt) console.log(`\n> ${node.prompt[lang]}`);
    let input: RunInput;
    if (node.mode === 'choose') {
      node.options.forEach((option, index) => console.log(`  ${index + 1}. ${option.text}`));
      const line = (await nextLine())?.trim();
      if (line === undefined) throw new UsageError('Input ended before the run did');
      const option = node.options.find((candidate, index) => candidate.id === line || String(index + 1) === line);
      if (!option) {
        console.log(`  no option "${line}"; type its number`);
        continue;
      }
      input = { kind: 'choose', optionId: option.id, delayMs: 5 * 60_000 };
    } else {
      console.log(
        `  reply in ${scenario.locale}; actions: ${node.actions.map((action) => `!${action}`).join(' ') || 'none'}; end with "."`,
      );
      const text: string[] = [];
      const actions: string[] = [];
      let delayMs = 5 * 60_000;
      for (let line = await nextLine(); line !== undefined && line.trim() !== '.'; line = await nextLine()) {
        if (line.startsWith('!')) actions.push(line.slice(1).trim());
        else if (line.startsWith('~')) delayMs = Duration.fromISO(line.slice(1).trim()).toMillis() || delayMs;
        else text.push(line);
      }
      const offered = node.actions.filter((action) => actions.includes(action));
      const refused = actions.filter((action) => !node.actions.some((candidate) => candidate === action));
      if (refused.length > 0) console.log(`  not offered here: ${refused.join(', ')}`);
      input = { kind: 'compose', text: text.join('\n'), actions: offered, delayMs };
    }
    try {
      run = answerRun(compiled, run, input);
    } catch (error) {
      if (!(error instanceof RunError)) throw error;
      console.log(`  ${error.message}`);
      if (error.code === 'empty_reply') continue;
      return 1;
    }
    show(run);
  }
  const score = scoreRun(compiled, run);
  console.log(
    `\n# ${run.outcome ?? '?'}: ${score.score.toFixed(1)} / 100 (${score.passed ? 'passed' : 'not passed'}, threshold ${scenario.passThreshold})`,
  );
  for (const category of score.categories)
    console.log(
      `- ${category.id} (weight ${category.weight}): ${category.score === null ? 'n/a' : `${Math.round(category.score * 100)} %`}`,
    );
  for (const fail of score.criticalFails) console.log(`! critical fail in ${fail.category}: ${fail.source}`);
  for (const criterion of score.criteria) {
    const label = criterion.source.kind === 'rule' ? criterion.source.ruleId : criterion.source.optionId;
    const status = !criterion.applies ? 'n/a ' : criterion.passed ? 'ok  ' : 'miss';
    const feedback = criterion.feedback ? feedbackText(criterion.feedback, lang) : undefined;
    console.log(`  ${status} ${label}${feedback ? `: ${feedback}` : ''}`);
  }
  const hidden = scenario.facts.hidden.filter((fact) => !run.revealed.includes(fact.id));
  for (const fact of hidden) console.log(`  (not uncovered: ${fact.text[lang]})`);
  console.log(`state: ${JSON.stringify(run.state)}  path: ${run.path.join(' > ')}`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return check(rest);
    if (command === 'explore') return explore(rest[0]);
    if (command === 'play') return await play(rest);
    throw new UsageError(command ? `Unknown command "${command}"` : 'Missing a command');
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n${USAGE}\n`);
    else if (error instanceof ScenarioCompileError) process.stderr.write(`${error.message}\n`);
    else throw error;
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
