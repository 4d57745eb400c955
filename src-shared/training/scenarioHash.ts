import { sourceHash } from '../replies/sourceHash';
import type { Scenario } from './schema';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * The content hash beside `id@version` (TRAINING.md): a run records it, so a file edited without a new
 * version is noticed. Key order and formatting do not change it; any content does.
 */
export function scenarioHash(scenario: Scenario): string {
  return sourceHash({ body: canonical(scenario) });
}

export function scenarioKey(scenario: Pick<Scenario, 'id' | 'version'>): string {
  return `${scenario.id}@${scenario.version}`;
}
