import type { ContractResult, WorkstationApi } from '../../../src-shared/contract/workstation';
import type {
  AgentList,
  AgentSettings,
  Floor,
  SupervisedCaseList,
  SupervisedCaseQuery,
} from '../../../src-shared/supervision/views';

/** The floor feature's only door to the contract: the console's reads, an agent's settings, breaking a lease. */
export function floorApi(api: WorkstationApi) {
  return {
    floor: (): Promise<ContractResult<Floor>> => api['floor:get']({}),
    agents: (): Promise<ContractResult<AgentList>> => api['floor:agents']({}),
    cases: (query: SupervisedCaseQuery): Promise<ContractResult<SupervisedCaseList>> => api['floor:cases'](query),
    atRisk: (limit: number): Promise<ContractResult<SupervisedCaseList>> => api['floor:atRisk']({ limit }),
    saveSettings: (userId: string, settings: AgentSettings) => api['floor:setAgentSettings']({ userId, ...settings }),
    breakLease: (caseId: string) => api['cases:breakLease']({ caseId }),
    /** Cases changed (pulled from the server) or an agent's presence changed: the console reads again. */
    onFloorMoved(listener: () => void): () => void {
      const offCases = api.subscribe('cases:changed', listener);
      const offFloor = api.subscribe('floor:changed', listener);
      return () => {
        offCases();
        offFloor();
      };
    },
  };
}
export type FloorApi = ReturnType<typeof floorApi>;
