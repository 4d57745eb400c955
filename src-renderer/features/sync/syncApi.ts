import type {
  ContractResult,
  EventPayload,
  ServerInfo,
  SyncStatus,
  WorkstationApi,
} from '../../../src-shared/contract/workstation';

/** The sync feature's only door to the contract: status and the live notifications pushed by the core. */
export function syncApi(api: WorkstationApi) {
  return {
    status: (): Promise<ContractResult<SyncStatus>> => api['sync:status']({}),
    server: (): Promise<ContractResult<ServerInfo>> => api['server:get']({}),
    onStatus: (listener: (status: SyncStatus) => void): (() => void) => api.subscribe('sync:status', listener),
    onDeviceWiped: (listener: (wiped: EventPayload<'device:wiped'>) => void): (() => void) =>
      api.subscribe('device:wiped', listener),
    onNotify: (listener: (note: EventPayload<'notify'>) => void): (() => void) => api.subscribe('notify', listener),
    caseRef: async (caseId: string): Promise<string | null> => {
      const result = await api['cases:get']({ caseId });
      return result.ok ? result.data.case.ref : null;
    },
  };
}
