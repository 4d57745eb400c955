import type { Principal } from '../auth/principal';
import type { SqlParam } from '../db/db';
import { textArray } from '../db/sqlArray';

/**
 * Who sees a training row, as SQL over its agent and team columns (both NULL: everyone signed in). An agent
 * sees their own and their teams' rows; a trainer those of the agents in their teams and of those teams;
 * an admin all; a supervisor only what is for everyone; an integration nothing. None of this is a case: a
 * trainer's case scope stays empty (sync/scope.ts).
 */
export function trainingVisibleSql(
  principal: Principal,
  agentColumn: string,
  teamColumn: string,
  params: SqlParam[],
): string {
  const everyone = `(${agentColumn} IS NULL AND ${teamColumn} IS NULL)`;
  switch (principal.role) {
    case 'agent': {
      params.push(principal.id, textArray(principal.teamIds));
      return `(${everyone} OR ${agentColumn} = $${params.length - 1} OR COALESCE(${teamColumn} = ANY($${params.length}::text[]), FALSE))`;
    }
    case 'trainer': {
      params.push(textArray(principal.teamIds));
      const teams = `$${params.length}::text[]`;
      return `(${everyone} OR COALESCE(${teamColumn} = ANY(${teams}), FALSE) OR ${agentColumn} IN (SELECT user_id FROM team_members WHERE team_id = ANY(${teams})))`;
    }
    case 'admin':
      return 'TRUE';
    case 'supervisor':
      return everyone;
    case 'integration':
      return 'FALSE';
  }
}

/** Whether a trainer (or admin) trains this agent: they share a team. */
export function trainsAgentSql(principal: Principal, agentParam: string, params: SqlParam[]): string {
  if (principal.role === 'admin') return 'TRUE';
  params.push(textArray(principal.teamIds));
  return `EXISTS (SELECT 1 FROM team_members WHERE user_id = ${agentParam} AND team_id = ANY($${params.length}::text[]))`;
}
