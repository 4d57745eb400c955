import { describe, expect, it } from 'vitest';
import { builtinScenarios } from './library';
import { scenarioHash, scenarioKey } from './scenarioHash';
import { ScenarioSchema } from './schema';

describe('scenarioHash', () => {
  const scenario = builtinScenarios()[0]!;

  it('ignores key order and changes with any content', () => {
    const reordered = ScenarioSchema.parse(Object.fromEntries(Object.entries(scenario).reverse()));
    expect(scenarioHash(reordered)).toBe(scenarioHash(scenario));
    const changed = structuredClone(scenario);
    changed.rules[0]!.points += 1;
    expect(scenarioHash(changed)).not.toBe(scenarioHash(scenario));
    expect(scenarioHash(scenario)).toMatch(/^[0-9a-f]{14}$/);
  });

  it('names a scenario id@version, unique across the library', () => {
    const keys = builtinScenarios().map(scenarioKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('de-return-withdrawal@1.0.0');
  });
});
