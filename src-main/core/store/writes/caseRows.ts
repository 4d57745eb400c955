import { readJson } from '../json';
import { fullName, type Case } from '../../../../src-shared/domain/case';
import { PRIORITY_RANK } from '../../../../src-shared/domain/caseType';
import type { CaseStatus } from '../../../../src-shared/domain/caseStatus';
import type { CaseRow } from '../../../../src-shared/contract/workstation';

/** Cases without a deadline sort after every real one (year 2255 in epoch ms). */
export const NO_DEADLINE = 9_000_000_000_000;

export function stateGroup(status: CaseStatus): number {
  if (status === 'pending_customer') return 1;
  if (status === 'solved' || status === 'closed') return 2;
  return 0;
}

export function prioritySort(priority: Case['priority']): number {
  return 3 - PRIORITY_RANK[priority];
}

export function slaSort(slaDueAt: string | null): number {
  return slaDueAt === null ? NO_DEADLINE : Date.parse(slaDueAt);
}

/**
 * The column values of a cases row, all derived from the Case object so the two never disagree
 * (dataJson: the object's JSON when the caller already holds it).
 */
export function caseColumns(c: Case, serverVersion: number, hasPending: boolean, dataJson?: string) {
  return {
    id: c.id,
    server_version: serverVersion,
    ref: c.ref,
    type: c.type,
    status: c.status,
    state_group: stateGroup(c.status),
    priority: c.priority,
    priority_sort: prioritySort(c.priority),
    market: c.customer.market,
    locale: c.locale,
    team_id: c.teamId,
    assignee_id: c.assigneeId,
    subject: c.subject,
    customer_name: fullName(c.customer.name),
    order_id: c.order?.orderId ?? null,
    tags: JSON.stringify(c.tags),
    sla_due_at: c.slaDueAt,
    sla_sort: slaSort(c.slaDueAt),
    created_at: c.createdAt,
    created_ms: Date.parse(c.createdAt),
    updated_at: c.updatedAt,
    has_pending: hasPending ? 1 : 0,
    data: dataJson ?? JSON.stringify(c),
  };
}
export type CaseColumns = ReturnType<typeof caseColumns>;

export const CASE_ROW_SELECT = `rid, id, ref, subject, type, status, priority, market, locale, customer_name, assignee_id, tags,
  sla_due_at, created_at, updated_at, has_pending, sla_sort, priority_sort, created_ms`;

export interface CaseRowRecord {
  rid: number;
  id: string;
  ref: string;
  subject: string;
  type: CaseRow['type'];
  status: CaseRow['status'];
  priority: CaseRow['priority'];
  market: CaseRow['market'];
  locale: string;
  customer_name: string;
  assignee_id: string | null;
  tags: string;
  sla_due_at: string | null;
  created_at: string;
  updated_at: string;
  has_pending: number;
  sla_sort: number;
  priority_sort: number;
  created_ms: number;
}

export function toCaseRow(r: CaseRowRecord): CaseRow {
  return {
    id: r.id,
    ref: r.ref,
    subject: r.subject,
    type: r.type,
    status: r.status,
    priority: r.priority,
    market: r.market,
    locale: r.locale,
    customerName: r.customer_name,
    assigneeId: r.assignee_id,
    tags: readJson<string[]>(r.tags),
    slaDueAt: r.sla_due_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    hasPendingChanges: r.has_pending === 1,
  };
}
