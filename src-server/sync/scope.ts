import { canSee, type Scope } from '../../src-shared/caseRules';
import type { Principal } from '../auth/principal';
import type { SqlParam } from '../db/db';
import { textArray } from '../db/sqlArray';

export type { Scope } from '../../src-shared/caseRules';

/** Who sees a case is a shared rule (src-shared/caseRules/caseAccess.ts); the SQL below is its twin for queries. */
export function isVisible(principal: Principal, scope: Scope): boolean {
  return canSee(principal, scope);
}

export function sameScope(a: Scope, b: Scope): boolean {
  return a.teamId === b.teamId && a.assigneeId === b.assigneeId;
}

/**
 * A SQL predicate over the given team and assignee columns for this principal. Appends its parameters to
 * `params` (the principal's id and teams as a JSON array) and refers to them by position.
 */
export function visibleSql(
  principal: Principal,
  teamColumn: string,
  assigneeColumn: string,
  params: SqlParam[],
): string {
  switch (principal.role) {
    case 'agent': {
      params.push(principal.id, textArray(principal.teamIds));
      const me = `$${params.length - 1}`;
      const teams = `$${params.length}`;
      // COALESCE: a NULL assignee makes `=` unknown, and NOT(unknown) would hide rows it must not hide.
      return `COALESCE(${assigneeColumn} = ${me} OR (${assigneeColumn} IS NULL AND ${teamColumn} = ANY(${teams}::text[])), FALSE)`;
    }
    case 'supervisor': {
      params.push(textArray(principal.teamIds));
      return `COALESCE(${teamColumn} = ANY($${params.length}::text[]), FALSE)`;
    }
    case 'admin':
      return 'TRUE';
    case 'trainer':
    case 'integration':
      return 'FALSE';
  }
}

/** The change-log filter: visible in the row's scope and not already visible in its except scope. */
export function changeVisibleSql(principal: Principal, params: SqlParam[]): string {
  const inScope = visibleSql(principal, 'team_id', 'assignee_id', params);
  const inExcept = visibleSql(principal, 'except_team_id', 'except_assignee_id', params);
  return `(${inScope} AND NOT (has_except AND ${inExcept}))`;
}
