import type { MouseEvent } from 'react';

/**
 * Shared by header and rows so columns line up; CSS grid follows dir="rtl" on its own. The first column
 * holds the selection checkbox and the unsent-changes marker.
 */
export const GRID_COLUMNS =
  '60px minmax(160px, 2fr) 64px minmax(100px, 1fr) minmax(96px, 0.9fr) minmax(150px, 1.2fr) minmax(96px, 0.9fr) minmax(96px, 0.9fr) minmax(100px, 0.9fr)';
/** Dense rows (two short lines), so a 1280x720 window shows at least 12 cases (issue 14 item 16). */
export const ROW_HEIGHT = 40;
export const HEADER_HEIGHT = 32;

/** How a click picks rows: Shift extends from the anchor, Ctrl/Cmd (or the checkbox) toggles one. */
export type PickMode = 'toggle' | 'extend';

/** Checkboxes take the click but leave focus on the grid, so the keyboard keeps working (activedescendant). */
export function keepGridFocus(event: MouseEvent) {
  event.preventDefault();
}
