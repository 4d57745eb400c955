import {
  AssignmentSchema,
  progressStatus,
  ScenarioVersionSchema,
  trainingResults,
  ReviewedScoreSchema,
  TrainingRunSchema,
  type AssignmentProgress,
  type RunSummary,
  type RunFacts,
  type TrainingResults,
} from '../../src-shared/training';
import type { Principal } from '../auth/principal';
import type { Db, SqlParam } from '../db/db';
import { textArray } from '../db/sqlArray';
import { trainingVisibleSql, trainsAgentSql } from './trainingScope';

interface FactRow {
  agent_id: string;
  scenario_key: string;
  finished_at: string;
  result: {
    score: number;
    passed: boolean;
    categories: Array<{ id: string; score: number | null }>;
    criticalFails: Array<{ category: string }>;
  };
  path: string[];
  rule_results: RunFacts['ruleResults'];
  overridden: boolean;
  [column: string]: unknown;
}

/** Market, case type and id of each scenario version, read once (a handful of rows) instead of per run. */
async function scenarioMeta(db: Db): Promise<Map<string, Pick<RunFacts, 'scenarioId' | 'market' | 'caseType'>>> {
  const rows = await db.query<{ key: string; data: unknown }>('SELECT key, data FROM training_scenarios');
  return new Map(
    rows.map((row) => {
      const { scenario } = ScenarioVersionSchema.parse(row.data);
      return [row.key, { scenarioId: scenario.id, market: scenario.market, caseType: scenario.caseType }];
    }),
  );
}

/**
 * The results screen's figures over the runs the caller may see (a trainer: the agents in their teams),
 * one lean row per run; a reviewed score stands in for the automatic one.
 */
export async function resultsFor(db: Db, principal: Principal): Promise<TrainingResults> {
  const meta = await scenarioMeta(db);
  const params: SqlParam[] = [];
  const rows = await db.query<FactRow>(
    `SELECT r.agent_id, r.scenario_key, r.data->>'finishedAt' AS finished_at,
            COALESCE(v.data->'result', r.data->'result') AS result,
            r.data->'result'->'path' AS path, r.data->'result'->'ruleResults' AS rule_results,
            COALESCE(v.overridden, FALSE) AS overridden
     FROM training_runs r LEFT JOIN training_reviews v ON v.run_id = r.id
     WHERE ${trainsAgentSql(principal, 'r.agent_id', params)}`,
    params,
  );
  const facts: RunFacts[] = [];
  for (const row of rows) {
    const scenario = meta.get(row.scenario_key);
    if (!scenario) continue;
    facts.push({
      ...scenario,
      agentId: row.agent_id,
      finishedAt: row.finished_at,
      score: row.result.score,
      passed: row.result.passed,
      categories: row.result.categories,
      criticalCategories: row.result.criticalFails.map((fail) => fail.category),
      path: row.path,
      ruleResults: row.rule_results,
      overridden: row.overridden,
    });
  }
  return trainingResults(facts);
}

/** Every assignment the caller may see with each of its agents' progress (a team's: each agent of the team). */
export async function assignmentProgress(db: Db, principal: Principal, nowMs: number): Promise<AssignmentProgress[]> {
  const params: SqlParam[] = [];
  const assignments = await db.query<{ id: string; agent_id: string | null; team_id: string | null; data: unknown }>(
    `SELECT a.id, a.agent_id, a.team_id, a.data FROM training_assignments a
     WHERE ${trainingVisibleSql(principal, 'a.agent_id', 'a.team_id', params)} ORDER BY a.created_ms DESC, a.id LIMIT 500`,
    params,
  );
  const ids = assignments.map((row) => row.id);
  const teamIds = [...new Set(assignments.flatMap((row) => (row.team_id === null ? [] : [row.team_id])))];
  const members = await db.query<{ team_id: string; user_id: string }>(
    `SELECT m.team_id, m.user_id FROM team_members m JOIN users u ON u.id = m.user_id
     WHERE m.team_id = ANY($1::text[]) AND u.role = 'agent' ORDER BY u.username`,
    [textArray(teamIds)],
  );
  const runs = await db.query<{
    assignment_id: string;
    agent_id: string;
    attempts: string | number;
    best: number | null;
    passed: boolean;
    last: string | null;
  }>(
    `SELECT assignment_id, agent_id, count(*) AS attempts, max((data->'result'->>'score')::float8) AS best,
            bool_or((data->'result'->>'passed')::boolean) AS passed, max(data->>'finishedAt') AS last
     FROM training_runs WHERE assignment_id = ANY($1::text[]) GROUP BY assignment_id, agent_id`,
    [textArray(ids)],
  );
  const runsOf = new Map(runs.map((row) => [`${row.assignment_id}/${row.agent_id}`, row]));
  return assignments.map((row) => {
    const assignment = AssignmentSchema.parse(row.data);
    const agentIds =
      row.agent_id !== null ? [row.agent_id] : members.filter((m) => m.team_id === row.team_id).map((m) => m.user_id);
    return {
      assignment,
      agents: agentIds.map((agentId) => {
        const done = runsOf.get(`${row.id}/${agentId}`);
        const attempts = Number(done?.attempts ?? 0);
        const progress = {
          agentId,
          attempts,
          attemptsLeft: assignment.attemptLimit === undefined ? null : Math.max(0, assignment.attemptLimit - attempts),
          bestScore: done?.best ?? null,
          passed: done?.passed ?? false,
          lastRunAt: done?.last ?? null,
        };
        return { ...progress, status: progressStatus(progress, assignment.dueAt, nowMs) };
      }),
    };
  });
}

/** The newest runs of the caller's trainees, for picking one to review (the list is bounded; results cover all). */
export async function recentRuns(db: Db, principal: Principal): Promise<RunSummary[]> {
  const params: SqlParam[] = [];
  const rows = await db.query<{ data: unknown; reviewed: boolean; released: boolean; result: unknown }>(
    `SELECT r.data, v.run_id IS NOT NULL AS reviewed, v.released_ms IS NOT NULL AS released,
            COALESCE(v.data->'result', r.data->'result') AS result
     FROM training_runs r LEFT JOIN training_reviews v ON v.run_id = r.id
     WHERE ${trainsAgentSql(principal, 'r.agent_id', params)}
     ORDER BY r.received_ms DESC, r.id LIMIT 200`,
    params,
  );
  return rows.map((row) => {
    const run = TrainingRunSchema.parse(row.data);
    const result = ReviewedScoreSchema.parse(row.result);
    return {
      id: run.id,
      agentId: run.agentId,
      scenarioKey: run.scenarioKey,
      finishedAt: run.finishedAt,
      score: result.score,
      passed: result.passed,
      reviewed: row.reviewed,
      released: row.released,
    };
  });
}
