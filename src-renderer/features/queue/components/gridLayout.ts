/** Shared by header and rows so columns line up; CSS grid follows dir="rtl" on its own. */
export const GRID_COLUMNS = '28px minmax(170px, 2fr) 72px minmax(110px, 1fr) minmax(110px, 1fr) minmax(190px, 1.3fr) minmax(100px, 0.9fr) minmax(72px, 0.6fr)';
export const ROW_HEIGHT = 56;
export const HEADER_HEIGHT = 40;
