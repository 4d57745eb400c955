import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FILES } from '../../src-shared/training/library';

describe('the statically imported scenario library', () => {
  it('lists every file under resources/scenarios', () => {
    const dir = join(import.meta.dirname, '..', '..', 'resources', 'scenarios');
    const files = readdirSync(dir).filter((file) => file.endsWith('.scenario.json'));
    expect(SCENARIO_FILES.map((entry) => entry.file).sort()).toEqual(files.sort());
  });
});
