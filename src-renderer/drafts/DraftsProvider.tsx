import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { openDraftsDb } from './draftsDb';
import { draftStore, type DraftStore, type UserDrafts } from './draftStore';

const DraftsContext = createContext<UserDrafts | null>(null);

/** The signed-in user's drafts for what it wraps; another user on this device never sees them. */
export function DraftsProvider({
  store,
  userId,
  children,
}: {
  store?: DraftStore;
  userId: string;
  children: ReactNode;
}) {
  const value = useMemo(() => (store ?? draftStore(openDraftsDb())).forUser(userId), [store, userId]);
  return <DraftsContext.Provider value={value}>{children}</DraftsContext.Provider>;
}

export function useDrafts(): UserDrafts {
  const drafts = useContext(DraftsContext);
  if (drafts === null) throw new Error('useDrafts needs a <DraftsProvider>');
  return drafts;
}
