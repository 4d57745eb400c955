import type {
  CaseDetail,
  ContractResult,
  Session,
  TagUse,
  WorkstationApi,
} from '../../../src-shared/contract/workstation';
import type { CaseStatus } from '../../../src-shared/domain/caseStatus';

type Write = Promise<ContractResult<{ mutationUuid: string }>>;

/** The case feature's only door to the contract. */
export function caseApi(api: WorkstationApi) {
  return {
    get: (caseId: string): Promise<ContractResult<CaseDetail>> => api['cases:get']({ caseId }),
    session: (): Promise<ContractResult<Session>> => api['session:get']({}),
    setStatus: (caseId: string, to: CaseStatus): Write => api['cases:setStatus']({ caseId, to }),
    addTag: (caseId: string, tag: string): Write => api['cases:addTag']({ caseId, tag }),
    removeTag: (caseId: string, tag: string): Write => api['cases:removeTag']({ caseId, tag }),
    take: (caseId: string): Write => api['cases:take']({ caseId }),
    /** A reply that finally failed, sent again as a new reply (a new id: the failed one stays in the thread). */
    resend: (caseId: string, body: string, locale: string): Write =>
      api['cases:reply']({ caseId, messageId: crypto.randomUUID(), body, locale }),
    tagsInUse: (): Promise<ContractResult<TagUse[]>> => api['cases:tags']({}),
    async serverOffsetMs(): Promise<number> {
      const status = await api['sync:status']({});
      return status.ok ? status.data.serverOffsetMs : 0;
    },
    /** The offset moves with every sync (measured on each request), so countdowns follow it, as the queue's do. */
    onServerOffset(listener: (offsetMs: number) => void): () => void {
      return api.subscribe('sync:status', (status) => listener(status.serverOffsetMs));
    },
    onCasesChanged(caseId: string, listener: () => void): () => void {
      return api.subscribe('cases:changed', (change) => {
        if (change.all || change.caseIds.includes(caseId)) listener();
      });
    },
  };
}
export type CaseApi = ReturnType<typeof caseApi>;
