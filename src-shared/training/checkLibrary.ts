import { CASE_TYPES } from '../domain/caseType';
import { language } from '../replies/localeFallback';
import type { Scenario } from './schema';

/** What the shipped library as a whole must cover (issue 16); per-file checks are checkScenario's. */
export const LIBRARY_MINIMUM = { scenarios: 16, markets: 10, customerLanguages: 8 } as const;

export function checkLibrary(scenarios: readonly Scenario[]): string[] {
  const problems: string[] = [];
  const keys = scenarios.map((scenario) => `${scenario.id}@${scenario.version}`);
  for (const key of new Set(keys))
    if (keys.filter((other) => other === key).length > 1) problems.push(`library: ${key} is in two files`);
  if (scenarios.length < LIBRARY_MINIMUM.scenarios)
    problems.push(`library: ${scenarios.length} scenarios, at least ${LIBRARY_MINIMUM.scenarios} needed`);
  const markets = new Set(scenarios.map((scenario) => scenario.market));
  if (markets.size < LIBRARY_MINIMUM.markets)
    problems.push(`library: ${markets.size} markets, at least ${LIBRARY_MINIMUM.markets} needed`);
  const languages = new Set(scenarios.map((scenario) => language(scenario.locale)));
  if (languages.size < LIBRARY_MINIMUM.customerLanguages)
    problems.push(
      `library: customers write in ${languages.size} languages, at least ${LIBRARY_MINIMUM.customerLanguages} needed`,
    );
  for (const caseType of CASE_TYPES)
    if (!scenarios.some((scenario) => scenario.caseType === caseType))
      problems.push(`library: no scenario of case type ${caseType}`);
  for (const market of markets)
    if (!scenarios.some((scenario) => scenario.market === market && scenario.convention.kind === 'counter'))
      problems.push(`library: market ${market} has no counter-example to its usual convention`);
  const nodes = scenarios.flatMap((scenario) => Object.values(scenario.nodes));
  if (!nodes.some((node) => node.type === 'agent' && node.mode === 'choose')) problems.push('library: no choose node');
  if (!nodes.some((node) => node.type === 'agent' && node.mode === 'compose'))
    problems.push('library: no compose node');
  if (!scenarios.some((scenario) => scenario.facts.hidden.length > 0)) problems.push('library: no hidden facts');
  if (!scenarios.some((scenario) => scenario.rules.some((rule) => rule.check.replyWithin !== undefined)))
    problems.push('library: no timed reply (replyWithin)');
  return problems;
}
