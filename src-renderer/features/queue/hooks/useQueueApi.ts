import { useMemo } from 'react';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { queueApi, type QueueApi } from '../queueApi';

export function useQueueApi(): QueueApi {
  const api = useWorkstation();
  return useMemo(() => queueApi(api), [api]);
}
