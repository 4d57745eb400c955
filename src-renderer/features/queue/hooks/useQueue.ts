import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  CaseRow,
  ContractError,
  ContractResult,
  QueuePage,
  QueueQuery,
} from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { FIRST_SORT, FIRST_VIEW, PAGE_SIZE, peekPrefetched, takePrefetched } from '../firstPage';
import { useQueueApi } from './useQueueApi';

export type QueueState = {
  rows: CaseRow[];
  status: 'loading' | 'ready' | 'error';
  error: ContractError | null;
  hasMore: boolean;
  loadMore: () => void;
};

/** A change event reloads what the agent has already scrolled through, up to the contract's page cap. */
const MAX_RELOAD = 500;

type Query = Pick<QueueQuery, 'view' | 'sort' | 'market' | 'type'>;

/** Keyset-paged rows of one queue view; later pages load as the list scrolls near its end. */
function isFirstQuery({ view, sort, market, type }: Query): boolean {
  return view === FIRST_VIEW && sort === FIRST_SORT && market === undefined && type === undefined;
}

export function useQueue(query: Query): QueueState {
  const api = useQueueApi();
  const workstation = useWorkstation();
  // The page prefetched before mount (firstPage.ts) is the first state when it has already arrived, so
  // the first render already has rows.
  const [first] = useState(() => (isFirstQuery(query) ? peekPrefetched(workstation, 'page')?.value : undefined));
  const [rows, setRows] = useState<CaseRow[]>(first?.ok ? first.data.rows : []);
  const [status, setStatus] = useState<QueueState['status']>(first?.ok ? 'ready' : 'loading');
  const [error, setError] = useState<ContractError | null>(null);
  const [cursor, setCursor] = useState<string | null>(first?.ok ? first.data.nextCursor : null);
  const generation = useRef(0);
  const isLoadingMore = useRef(false);
  const loadedCount = useRef(first?.ok ? first.data.rows.length : 0);
  const { view, sort, market, type } = query;

  useEffect(() => {
    const current = ++generation.current;
    const apply = (result: ContractResult<QueuePage>) => {
      if (current !== generation.current) return;
      if (!result.ok) {
        setStatus('error');
        setError(result.error);
        return;
      }
      loadedCount.current = result.data.rows.length;
      setRows(result.data.rows);
      setCursor(result.data.nextCursor);
      setStatus('ready');
      setError(null);
    };
    const load = (limit: number) => void api.page({ view, sort, market, type, limit }).then(apply);
    const prefetched = isFirstQuery({ view, sort, market, type }) ? takePrefetched(workstation, 'page') : null;
    if (prefetched?.value !== undefined) apply(prefetched.value);
    else {
      setStatus('loading');
      loadedCount.current = 0;
      if (prefetched === null) load(PAGE_SIZE);
      else void prefetched.promise.then(apply);
    }
    const unsubscribe = api.onCasesChanged(() => load(Math.min(MAX_RELOAD, Math.max(PAGE_SIZE, loadedCount.current))));
    return unsubscribe;
  }, [api, workstation, view, sort, market, type]);

  const loadMore = useCallback(() => {
    if (cursor === null || isLoadingMore.current) return;
    isLoadingMore.current = true;
    const current = generation.current;
    void api.page({ view, sort, market, type, cursor, limit: PAGE_SIZE }).then((result) => {
      isLoadingMore.current = false;
      if (current !== generation.current || !result.ok) return;
      setRows((previous) => {
        const seen = new Set(previous.map((row) => row.id));
        const next = [...previous, ...result.data.rows.filter((row) => !seen.has(row.id))];
        loadedCount.current = next.length;
        return next;
      });
      setCursor(result.data.nextCursor);
    });
  }, [api, cursor, view, sort, market, type]);

  return { rows, status, error, hasMore: cursor !== null, loadMore };
}
