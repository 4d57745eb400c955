import type { AttentionItem, ContractResult, WorkstationApi } from '../../../src-shared/contract/workstation';

type Write = Promise<ContractResult<{ mutationUuid: string }>>;

/** The composer's only door to the contract. */
export function composerApi(api: WorkstationApi) {
  return {
    reply: (input: { caseId: string; messageId: string; body: string; locale: string }): Write =>
      api['cases:reply'](input),
    addNote: (input: { caseId: string; noteId: string; body: string }): Write => api['cases:addNote'](input),
    attention: (): Promise<ContractResult<AttentionItem[]>> => api['attention:list']({}),
    onAttentionChanged: (listener: () => void): (() => void) => api.subscribe('attention:changed', () => listener()),
  };
}
export type ComposerApi = ReturnType<typeof composerApi>;
