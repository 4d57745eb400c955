import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContractError, ContractResult } from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { floorApi, type FloorApi } from '../floorApi';

/** Counts against "now" move with the clock even when no case changes: read again this often while Live. */
const CLOCK_REFRESH_MS = 60_000;

/**
 * One console read, kept live: read again whenever the server says cases or presence moved (the sync event
 * stream) and once a minute for the clock, unless the supervisor paused it so a table keeps still while read.
 */
export function useLiveRead<T>(read: (api: FloorApi) => Promise<ContractResult<T>>, isLive: boolean) {
  const workstation = useWorkstation();
  const api = useMemo(() => floorApi(workstation), [workstation]);
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const readRef = useRef(read);
  readRef.current = read;
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const result = await readRef.current(api);
    if (mine !== generation.current) return;
    if (result.ok) {
      setData(result.data);
      setError(null);
    } else setError(result.error);
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!isLive) return;
    void reload();
    const off = api.onFloorMoved(() => void reload());
    const timer = setInterval(() => void reload(), CLOCK_REFRESH_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [api, isLive, reload]);

  return { data, error, reload, api };
}
