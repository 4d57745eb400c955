import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { openDraftsDb } from './draftsDb';
import { draftStore, type DraftStore } from './draftStore';

const DraftsContext = createContext<DraftStore | null>(null);

export function DraftsProvider({ store, children }: { store?: DraftStore; children: ReactNode }) {
  const value = useMemo(() => store ?? draftStore(openDraftsDb()), [store]);
  return <DraftsContext.Provider value={value}>{children}</DraftsContext.Provider>;
}

export function useDrafts(): DraftStore {
  const store = useContext(DraftsContext);
  if (store === null) throw new Error('useDrafts needs a <DraftsProvider>');
  return store;
}
