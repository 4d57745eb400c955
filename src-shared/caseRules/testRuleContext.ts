import type { Actor, RuleContext } from './index';

/** A rule context for unit tests: the server's view (it holds every case), no grace, no duplicates. */
export function testRuleContext(
  actor: Actor,
  now: string,
  teamMemberIds: readonly string[],
  more: Partial<RuleContext> = {},
): RuleContext {
  return {
    actor,
    now,
    clientTime: now,
    base: {},
    teamMembers: () => [...teamMemberIds],
    caseById: () => undefined,
    holdsEveryCase: true,
    lastReassignment: () => null,
    replyGraceMs: 0,
    isDuplicate: false,
    ...more,
  };
}
