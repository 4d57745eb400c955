import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './runScript';

const dir = mkdtempSync(join(tmpdir(), 'training-cli-'));
function csv(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const run = (...args: string[]) => runScript('scripts/training.ts', args);

describe('npm run training -- alpha', () => {
  const example = csv(
    'krippendorff2011.csv',
    'rater,1,2,3,4,5,6,7,8,9,10,11,12\nA,1,2,3,3,2,1,4,1,2,,,\nB,1,2,3,3,2,2,4,1,2,5,,3\nC,,3,3,3,2,3,4,2,2,5,1,\nD,1,2,3,3,2,4,4,1,2,5,1,\n',
  );

  it('prints alpha, level, units and pairable units as JSON', () => {
    const result = run('alpha', '--level', 'ordinal', example);
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as { alpha: number; level: string; units: number; pairable: number };
    expect(output.alpha).toBeCloseTo(0.815, 3);
    expect(output).toMatchObject({ level: 'ordinal', units: 12, pairable: 11 });
  });

  it.each([
    [['alpha', '--level', 'nominal', csv('bad.csv', 'rater,a\nA,1,2\n')], /Bad ratings CSV, line 2/],
    [['alpha', '--level', 'interval', csv('same.csv', 'rater,a,b\nA,2,2\nB,2,2\n')], /undefined/],
    [['alpha', '--level', 'cardinal', example], /Unknown level "cardinal"/],
    [['alpha', example], /Missing --level/],
    [['alpha', '--level', 'nominal', join(dir, 'absent.csv')], /Cannot read/],
    [['beta'], /Unknown command "beta"/],
  ])('refuses %j with a message and a non-zero exit', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
