import {
  AgentListSchema,
  AgentSettingsSchema,
  FloorSchema,
  SupervisedCaseListSchema,
  type SupervisedCaseQuery,
} from '../../../src-shared/supervision/views';
import { StoreError } from '../store';
import type { ContractHandlers } from './contractCalls';
import type { SyncConnection } from './syncConnection';

type FloorMethod =
  | 'presence:get'
  | 'presence:set'
  | 'floor:get'
  | 'floor:agents'
  | 'floor:cases'
  | 'floor:atRisk'
  | 'floor:setAgentSettings';

/** Query strings of GET /api/v1/supervisor/cases: only the filters the supervisor chose. */
function caseQueryString(query: SupervisedCaseQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

/**
 * The supervisor console's contract methods and the agent's own status. The console reads the central
 * API live (the rollups are the server's); the role check is contractCalls' (supervisor methods), and the
 * server checks again. Without a central API (no sync connection that reaches one) they answer OFFLINE.
 */
export function floorHandlers(sync: () => SyncConnection): Pick<ContractHandlers, FloorMethod> {
  const central = () => {
    const connection = sync();
    const api = connection.serverJson?.bind(connection);
    if (!api) throw new StoreError('OFFLINE', 'No central API is configured: the supervisor console needs one.');
    return api;
  };
  return {
    'presence:get': () => ({ status: sync().presenceStatus?.() ?? 'online' }),
    'presence:set': (input) => {
      sync().setPresenceStatus?.(input.status);
      return { status: input.status };
    },
    'floor:get': () => central()('GET', '/api/v1/supervisor/floor', FloorSchema),
    'floor:agents': () => central()('GET', '/api/v1/supervisor/agents', AgentListSchema),
    'floor:cases': (input) =>
      central()('GET', `/api/v1/supervisor/cases?${caseQueryString(input)}`, SupervisedCaseListSchema),
    'floor:atRisk': (input) =>
      central()('GET', `/api/v1/supervisor/at-risk?limit=${input.limit}`, SupervisedCaseListSchema),
    'floor:setAgentSettings': ({ userId, ...settings }) =>
      central()('POST', `/api/v1/supervisor/agents/${userId}/settings`, AgentSettingsSchema, settings),
  };
}
