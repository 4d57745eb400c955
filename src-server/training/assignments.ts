import { AssignmentSchema, type Assignment, type AssignmentRequest } from '../../src-shared/training';
import type { Principal } from '../auth/principal';
import type { Db, SqlParam } from '../db/db';
import { HttpError } from '../http/httpError';
import { requireTrainer } from './trainerRoutes';
import { appendTrainingChanges, lockTrainingLog } from './trainingLog';
import { loadScenarioVersion } from './scenarioVersions';
import { trainsAgentSql } from './trainingScope';

/**
 * A trainer assigns a scenario version to an agent they train or to one of their teams (an admin to anyone);
 * idempotent by the assignment's id. The assignment reaches the agent (or the team's agents) and the
 * trainers of those agents through the training change log.
 */
export async function createAssignment(
  db: Db,
  principal: Principal,
  request: AssignmentRequest,
  nowMs: number,
): Promise<{ status: 'created' | 'unchanged'; assignment: Assignment }> {
  requireTrainer(principal);
  if (request.dueAt !== undefined && Date.parse(request.dueAt) <= nowMs)
    throw new HttpError(400, 'BAD_REQUEST', 'the due date has passed already', { dueAt: request.dueAt });
  return db.transaction(async (tx) => {
    if (!(await loadScenarioVersion(tx, request.scenarioKey)))
      throw new HttpError(404, 'NOT_FOUND', `no scenario version ${request.scenarioKey}`, { key: request.scenarioKey });
    const { assignee } = request;
    if (assignee.kind === 'agent') {
      const params: SqlParam[] = [assignee.agentId];
      const rows = await tx.query(
        `SELECT 1 FROM users WHERE id = $1 AND role = 'agent' AND ${trainsAgentSql(principal, '$1', params)}`,
        params,
      );
      if (rows.length === 0)
        throw new HttpError(404, 'NOT_FOUND', 'no agent you train has this id', { agentId: assignee.agentId });
    } else {
      const rows = await tx.query('SELECT 1 FROM teams WHERE id = $1', [assignee.teamId]);
      if (rows.length === 0 || (principal.role !== 'admin' && !principal.teamIds.includes(assignee.teamId)))
        throw new HttpError(404, 'NOT_FOUND', 'no team of yours has this id', { teamId: assignee.teamId });
    }
    const assignment = AssignmentSchema.parse({
      ...request,
      assignedBy: principal.id,
      assignedAt: new Date(nowMs).toISOString(),
    });
    await lockTrainingLog(tx);
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO training_assignments (id, scenario_key, agent_id, team_id, assigned_by, created_ms, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        assignment.id,
        assignment.scenarioKey,
        assignee.kind === 'agent' ? assignee.agentId : null,
        assignee.kind === 'team' ? assignee.teamId : null,
        principal.id,
        nowMs,
        JSON.stringify(assignment),
      ],
    );
    if (inserted.length === 0) {
      const [stored] = await tx.query<{ data: unknown; assigned_by: string }>(
        'SELECT data, assigned_by FROM training_assignments WHERE id = $1',
        [assignment.id],
      );
      const existing = AssignmentSchema.parse(stored?.data);
      const { assignedAt: _at, ...same } = existing;
      const { assignedAt: _now, ...asked } = assignment;
      if (stored?.assigned_by !== principal.id || JSON.stringify(same) !== JSON.stringify(asked))
        throw new HttpError(400, 'BAD_REQUEST', 'this assignment id is already used for another assignment', {
          id: assignment.id,
        });
      return { status: 'unchanged', assignment: existing };
    }
    await appendTrainingChanges(
      tx,
      [
        {
          entity: 'assignment',
          entityId: assignment.id,
          version: 1,
          audience:
            assignee.kind === 'agent'
              ? { kind: 'agent', agentId: assignee.agentId }
              : { kind: 'team', teamId: assignee.teamId },
          data: assignment,
        },
      ],
      nowMs,
    );
    return { status: 'created', assignment };
  });
}
