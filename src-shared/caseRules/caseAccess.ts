import type { Case } from '../domain/case';
import type { Actor, RuleContext } from './ruleTypes';

/** The (team, assignee) pair that decides who sees a case at one moment. */
export interface Scope {
  teamId: string;
  assigneeId: string | null;
}

export const scopeOf = (c: Case): Scope => ({ teamId: c.teamId, assigneeId: c.assigneeId });

/**
 * Who sees a case: an agent the cases assigned to them plus their teams' unassigned cases; a supervisor
 * every case of their teams; an admin everything; trainers and integrations no live cases.
 */
export function canSee(actor: Actor, scope: Scope): boolean {
  switch (actor.role) {
    case 'agent':
      return scope.assigneeId === actor.id || (scope.assigneeId === null && actor.teamIds.includes(scope.teamId));
    case 'supervisor':
      return actor.teamIds.includes(scope.teamId);
    case 'admin':
      return true;
    case 'trainer':
    case 'integration':
      return false;
  }
}

/** Supervisors of the case's team and admins manage it (assign, merge). */
export function isManagerOf(actor: Actor, c: Case): boolean {
  return actor.role === 'admin' || (actor.role === 'supervisor' && actor.teamIds.includes(c.teamId));
}

/** Managers, and agents on what is in their scope, change a case's status, tags and fields. */
export function canActOn(actor: Actor, c: Case): boolean {
  return isManagerOf(actor, c) || (actor.role === 'agent' && canSee(actor, scopeOf(c)));
}

/** Agents and supervisors of the case's team work its queue (take). */
export function worksQueueOf(actor: Actor, c: Case): boolean {
  return (actor.role === 'agent' || actor.role === 'supervisor') && actor.teamIds.includes(c.teamId);
}

/** SYNC.md "offline reply" table: who may add a reply or a note: same team, or the previous assignee within the grace window. */
export function canWriteTo(ctx: RuleContext, c: Case): boolean {
  const { actor } = ctx;
  if (canActOn(actor, c)) return true;
  if (actor.role !== 'agent') return false;
  if (actor.teamIds.includes(c.teamId)) return true;
  const last = ctx.lastReassignment(c.id);
  return last !== null && last.previousAssigneeId === actor.id && Date.parse(ctx.now) - last.atMs <= ctx.replyGraceMs;
}
