import { useCallback, useEffect, useRef, useState } from 'react';
import { DRAFT_BODY_MAX_LENGTH, useDrafts, type DraftKind } from '../../../drafts';

export type DraftState = {
  body: string;
  locale: string | null;
  replyId: string | null;
  /** The message or note id minted for this draft; it stays until the draft is sent. */
  entityId: string;
  isLoaded: boolean;
};

/**
 * A draft that is written to IndexedDB as the agent types, restored when the case is opened again
 * (after a reload or a crash), and replaced by a fresh one with a new id once sent.
 */
export function useDraft(caseId: string, kind: DraftKind, defaultLocale: string | null) {
  const store = useDrafts();
  const [state, setState] = useState<DraftState>(() => ({
    body: '',
    locale: defaultLocale,
    replyId: null,
    entityId: crypto.randomUUID(),
    isLoaded: false,
  }));
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    let isCurrent = true;
    void store.load(caseId, kind).then((draft) => {
      if (!isCurrent) return;
      setState(
        draft === null
          ? { body: '', locale: defaultLocale, replyId: null, entityId: crypto.randomUUID(), isLoaded: true }
          : {
              body: draft.body,
              locale: draft.locale ?? defaultLocale,
              replyId: draft.replyId,
              entityId: draft.entityId,
              isLoaded: true,
            },
      );
    });
    return () => {
      isCurrent = false;
    };
    // The default locale only seeds a new draft; a later change must not reload the stored one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, caseId, kind]);

  const update = useCallback(
    (change: Partial<Pick<DraftState, 'body' | 'locale' | 'replyId'>>) => {
      const next = { ...latest.current, ...change };
      latest.current = next;
      setState(next);
      // Beyond what a draft can hold the text stays in the box only; the box says it is too long to send.
      if (next.body.length > DRAFT_BODY_MAX_LENGTH) return;
      void (next.body === '' && next.replyId === null
        ? store.remove(caseId, kind)
        : store.save({
            caseId,
            kind,
            body: next.body,
            locale: next.locale,
            entityId: next.entityId,
            replyId: next.replyId,
          }));
    },
    [store, caseId, kind],
  );

  const finish = useCallback(() => {
    const fresh = {
      body: '',
      locale: latest.current.locale,
      replyId: null,
      entityId: crypto.randomUUID(),
      isLoaded: true,
    };
    latest.current = fresh;
    setState(fresh);
    void store.remove(caseId, kind);
  }, [store, caseId, kind]);

  return { draft: state, update, finish };
}
