import { acceptsStatus, canTransition, CASE_STATUSES, type CaseStatus } from '../../../../src-shared/domain/caseStatus';

/**
 * Which loaded rows the agent has picked for a bulk action. The anchor is where a Shift range starts
 * (the last row toggled on its own), as in Linear, Zendesk and every file manager.
 */
export type Selection = { readonly ids: ReadonlySet<string>; readonly anchor: string | null };

type Row = { readonly id: string };

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function toggleRow(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/**
 * Shift+click or Shift+arrow: every row between the anchor and `id` joins the selection (the anchor
 * stays put so the range can grow or shrink from it). Without an anchor the row alone is selected.
 */
export function extendTo(selection: Selection, rows: readonly Row[], id: string): Selection {
  const target = rows.findIndex((row) => row.id === id);
  if (target < 0) return selection;
  const anchorIndex = selection.anchor === null ? -1 : rows.findIndex((row) => row.id === selection.anchor);
  if (anchorIndex < 0) return { ids: new Set([...selection.ids, id]), anchor: id };
  const [from, to] = anchorIndex <= target ? [anchorIndex, target] : [target, anchorIndex];
  const ids = new Set(selection.ids);
  for (const row of rows.slice(from, to + 1)) ids.add(row.id);
  return { ids, anchor: selection.anchor };
}

/** The header checkbox: selects every loaded row, or clears when all of them already are. */
export function toggleAllLoaded(selection: Selection, rows: readonly Row[]): Selection {
  if (headerState(selection, rows) === 'all') return EMPTY_SELECTION;
  return { ids: new Set(rows.map((row) => row.id)), anchor: selection.anchor };
}

export function headerState(selection: Selection, rows: readonly Row[]): 'none' | 'some' | 'all' {
  const count = rows.reduce((total, row) => total + (selection.ids.has(row.id) ? 1 : 0), 0);
  if (count === 0) return 'none';
  return count === rows.length ? 'all' : 'some';
}

/**
 * After a live reload keep only rows that are still loaded (a case solved elsewhere and gone from the
 * view must not be acted on unseen); returns the same object when nothing changed, so React skips a render.
 */
export function keepLoaded(selection: Selection, rows: readonly Row[]): Selection {
  const loaded = new Set(rows.map((row) => row.id));
  const ids = [...selection.ids].filter((id) => loaded.has(id));
  const anchor = selection.anchor !== null && loaded.has(selection.anchor) ? selection.anchor : null;
  if (ids.length === selection.ids.size && anchor === selection.anchor) return selection;
  return { ids: new Set(ids), anchor };
}

/** Selected rows in grid order. */
export function selectedRows<R extends Row>(selection: Selection, rows: readonly R[]): R[] {
  return rows.filter((row) => selection.ids.has(row.id));
}

export type StatusChoice = { readonly to: CaseStatus; readonly acceptedFor: number };

/**
 * The statuses the selection can move to, with how many selected cases each is accepted for: a legal
 * transition (STATUS_TRANSITIONS) or the status a case already has, which the rule accepts as a no-op
 * (acceptsStatus). Ones accepted for all come first, partial ones say so up front; a status that changes
 * no selected case, or is accepted for none, is not offered at all.
 */
export function statusChoices(statuses: readonly CaseStatus[]): StatusChoice[] {
  return CASE_STATUSES.filter((to) => statuses.some((from) => canTransition(from, to)))
    .map((to) => ({ to, acceptedFor: statuses.filter((from) => acceptsStatus(from, to)).length }))
    .sort((a, b) => b.acceptedFor - a.acceptedFor || CASE_STATUSES.indexOf(a.to) - CASE_STATUSES.indexOf(b.to));
}
