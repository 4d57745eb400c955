/**
 * The small condition language of transitions, N/A rules and hidden facts:
 *   true | false | pass:r_id | fail:r_id | na:r_id | revealed:h_id | action:refund.initiate | chose:o_id
 *   | customerUsed:@marker | askedFor:@marker | state:patience<=1
 * combined with !, && (binds tighter) and ||, and parentheses.
 */
export type ConditionAtom =
  | { kind: 'const'; value: boolean }
  | { kind: 'pass' | 'fail' | 'na'; rule: string }
  | { kind: 'revealed'; fact: string }
  | { kind: 'action'; action: string }
  | { kind: 'chose'; option: string }
  | { kind: 'customerUsed' | 'askedFor'; phrase: string }
  | { kind: 'state'; name: string; op: StateOp; value: number };

const STATE_OPS = ['<=', '>=', '==', '!=', '<', '>'] as const;
type StateOp = (typeof STATE_OPS)[number];
const isStateOp = (value: string): value is StateOp => STATE_OPS.some((op) => op === value);

export type Condition = ConditionAtom | { kind: 'not'; of: Condition } | { kind: 'and' | 'or'; of: Condition[] };

export class ConditionError extends Error {
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`condition "${source}": ${detail}`);
    this.name = 'ConditionError';
  }
}

const TOKEN = /\s*(\|\||&&|!|\(|\)|[^\s!()&|][^\s()&|]*)/gy;

function tokens(source: string): string[] {
  const out: string[] = [];
  let end = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(source); match !== null; match = TOKEN.exec(source)) {
    out.push(match[1] ?? '');
    end = TOKEN.lastIndex;
  }
  if (source.slice(end).trim() !== '') throw new ConditionError(source, `cannot read "${source.slice(end).trim()}"`);
  return out;
}

function atom(token: string, source: string): ConditionAtom {
  if (token === 'true' || token === 'false') return { kind: 'const', value: token === 'true' };
  const colon = token.indexOf(':');
  const kind = token.slice(0, colon);
  const arg = token.slice(colon + 1);
  if (colon < 0 || arg === '') throw new ConditionError(source, `"${token}" is not kind:argument`);
  switch (kind) {
    case 'pass':
    case 'fail':
    case 'na':
      return { kind, rule: arg };
    case 'revealed':
      return { kind, fact: arg };
    case 'action':
      return { kind, action: arg };
    case 'chose':
      return { kind, option: arg };
    case 'customerUsed':
    case 'askedFor':
      return { kind, phrase: arg };
    case 'state': {
      const state = /^([a-z][a-z0-9_]*)(<=|>=|==|!=|<|>)(-?\d+)$/.exec(arg);
      const op = state?.[2] ?? '';
      if (!state?.[1] || !state[3] || !isStateOp(op))
        throw new ConditionError(source, `"${arg}" is not name<op>number`);
      return { kind, name: state[1], op, value: Number(state[3]) };
    }
    default:
      throw new ConditionError(source, `unknown condition "${kind}"`);
  }
}

export function parseCondition(source: string): Condition {
  const list = tokens(source);
  let position = 0;
  const peek = (): string | undefined => list[position];
  const next = (): string => {
    const token = list[position++];
    if (token === undefined) throw new ConditionError(source, 'ends too early');
    return token;
  };
  const unary = (): Condition => {
    const token = next();
    if (token === '!') return { kind: 'not', of: unary() };
    if (token === '(') {
      const inner = or();
      if (next() !== ')') throw new ConditionError(source, 'a parenthesis is not closed');
      return inner;
    }
    if (token === ')' || token === '&&' || token === '||') throw new ConditionError(source, `unexpected "${token}"`);
    return atom(token, source);
  };
  const and = (): Condition => {
    const of = [unary()];
    while (peek() === '&&') {
      position++;
      of.push(unary());
    }
    return of.length === 1 && of[0] ? of[0] : { kind: 'and', of };
  };
  const or = (): Condition => {
    const of = [and()];
    while (peek() === '||') {
      position++;
      of.push(and());
    }
    return of.length === 1 && of[0] ? of[0] : { kind: 'or', of };
  };
  const condition = or();
  if (position !== list.length) throw new ConditionError(source, `unexpected "${list[position] ?? ''}"`);
  return condition;
}

/** What a condition can look at; the player supplies it from the run so far. */
export interface ConditionEnv {
  ruleStatus(rule: string): 'pass' | 'fail' | 'na' | undefined;
  isRevealed(fact: string): boolean;
  tookAction(action: string): boolean;
  chose(option: string): boolean;
  customerUsed(phrase: string): boolean;
  askedFor(phrase: string): boolean;
  state(name: string): number;
}

export function evaluateCondition(condition: Condition, env: ConditionEnv): boolean {
  switch (condition.kind) {
    case 'const':
      return condition.value;
    case 'not':
      return !evaluateCondition(condition.of, env);
    case 'and':
      return condition.of.every((part) => evaluateCondition(part, env));
    case 'or':
      return condition.of.some((part) => evaluateCondition(part, env));
    case 'pass':
    case 'fail':
    case 'na':
      return env.ruleStatus(condition.rule) === condition.kind;
    case 'revealed':
      return env.isRevealed(condition.fact);
    case 'action':
      return env.tookAction(condition.action);
    case 'chose':
      return env.chose(condition.option);
    case 'customerUsed':
      return env.customerUsed(condition.phrase);
    case 'askedFor':
      return env.askedFor(condition.phrase);
    case 'state': {
      const value = env.state(condition.name);
      const expected = condition.value;
      return {
        '<': value < expected,
        '<=': value <= expected,
        '>': value > expected,
        '>=': value >= expected,
        '==': value === expected,
        '!=': value !== expected,
      }[condition.op];
    }
  }
}

/** Every atom of a condition, for the checker's reference checks. */
export function conditionAtoms(condition: Condition): ConditionAtom[] {
  switch (condition.kind) {
    case 'not':
      return conditionAtoms(condition.of);
    case 'and':
    case 'or':
      return condition.of.flatMap(conditionAtoms);
    default:
      return [condition];
  }
}

/** "patience-=2, trust+=1, mood=0" as a list of changes. */
export interface StateChange {
  name: string;
  op: '+=' | '-=' | '=';
  value: number;
}

export function parseStateChanges(source: string): StateChange[] {
  return source.split(',').map((part) => {
    const match = /^\s*([a-z][a-z0-9_]*)\s*(\+=|-=|=)\s*(-?\d+)\s*$/.exec(part);
    if (!match?.[1] || !match[2] || !match[3])
      throw new ConditionError(source, `"${part.trim()}" is not name+=n, name-=n or name=n`);
    const op = match[2] === '+=' || match[2] === '-=' ? match[2] : '=';
    return { name: match[1], op, value: Number(match[3]) };
  });
}

export function applyStateChanges(
  state: Readonly<Record<string, number>>,
  changes: readonly StateChange[],
): Record<string, number> {
  const next = { ...state };
  for (const { name, op, value } of changes) {
    const current = next[name] ?? 0;
    next[name] = op === '=' ? value : op === '+=' ? current + value : current - value;
  }
  return next;
}
