import { useEffect, useState } from 'react';
import type { ViewCounts } from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { peekPrefetched, takePrefetched } from '../firstPage';
import type { QueueFilter } from '../queueApi';
import { useQueueApi } from './useQueueApi';

export function useViewCounts(filter: QueueFilter): ViewCounts | null {
  const api = useQueueApi();
  const workstation = useWorkstation();
  const { market, type } = filter;
  const isUnfiltered = market === undefined && type === undefined;
  const [counts, setCounts] = useState<ViewCounts | null>(() => {
    const first = isUnfiltered ? peekPrefetched(workstation, 'counts')?.value : undefined;
    return first?.ok ? first.data : null;
  });
  useEffect(() => {
    let isCurrent = true;
    const apply = (result: Awaited<ReturnType<typeof api.counts>>) => {
      if (isCurrent && result.ok) setCounts(result.data);
    };
    const load = () => void api.counts({ market, type }).then(apply);
    const prefetched = isUnfiltered ? takePrefetched(workstation, 'counts') : null;
    if (prefetched === null) load();
    else void prefetched.promise.then(apply);
    const unsubscribe = api.onCasesChanged(load);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api, workstation, market, type, isUnfiltered]);
  return counts;
}
