import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './runScript';

const FILE = 'resources/scenarios/de-return-withdrawal.scenario.json';

const run = (args: string[], input?: string) => runScript('scripts/scenarios.ts', args, { input, timeoutMs: 120_000 });

describe('npm run scenarios', () => {
  it('check passes the shipped library', () => {
    const result = run(['check']);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/ok {3}resources\/scenarios\/de-return-withdrawal\.scenario\.json/);
    expect(result.stdout).toMatch(/16 scenario files, 0 with problems/);
  });

  it('check prints what is wrong per file and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    const broken = JSON.parse(readFileSync(FILE, 'utf8')) as { rubric: { categories: Array<{ weight: number }> } };
    broken.rubric.categories[0]!.weight = 10;
    writeFileSync(join(dir, 'de-return-withdrawal.scenario.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'garbage.scenario.json'), '{ not json');
    const result = run(['check', '--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /FAIL .*de-return-withdrawal\.scenario\.json\n {5}- rubric: category weights sum to 65, not 100/,
    );
    expect(result.stdout).toMatch(/FAIL .*garbage\.scenario\.json\n {5}- .*JSON/);
    expect(result.stdout).toMatch(/FAIL library: 1 scenarios, at least 16 needed/);
  });

  it('explore prints every path, the score range and the outcomes', () => {
    const result = run(['explore', FILE]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/PASS 100\.0 withdrawal_confirmed +a1:model > a2:o_no_packaging_needed/);
    expect(result.stdout).toMatch(/critical: legal\/r_date/);
    expect(result.stdout).toMatch(/de-return-withdrawal@1\.0\.0 #[0-9a-f]{14}: 10 paths, score 0\.0-100\.0/);
    expect(result.stdout).toMatch(/outcomes: withdrawal_confirmed \d+, complaint_to_consumer_advice \d+/);
  });

  it('play runs a scenario from piped answers and prints the debrief in the chosen language', () => {
    const answers = [
      'Sehr geehrte Frau Vogel,',
      'Ihr Widerrufsrecht gilt bis einschließlich 2. Dezember 2026. Haben Sie den Stabmixer schon benutzt?',
      '!returnLabel.create',
      '~PT30M',
      '.',
      '1',
      '',
    ].join('\n');
    const result = run(['play', FILE, '--lang', 'ja'], answers);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ドイツ：メールでの撤回権に関する問い合わせ/);
    expect(result.stdout).toMatch(/\(revealed: スープ作りで一度だけ試しました/);
    expect(result.stdout).toMatch(/# withdrawal_confirmed: 100\.0 \/ 100 \(passed/);
    expect(result.stdout).toMatch(/ok {3}r_date: よくできました/);
    expect(result.stdout).toMatch(/path: c1 > e1 > a1 > c2_ok > a2 > end_confirmed/);
  });

  it('refuses a missing file or a bad language with a message', () => {
    expect(run(['explore', 'nope.json'])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/Cannot read nope\.json/),
    });
    expect(run(['play', FILE, '--lang', 'fr'])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/--lang must be one of/),
    });
  });
});
