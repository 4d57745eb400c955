import { useEffect, useMemo, useState } from 'react';
import type { CaseRow, ContractError } from '../../../../src-shared/contract/workstation';
import { MAX_REASSIGN_CASES } from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { supervisionApi } from '../supervisionApi';

/** Who the supervisor is looking at: one agent's open cases, or the team queue's (null). */
export type Holder = { assigneeId: string | null };

/**
 * Every open case the holder has, most urgent first (page after page, up to what one reassignment takes),
 * read again as cases change so a selection never offers a case that already left.
 */
export function useHeldCases(holder: Holder | null) {
  const workstation = useWorkstation();
  const api = useMemo(() => supervisionApi(workstation), [workstation]);
  const [rows, setRows] = useState<CaseRow[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const assigneeId = holder?.assigneeId;
  useEffect(() => {
    if (assigneeId === undefined) return;
    let isCurrent = true;
    const load = async () => {
      const all: CaseRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.held(assigneeId, cursor);
        if (!isCurrent) return;
        if (!page.ok) return setError(page.error);
        all.push(...page.data.rows);
        cursor = page.data.nextCursor ?? undefined;
      } while (cursor !== undefined && all.length < MAX_REASSIGN_CASES);
      setRows(all);
      setError(null);
    };
    setRows(null);
    void load();
    const unsubscribe = api.onCasesChanged(() => void load());
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api, assigneeId]);
  return { rows, error };
}
