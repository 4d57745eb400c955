/** Shared by header and rows so columns line up; CSS grid follows dir="rtl" on its own. */
export const GRID_COLUMNS = '28px minmax(180px, 2.2fr) minmax(72px, 0.6fr) minmax(110px, 1fr) minmax(100px, 1fr) minmax(130px, 1fr) minmax(110px, 0.9fr) minmax(80px, 0.7fr)';
export const ROW_HEIGHT = 56;
