import type { ContractResult, WorkstationApi } from '../../../src-shared/contract/workstation';
import type { PracticeOverview, PracticeRunView } from '../../../src-shared/contract/practice';
import type { RunAnswer, ScenarioVersion, UiLanguage } from '../../../src-shared/training';

/** The Practice feature's only door to the contract: the sandbox's scenarios, assignments and runs. */
export function practiceApi(api: WorkstationApi) {
  return {
    overview: (): Promise<ContractResult<PracticeOverview>> => api['practice:overview']({}),
    scenario: (key: string): Promise<ContractResult<ScenarioVersion>> => api['practice:scenario']({ key }),
    start: (
      scenarioKey: string,
      uiLanguage: UiLanguage,
      assignmentId?: string,
    ): Promise<ContractResult<PracticeRunView>> =>
      api['practice:start']({ scenarioKey, uiLanguage, ...(assignmentId === undefined ? {} : { assignmentId }) }),
    answer: (runId: string, answer: RunAnswer): Promise<ContractResult<PracticeRunView>> =>
      api['practice:answer']({ runId, answer }),
    run: (runId: string): Promise<ContractResult<PracticeRunView>> => api['practice:run']({ runId }),
    /** A sync brings runs back scored by the server, and new assignments. */
    onSynced: (listener: () => void): (() => void) => api.subscribe('sync:status', listener),
  };
}
export type PracticeApi = ReturnType<typeof practiceApi>;
