import type { TFunction } from 'i18next';
import type { Session } from '../../../src-shared/contract/workstation';

/** The signed-in agent and the people the desk knows, by id. */
export type Directory = { myUserId: string | null; names: ReadonlyMap<string, string> };

export const EMPTY_DIRECTORY: Directory = { myUserId: null, names: new Map() };

export function directoryOf(session: Session): Directory {
  const people = [...session.colleagues, ...(session.user === null ? [] : [session.user])];
  return {
    myUserId: session.user?.id ?? null,
    names: new Map(people.map((user) => [user.id, user.displayName])),
  };
}

/** The assignee column's words: "You", the colleague's name, or "Unassigned". */
export function assigneeText(t: TFunction<['queue', 'domain']>, directory: Directory, assigneeId: string | null) {
  if (assigneeId === null) return t('assignee.none');
  if (assigneeId === directory.myUserId) return t('assignee.me');
  return directory.names.get(assigneeId) ?? t('assignee.colleague');
}
