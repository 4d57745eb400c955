import type { AttentionItem, ContractResult, WorkstationApi } from '../../../src-shared/contract/workstation';

/** The needs-attention feature's only door to the contract. */
export function attentionApi(api: WorkstationApi) {
  return {
    list: (): Promise<ContractResult<AttentionItem[]>> => api['attention:list']({}),
    resolve: (id: string, action: 'reopen_and_send' | 'discard'): Promise<ContractResult<null>> =>
      api['attention:resolve']({ id, action }),
    onChanged: (listener: (count: number) => void): (() => void) =>
      api.subscribe('attention:changed', (change) => listener(change.count)),
  };
}
export type AttentionApi = ReturnType<typeof attentionApi>;
