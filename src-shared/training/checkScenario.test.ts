import { describe, expect, it } from 'vitest';
import { checkLibrary } from './checkLibrary';
import { checkScenario } from './checkScenario';
import { compileOrThrow } from './compileScenario';
import { builtinFeedbackCatalog } from './feedbackCatalog';
import { findPersonalData } from './personalData';
import { builtinScenarios, SCENARIO_FILES } from './library';
import { answerRun, startRun } from './runPlayer';
import { scoreRun } from './scoreRun';
import { ScenarioSchema, UI_LANGUAGES, type ScenarioInput } from './schema';

const ui = (text: string) =>
  Object.fromEntries(UI_LANGUAGES.map((language) => [language, text])) as ScenarioInput['title'];

/** A small valid scenario; each test breaks one thing. */
function fixture(): ScenarioInput & Record<string, unknown> {
  return {
    format: 'crossdesk.scenario/1',
    id: 'test-fixture',
    version: '1.0.0',
    market: 'DE',
    locale: 'de-DE',
    caseType: 'return_refund',
    channel: 'email',
    difficulty: 1,
    estMinutes: 5,
    passThreshold: 70,
    title: ui('Test'),
    briefing: ui('Test'),
    objectives: [ui('Test')],
    convention: { kind: 'typical', note: ui('Test') },
    clock: { start: '2026-11-24T09:00:00+01:00', businessHours: 'market' },
    persona: { name: { given: 'Eva', family: 'Test', order: 'given_family' }, register: 'formal', patience: 3 },
    order: {
      id: 'TRN-DE-1',
      item: 'Lampe',
      category: 'home',
      total: { amountMinor: 2000, currency: 'EUR' },
      purchasedDaysAgo: 5,
      deliveredDaysAgo: 3,
    },
    rights: ['withdrawal_ends'],
    markers: { lastDay: { 'de-DE': ['{rights.withdrawalEnds}'] }, sie: { 'de-DE': ['Sie'] } },
    rubric: {
      ref: 'qa@1',
      categories: [
        { id: 'legal', weight: 60 },
        { id: 'rapport', weight: 40 },
      ],
    },
    rules: [
      {
        id: 'r_date',
        category: 'legal',
        points: 10,
        critical: true,
        check: { any: ['@lastDay'] },
        feedback: { fail: '#statutoryDate' },
      },
      { id: 'r_sie', category: 'rapport', points: 5, check: { any: ['@sie'] } },
    ],
    start: 'c1',
    nodes: {
      c1: { type: 'customer', text: { 'de-DE': 'Kann ich die Lampe zurückgeben?' }, next: 'a1' },
      a1: {
        type: 'agent',
        mode: 'compose',
        rules: ['r_date', 'r_sie'],
        samples: [
          {
            id: 'good',
            text: 'Ja, Sie können bis zum {rights.withdrawalEnds} widerrufen.',
            expect: { pass: ['r_date', 'r_sie'] },
          },
          { id: 'bad', text: 'Ja, klar.', expect: { fail: ['r_date', 'r_sie'] } },
        ],
        branches: [{ if: 'true', goto: 'end' }],
      },
      end: { type: 'end', outcome: 'done' },
    },
  };
}

function composeA1(scenario: ReturnType<typeof fixture>): Extract<ScenarioInput['nodes'][string], { mode: 'compose' }> {
  const node = scenario.nodes.a1;
  if (node?.type !== 'agent' || node.mode !== 'compose') throw new Error('the fixture starts with a compose node');
  return node;
}

const problemsOf = (change: (scenario: ReturnType<typeof fixture>) => void): string[] => {
  const scenario = fixture();
  change(scenario);
  return checkScenario(JSON.parse(JSON.stringify(scenario))).problems;
};

describe('checkScenario', () => {
  it('accepts the fixture and explores both paths', () => {
    const result = checkScenario(fixture());
    expect(result.problems).toEqual([]);
    expect(result.exploration?.paths.map((path) => [path.choices[0]?.choice, path.score])).toEqual([
      ['good', 100],
      ['bad', 0],
    ]);
  });

  it.each<[string, (scenario: ReturnType<typeof fixture>) => void, RegExp]>([
    ['not a scenario', (s) => Object.assign(s, { format: 'other/1' }), /format: Invalid input/],
    ['an unknown field', (s) => Object.assign(s, { extra: 1 }), /Unrecognized key/],
    ['weights', (s) => (s.rubric.categories[0]!.weight = 50), /weights sum to 90, not 100/],
    [
      'an unused rule',
      (s) => s.rules!.push({ id: 'r_x', category: 'legal', points: 1, check: { maxLength: 9 } }),
      /rule r_x: no node uses it/,
    ],
    [
      'a missing rule',
      (s) => Object.assign(s.nodes.a1!, { rules: ['r_date', 'r_sie', 'r_gone'] }),
      /rule r_gone does not exist/,
    ],
    ['a bad regex', (s) => (s.rules![1]!.check = { regex: '(' }), /regex does not compile/],
    ['a marker without the locale', (s) => (s.markers!.sie = { 'fr-FR': ['vous'] }), /@sie has no phrases for de-DE/],
    ['an unknown marker', (s) => (s.rules![1]!.check = { any: ['@nope'] }), /marker @nope is not defined/],
    ['an unreachable node', (s) => (s.nodes.orphan = { type: 'end', outcome: 'x' }), /node orphan: not reachable/],
    [
      'a dangling goto',
      (s) => Object.assign(s.nodes.a1!, { branches: [{ if: 'true', goto: 'nowhere' }] }),
      /goes to nowhere, which does not exist/,
    ],
    [
      'a last branch that may not hold',
      (s) => Object.assign(s.nodes.a1!, { branches: [{ if: 'pass:r_date', goto: 'end' }] }),
      /last branch must be "true"/,
    ],
    [
      'a bad condition',
      (s) =>
        Object.assign(s.nodes.a1!, {
          branches: [
            { if: 'pass:r_gone', goto: 'end' },
            { if: 'true', goto: 'end' },
          ],
        }),
      /names rule r_gone/,
    ],
    [
      'a missing feedback key',
      (s) => (s.rules![0]!.feedback = { fail: '#nope' }),
      /feedback #nope is not in the catalog/,
    ],
    [
      'an unknown placeholder',
      (s) => Object.assign(s.nodes.c1!, { text: { 'de-DE': 'Bis {rights.nope}?' } }),
      /\{rights.nope\} has no value/,
    ],
    [
      'a right that does not run',
      (s) => (s.rights = ['privacy_response_due']),
      /has no privacy_response_due clock|gives no date/,
    ],
    [
      'an email address',
      (s) => Object.assign(s.nodes.c1!, { text: { 'de-DE': 'Schreiben Sie an eva.test@example.de' } }),
      /real email address/,
    ],
    [
      'an IBAN',
      (s) => Object.assign(s.nodes.c1!, { text: { 'de-DE': 'Konto DE89 3704 0044 0532 0130 00' } }),
      /real IBAN/,
    ],
    [
      'a wrong sample expectation',
      (s) => Object.assign(composeA1(s).samples[1]!, { expect: { pass: ['r_date'] } }),
      /expected rule r_date to pass, it gave fail/,
    ],
    ['no critical-fail path', (s) => (s.rules![0]!.critical = false), /no critical-fail path/],
    ['no perfect path', (s) => composeA1(s).samples.shift(), /no perfect path/],
    [
      'a day count in a model answer',
      (s) =>
        Object.assign(composeA1(s).samples[0]!, {
          text: 'Sie können die Lampe innerhalb von 14 Tagen zurücksenden, bis {rights.withdrawalEnds}.',
        }),
      /content statutory_days_in_text/,
    ],
  ])('reports %s', (_, change, message) => {
    const problems = problemsOf(change);
    expect(problems.join('\n')).toMatch(message);
  });
});

describe('findPersonalData', () => {
  it('finds emails, phone numbers, IBANs and card numbers, not order ids or times', () => {
    expect(findPersonalData('call +49 170 1234567').map((item) => item.kind)).toEqual(['phone number']);
    expect(findPersonalData('card 4111 1111 1111 1111').map((item) => item.kind)).toEqual(['payment card number']);
    expect(findPersonalData('order TRN-DE-4411 at 2026-11-24T09:12:00+01:00, 59,90 €')).toEqual([]);
  });
});

describe('the shipped library', () => {
  it('passes every check, and covers what the library must', () => {
    for (const { file, data } of SCENARIO_FILES) expect(checkScenario(data).problems, file).toEqual([]);
    expect(checkLibrary(builtinScenarios())).toEqual([]);
  });

  it('has feedback in all six UI languages', () => {
    for (const text of Object.values(builtinFeedbackCatalog().entries))
      expect(Object.keys(text).sort()).toEqual([...UI_LANGUAGES].sort());
  });
});

describe('scoreRun', () => {
  it('weights categories, removes N/A from both sides and scales choices from min to max', () => {
    const scenario = fixture();
    scenario.rules!.push({ id: 'r_amount', category: 'rapport', points: 5, check: { replyCheck: 'amounts' } });
    Object.assign(scenario.nodes.a1!, {
      rules: ['r_date', 'r_sie', 'r_amount'],
      branches: [{ if: 'true', goto: 'a2' }],
    });
    scenario.nodes.a2 = {
      type: 'agent',
      mode: 'choose',
      options: [
        { id: 'o_best', text: 'Gern.', score: { rapport: 4 }, goto: 'end' },
        { id: 'o_mid', text: 'Ok.', score: { rapport: 1 }, goto: 'end' },
        { id: 'o_worst', text: 'Nein.', score: { rapport: -2 }, goto: 'end' },
      ],
    };
    const compiled = compileOrThrow(ScenarioSchema.parse(scenario));
    const lastDay = compiled.context.values.get('rights.withdrawalEnds') ?? '';
    let run = answerRun(compiled, startRun(compiled), { kind: 'compose', text: `Bis ${lastDay}.`, delayMs: 0 });
    run = answerRun(compiled, run, { kind: 'choose', optionId: 'o_mid', delayMs: 0 });
    const score = scoreRun(compiled, run);
    // legal: 10/10. rapport: r_sie fails (0 of 5), r_amount N/A (no amount written), option o_mid (1 - -2) of (4 - -2) = 3 of 6.
    expect(score.categories).toEqual([
      { id: 'legal', weight: 60, score: 1 },
      { id: 'rapport', weight: 40, score: 3 / 11 },
    ]);
    expect(score.score).toBeCloseTo(((60 * 1 + 40 * (3 / 11)) / 100) * 100, 9);
    expect(score.passed).toBe(true);
  });
});
