import type { MouseEvent } from 'react';

/**
 * Shared by header and rows so columns line up; CSS grid follows dir="rtl" on its own. The first column
 * holds the selection checkbox and the unsent-changes marker.
 */
export const GRID_COLUMNS =
  '64px minmax(170px, 2fr) 72px minmax(110px, 1fr) minmax(110px, 1fr) minmax(190px, 1.3fr) minmax(100px, 0.9fr) minmax(72px, 0.6fr)';
export const ROW_HEIGHT = 56;
export const HEADER_HEIGHT = 40;

/** How a click picks rows: Shift extends from the anchor, Ctrl/Cmd (or the checkbox) toggles one. */
export type PickMode = 'toggle' | 'extend';

/** Checkboxes take the click but leave focus on the grid, so the keyboard keeps working (activedescendant). */
export function keepGridFocus(event: MouseEvent) {
  event.preventDefault();
}
