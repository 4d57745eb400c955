import { createContext, useContext, type ReactNode } from 'react';
import type { WorkstationApi } from '../../src-shared/contract/workstation';

const WorkstationContext = createContext<WorkstationApi | null>(null);

export function WorkstationProvider({ api, children }: { api: WorkstationApi; children: ReactNode }) {
  return <WorkstationContext.Provider value={api}>{children}</WorkstationContext.Provider>;
}

/** The contract client for feature api files; components go through their feature's hooks. */
export function useWorkstation(): WorkstationApi {
  const api = useContext(WorkstationContext);
  if (api === null) throw new Error('useWorkstation needs a <WorkstationProvider>');
  return api;
}
