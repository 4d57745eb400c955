import type {
  CaseRow,
  ContractResult,
  QueuePage,
  QueueQuery,
  SearchHit,
  Session,
  ViewCounts,
  WorkstationApi,
} from '../../../src-shared/contract/workstation';

export type QueueFilter = Pick<QueueQuery, 'market' | 'type'>;

/** The queue feature's only door to the contract. */
export function queueApi(api: WorkstationApi) {
  return {
    page(query: QueueQuery): Promise<ContractResult<QueuePage>> {
      return api['cases:list'](query);
    },
    counts(filter: QueueFilter): Promise<ContractResult<ViewCounts>> {
      return api['cases:counts'](filter);
    },
    session(): Promise<ContractResult<Session>> {
      return api['session:get']({});
    },
    search(text: string): Promise<ContractResult<SearchHit[]>> {
      return api['cases:search']({ text, limit: 50 });
    },
    async serverOffsetMs(): Promise<number> {
      const status = await api['sync:status']({});
      return status.ok ? status.data.serverOffsetMs : 0;
    },
    onServerOffset(listener: (offsetMs: number) => void): () => void {
      return api.subscribe('sync:status', (status) => listener(status.serverOffsetMs));
    },
    onCasesChanged(listener: () => void): () => void {
      return api.subscribe('cases:changed', () => listener());
    },
  };
}
export type QueueApi = ReturnType<typeof queueApi>;
export type { CaseRow };
