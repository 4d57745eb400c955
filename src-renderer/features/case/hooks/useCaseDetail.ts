import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail, ContractError, Session } from '../../../../src-shared/contract/workstation';
import { useCaseApi } from './useCaseApi';

export type CaseDetailState = {
  detail: CaseDetail | null;
  session: Session | null;
  serverOffsetMs: number;
  error: ContractError | null;
  reload: () => void;
};

/** One case with its thread, kept fresh by the core's change events (sync, other agents, our own writes). */
export function useCaseDetail(caseId: string): CaseDetailState {
  const api = useCaseApi();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [serverOffsetMs, setServerOffsetMs] = useState(0);
  const [error, setError] = useState<ContractError | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let isCurrent = true;
    const load = () =>
      void api.get(caseId).then((result) => {
        if (!isCurrent) return;
        if (result.ok) {
          setDetail(result.data);
          setError(null);
        } else setError(result.error);
      });
    load();
    const unsubscribe = api.onCasesChanged(caseId, load);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api, caseId, generation]);

  useEffect(() => {
    let isCurrent = true;
    void api.session().then((result) => {
      if (isCurrent && result.ok) setSession(result.data);
    });
    void api.serverOffsetMs().then((offset) => {
      if (isCurrent) setServerOffsetMs(offset);
    });
    const unsubscribe = api.onServerOffset(setServerOffsetMs);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api]);

  return { detail: detail?.case.id === caseId ? detail : null, session, serverOffsetMs, error, reload };
}
