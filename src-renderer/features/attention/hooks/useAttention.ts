import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AttentionItem, ContractError } from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { attentionApi } from '../attentionApi';

export function useAttention() {
  const workstation = useWorkstation();
  const api = useMemo(() => attentionApi(workstation), [workstation]);
  const [items, setItems] = useState<AttentionItem[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  useEffect(() => {
    let isCurrent = true;
    const load = () =>
      void api.list().then((result) => {
        if (!isCurrent) return;
        if (result.ok) {
          setItems(result.data);
          setError(null);
        } else setError(result.error);
      });
    load();
    const unsubscribe = api.onChanged(load);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api, generation]);
  return { items, error, resolve: api.resolve, reload };
}

/** The count for the navigation badge, live from the core's events. */
export function useAttentionCount(): number {
  const workstation = useWorkstation();
  const api = useMemo(() => attentionApi(workstation), [workstation]);
  const [count, setCount] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void api.list().then((result) => {
      if (isCurrent && result.ok) setCount(result.data.length);
    });
    const unsubscribe = api.onChanged((next) => setCount(next));
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api]);
  return count;
}
