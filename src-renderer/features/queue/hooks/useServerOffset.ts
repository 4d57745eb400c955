import { useEffect, useState } from 'react';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { peekPrefetched, takePrefetched } from '../firstPage';
import { useQueueApi } from './useQueueApi';

/** Server time minus local time, from sync status; countdowns use it so a wrong laptop clock does not lie. */
export function useServerOffset(): number {
  const api = useQueueApi();
  const workstation = useWorkstation();
  const [offset, setOffset] = useState(() => peekPrefetched(workstation, 'serverOffsetMs')?.value ?? 0);
  useEffect(() => {
    let isCurrent = true;
    const prefetched = takePrefetched(workstation, 'serverOffsetMs');
    void (prefetched?.promise ?? api.serverOffsetMs()).then((value) => {
      if (isCurrent) setOffset(value);
    });
    const unsubscribe = api.onServerOffset(setOffset);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api, workstation]);
  return offset;
}
