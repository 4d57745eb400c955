import type { CaseRow, QueueSort, QueueView } from '../../../src-shared/contract/workstation';
import { contractData } from './bridgeClient';
import type { RunningWebHost } from './webHostProcess';

// What the workstation's store holds, read through the contract the page uses: tests compare the screen
// with these rows, never with hard-coded demo values, and so stay true whatever a test before them changed.

export type RowQuery = { sort?: QueueSort; view?: QueueView };

/** The first `count` rows of a queue view in a sort order (all cases by SLA unless told). */
export async function queueRows(host: RunningWebHost, count: number, query: RowQuery = {}): Promise<CaseRow[]> {
  const { rows } = await contractData(host, 'cases:list', {
    view: query.view ?? 'all',
    sort: query.sort ?? 'sla',
    limit: count,
  });
  return rows;
}

/** The first row of a queue view; a store without one fails the test. */
export async function topRow(host: RunningWebHost, query: RowQuery = {}): Promise<CaseRow> {
  const [row] = await queueRows(host, 1, query);
  if (row === undefined) throw new Error(`the store has no case in the ${query.view ?? 'all'} view`);
  return row;
}

/** A case with its thread, notes and events, as the case view reads it. */
export function caseDetail(host: RunningWebHost, caseId: string) {
  return contractData(host, 'cases:get', { caseId });
}
