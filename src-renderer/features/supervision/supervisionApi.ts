import type {
  BulkResult,
  ContractResult,
  QueuePage,
  Session,
  WorkstationApi,
} from '../../../src-shared/contract/workstation';

/** The largest page the contract serves: a supervisor's selection is read in pages of this size. */
const PAGE_SIZE = 500;

/** The supervision feature's only door to the contract: who is signed in, who holds what, and reassigning it. */
export function supervisionApi(api: WorkstationApi) {
  return {
    session: (): Promise<ContractResult<Session>> => api['session:get']({}),
    /** Open cases one agent holds (or, with null, the team queue's), most urgent first, one page at a time. */
    held: (assigneeId: string | null, cursor?: string): Promise<ContractResult<QueuePage>> =>
      api['cases:list']({
        view: 'all',
        sort: 'sla',
        holder: { assigneeId },
        limit: PAGE_SIZE,
        ...(cursor === undefined ? {} : { cursor }),
      }),
    /** An empty reason is none at all. */
    reassign: (caseIds: readonly string[], to: string | null, reason: string): Promise<ContractResult<BulkResult>> =>
      api['cases:reassign']({ caseIds: [...caseIds], to, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) }),
    /** Sign-in, sign-out and a new server change who is signed in: each is announced as a status or a full reload. */
    onSessionMaybeChanged: (listener: () => void): (() => void) => {
      const offStatus = api.subscribe('sync:status', listener);
      const offCases = api.subscribe('cases:changed', (change) => {
        if (change.all) listener();
      });
      return () => {
        offStatus();
        offCases();
      };
    },
    onCasesChanged: (listener: () => void): (() => void) => api.subscribe('cases:changed', listener),
  };
}
export type SupervisionApi = ReturnType<typeof supervisionApi>;
