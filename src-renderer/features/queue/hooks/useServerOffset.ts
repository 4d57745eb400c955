import { useEffect, useState } from 'react';
import { useQueueApi } from './useQueueApi';

/** Server time minus local time, from sync status; countdowns use it so a wrong laptop clock does not lie. */
export function useServerOffset(): number {
  const api = useQueueApi();
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void api.serverOffsetMs().then((value) => { if (isCurrent) setOffset(value); });
    const unsubscribe = api.onServerOffset(setOffset);
    return () => { isCurrent = false; unsubscribe(); };
  }, [api]);
  return offset;
}
