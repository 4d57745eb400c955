import type {
  ContractResult,
  ServerInfo,
  Session,
  Settings,
  WorkstationApi,
} from '../../../src-shared/contract/workstation';

/** The settings feature's only door to the contract. */
export function settingsApi(api: WorkstationApi) {
  return {
    get: (): Promise<ContractResult<Settings>> => api['settings:get']({}),
    update: (change: Partial<Settings>): Promise<ContractResult<Settings>> => api['settings:update'](change),
    server: (): Promise<ContractResult<ServerInfo>> => api['server:get']({}),
    session: (): Promise<ContractResult<Session>> => api['session:get']({}),
    signIn: (username: string, password: string): Promise<ContractResult<Session>> =>
      api['auth:signIn']({ username, password }),
    signOut: (): Promise<ContractResult<null>> => api['auth:signOut']({}),
    signOutAndRemoveData: (): Promise<ContractResult<null>> => api['auth:signOutAndRemoveData']({}),
  };
}
export type SettingsApi = ReturnType<typeof settingsApi>;
