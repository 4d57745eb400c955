import { useEffect, useState } from 'react';
import type { ViewCounts } from '../../../../src-shared/contract/workstation';
import type { QueueFilter } from '../queueApi';
import { useQueueApi } from './useQueueApi';

export function useViewCounts(filter: QueueFilter): ViewCounts | null {
  const api = useQueueApi();
  const [counts, setCounts] = useState<ViewCounts | null>(null);
  const { market, type } = filter;
  useEffect(() => {
    let isCurrent = true;
    const load = () => void api.counts({ market, type }).then((result) => {
      if (isCurrent && result.ok) setCounts(result.data);
    });
    load();
    const unsubscribe = api.onCasesChanged(load);
    return () => { isCurrent = false; unsubscribe(); };
  }, [api, market, type]);
  return counts;
}
