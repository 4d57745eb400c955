import type { FastifyRequest } from 'fastify';
import type { AppFastify } from '../app';
import { z } from 'zod';
import { UserSchema } from '../../src-shared/domain/user';
import { CaseTypeSchema } from '../../src-shared/domain/caseType';
import { MarketCodeSchema } from '../../src-shared/domain/market';
import type { PresenceTimeouts } from '../../src-shared/supervision/presence';
import type {
  AgentList,
  Floor,
  RollupCheck,
  SupervisedCaseList,
  SupervisedCaseQuery,
} from '../../src-shared/supervision/views';
import { AgentSettingsSchema, HeartbeatRequestSchema, MAX_LISTED_CASES } from '../../src-shared/supervision/views';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/db';
import { textArray } from '../db/sqlArray';
import { HttpError } from '../http/httpError';
import { signalFloor } from './floorSignal';
import { recordHeartbeat } from './presenceStore';
import { checkRollups } from './rollups';
import { agentRow, readAgentStates, readFloor, readSupervisedCases, supervisedTeams } from './supervisorReads';

export interface SupervisionDeps {
  db: Db;
  now: () => number;
  timeouts: PresenceTimeouts;
  principalOf(request: FastifyRequest): Promise<Principal>;
}

// Query strings are text: the flags and the limit are read from it, then checked like any input.
const CaseListQuerySchema = z.object({
  market: MarketCodeSchema.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  caseType: CaseTypeSchema.optional(),
  assigneeId: z.uuid().optional(),
  unassigned: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LISTED_CASES).optional(),
});
const AtRiskQuerySchema = CaseListQuerySchema.pick({ limit: true });
const AgentParamsSchema = z.object({ userId: z.uuid() });

function caseQueryOf(query: z.infer<typeof CaseListQuerySchema>): SupervisedCaseQuery {
  return {
    ...(query.market ? { market: query.market } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.caseType ? { caseType: query.caseType } : {}),
    ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
    ...(query.unassigned ? { unassigned: query.unassigned === 'true' } : {}),
    ...(query.limit ? { limit: query.limit } : {}),
  };
}

/**
 * The supervisor console's routes (issue 15) and the desks' heartbeat. Every /api/v1/supervisor route is
 * refused (403) to anyone but a supervisor, for their own teams, or an admin.
 */
export function registerSupervisionRoutes(fastify: AppFastify, deps: SupervisionDeps): void {
  const { db, now, timeouts } = deps;
  const iso = () => new Date(now()).toISOString();

  fastify.post('/sync/v1/presence', async (request) => {
    const principal = await deps.principalOf(request);
    const body = HeartbeatRequestSchema.parse(request.body);
    await db.transaction(async (tx) => {
      const { isNews } = await recordHeartbeat(tx, principal.id, body.status, now(), timeouts);
      if (isNews) await signalFloor(tx, [principal.id]);
    });
    return { status: body.status, serverTime: iso() };
  });

  async function supervisor(request: FastifyRequest) {
    const principal = await deps.principalOf(request);
    const teams = await supervisedTeams(db, principal);
    return { principal, teams };
  }

  fastify.get('/api/v1/supervisor/floor', async (request): Promise<Floor> => {
    const { teams } = await supervisor(request);
    const at = now();
    const agents = await readAgentStates(db, teams);
    return { serverTime: new Date(at).toISOString(), cells: await readFloor(db, teams, agents, at, timeouts) };
  });

  fastify.get('/api/v1/supervisor/agents', async (request): Promise<AgentList> => {
    const { teams } = await supervisor(request);
    const at = now();
    const agents = await readAgentStates(db, teams);
    return { serverTime: new Date(at).toISOString(), agents: agents.map((agent) => agentRow(agent, at, timeouts)) };
  });

  async function caseList(request: FastifyRequest, query: SupervisedCaseQuery): Promise<SupervisedCaseList> {
    const { teams } = await supervisor(request);
    const at = now();
    const agents = await readAgentStates(db, teams);
    return {
      serverTime: new Date(at).toISOString(),
      cases: await readSupervisedCases(db, teams, agents, query, at, timeouts),
    };
  }

  fastify.get('/api/v1/supervisor/cases', async (request) => {
    const query = CaseListQuerySchema.parse(request.query);
    return caseList(request, caseQueryOf(query));
  });

  fastify.get('/api/v1/supervisor/at-risk', async (request) => {
    const query = AtRiskQuerySchema.parse(request.query);
    return caseList(request, { limit: query.limit ?? 50 });
  });

  fastify.post('/api/v1/supervisor/agents/:userId/settings', async (request) => {
    const { teams } = await supervisor(request);
    const { userId } = AgentParamsSchema.parse(request.params);
    const settings = AgentSettingsSchema.parse(request.body);
    return db.transaction(async (tx) => {
      const rows = await tx.query<{ data: unknown }>(
        `SELECT data FROM users u WHERE id = $1 AND role = 'agent'
           AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.user_id = u.id AND tm.team_id = ANY($2::text[]))
         FOR UPDATE`,
        [userId, textArray(teams)],
      );
      if (!rows[0]) throw new HttpError(404, 'NOT_FOUND', 'no agent of your teams has this id');
      const user = UserSchema.parse(rows[0].data);
      const next = UserSchema.parse({
        ...user,
        languages: settings.languages,
        skills: { ...user.skills, markets: settings.markets },
      });
      await tx.query('UPDATE users SET data = $2::jsonb WHERE id = $1', [userId, JSON.stringify(next)]);
      await tx.query(
        `INSERT INTO agent_capacity (user_id, capacity) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET capacity = EXCLUDED.capacity`,
        [userId, settings.capacity],
      );
      await signalFloor(tx, [userId]);
      return settings;
    });
  });

  fastify.get('/api/v1/supervisor/rollups/check', async (request): Promise<RollupCheck> => {
    const principal = await deps.principalOf(request);
    if (principal.role !== 'admin') throw new HttpError(403, 'FORBIDDEN', 'only an admin may run the rollup check');
    return checkRollups(db);
  });
}
