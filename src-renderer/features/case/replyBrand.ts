import type { Case } from '../../../src-shared/domain/case';
import type { Team } from '../../../src-shared/domain/user';

/**
 * Who replies to this customer: the brand of the seller team that owns the case (Team.brand, synced from
 * the server), else that team's name. Null when the case's team is not in this workstation.
 */
export function replyBrand(caseRecord: Pick<Case, 'teamId'>, teams: readonly Team[]): string | null {
  const team = teams.find((candidate) => candidate.id === caseRecord.teamId);
  if (team === undefined) return null;
  return team.brand ?? team.name;
}
