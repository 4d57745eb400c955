import { describe, expect, it } from 'vitest';
import {
  applyStateChanges,
  ConditionError,
  evaluateCondition,
  parseCondition,
  parseStateChanges,
  type ConditionEnv,
} from './conditions';

const env: ConditionEnv = {
  ruleStatus: (rule) => (({ r_pass: 'pass', r_fail: 'fail', r_na: 'na' }) as const)[rule as 'r_pass'],
  isRevealed: (fact) => fact === 'h_known',
  tookAction: (action) => action === 'photo.request',
  chose: (option) => option === 'o1',
  customerUsed: (phrase) => phrase === '@salam',
  askedFor: (phrase) => phrase === '@photo',
  state: (name) => (name === 'patience' ? 1 : 0),
};
const holds = (source: string): boolean => evaluateCondition(parseCondition(source), env);

describe('conditions', () => {
  it('reads every kind of atom', () => {
    expect(holds('true')).toBe(true);
    expect(holds('pass:r_pass && fail:r_fail && na:r_na')).toBe(true);
    expect(holds('revealed:h_known && action:photo.request && chose:o1')).toBe(true);
    expect(holds('customerUsed:@salam && askedFor:@photo')).toBe(true);
    expect(holds('state:patience<=1 && state:patience>0 && state:patience!=2 && state:trust==0')).toBe(true);
  });

  it('binds && tighter than ||, with ! and parentheses', () => {
    expect(holds('false && false || true')).toBe(true);
    expect(holds('false && (false || true)')).toBe(false);
    expect(holds('!fail:r_pass && !(revealed:h_other)')).toBe(true);
  });

  it.each([
    ['', /ends too early/],
    ['pass', /not kind:argument/],
    ['maybe:x', /unknown condition "maybe"/],
    ['state:patience<<1', /not name<op>number/],
    ['(true', /ends too early/],
    ['(true true', /not closed/],
    ['true true', /unexpected "true"/],
    ['true &', /cannot read "&"/],
  ])('refuses %j', (source, message) => {
    expect(() => parseCondition(source)).toThrow(ConditionError);
    expect(() => parseCondition(source)).toThrow(message);
  });

  it('applies state changes in order', () => {
    const changes = parseStateChanges('patience-=2, trust+=1, mood=5');
    expect(applyStateChanges({ patience: 3 }, changes)).toEqual({ patience: 1, trust: 1, mood: 5 });
    expect(() => parseStateChanges('patience--')).toThrow(/not name\+=n/);
  });
});
