import { memo } from 'react';
import GlobalStyles from '@mui/material/GlobalStyles';
import type { Theme } from '@mui/material/styles';
import { SLA_TONE } from '../../../theme/slaTone';
import { GRID_COLUMNS, HEADER_HEIGHT, ROW_HEIGHT } from './gridLayout';

/**
 * Class names of the queue grid. Rows are plain elements styled by one stylesheet inserted once, not
 * per-row `sx` objects that emotion serialises and hashes for every row on every render (issue 6:
 * queue open under 500 ms; rows re-render every second for the SLA countdowns).
 */
export const GRID_CLASS = {
  grid: 'cd-queue-grid',
  headerRow: 'cd-queue-header',
  headerCell: 'cd-queue-colheader',
  row: 'cd-queue-row',
  cell: 'cd-queue-cell',
  selectCell: 'cd-queue-cell-select',
  checkbox: 'cd-queue-checkbox',
  primary: 'cd-queue-primary',
  secondary: 'cd-queue-secondary',
  text: 'cd-queue-text',
  market: 'cd-queue-market',
  priority: 'cd-queue-priority',
  ownDirection: 'cd-queue-own-direction',
  sla: 'cd-queue-sla',
} as const;

const c = GRID_CLASS;
const noWrap = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

// The queue's countdown states in the SLA panel's look (a paused row shows as paused there too).
const SLA_TONES = {
  none: { color: 'text.secondary', borderColor: 'transparent' },
  paused: SLA_TONE.paused,
  ok: SLA_TONE.active,
  warning: SLA_TONE.warning,
  breached: SLA_TONE.breached,
} as const;

const PRIORITY_COLOR = { low: 'text.secondary', normal: 'text.primary', high: '#8a3b00', urgent: '#a3161a' } as const;

function gridStyles(theme: Theme) {
  const { palette, typography } = theme;
  const paletteColor = (color: string) =>
    color === 'text.secondary'
      ? palette.text.secondary
      : color === 'text.primary'
        ? palette.text.primary
        : color === 'divider'
          ? palette.divider
          : color;
  const radius = theme.shape.borderRadius;
  const body2 = {
    fontSize: typography.body2.fontSize,
    lineHeight: typography.body2.lineHeight,
    fontWeight: typography.body2.fontWeight,
  };
  return {
    [`.${c.grid}`]: {
      flexGrow: 1,
      minHeight: 0,
      overflowY: 'auto',
      position: 'relative',
      contain: 'content',
      border: `1px solid ${palette.divider}`,
      borderRadius: radius,
      backgroundColor: palette.background.paper,
      '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: 2 },
      // The active row shows a focus ring only while the grid itself has focus.
      [`&:focus .${c.row}[data-active="true"]`]: { outline: `2px solid ${palette.primary.main}`, outlineOffset: -2 },
    },
    [`.${c.headerRow}`]: {
      display: 'grid',
      gridTemplateColumns: GRID_COLUMNS,
      alignItems: 'center',
      height: HEADER_HEIGHT,
      borderBottom: `1px solid ${palette.divider}`,
      backgroundColor: palette.grey[100],
    },
    [`.${c.headerCell}`]: {
      position: 'relative',
      padding: '0 8px',
      fontSize: 13,
      fontWeight: 600,
      color: palette.text.secondary,
      ...noWrap,
    },
    [`.${c.row}`]: {
      position: 'absolute',
      top: 0,
      insetInlineStart: 0,
      width: '100%',
      height: ROW_HEIGHT,
      display: 'grid',
      gridTemplateColumns: GRID_COLUMNS,
      alignItems: 'center',
      borderBottom: `1px solid ${palette.divider}`,
      cursor: 'default',
      backgroundColor: palette.background.paper,
      '&:hover': { backgroundColor: palette.action.hover },
      '&[data-active="true"], &[data-active="true"]:hover': { backgroundColor: palette.action.selected },
      '&[aria-selected="true"]': { backgroundColor: 'rgba(25, 118, 210, 0.14)' },
      '&[aria-selected="true"]:hover': { backgroundColor: 'rgba(25, 118, 210, 0.2)' },
    },
    [`.${c.cell}`]: { minWidth: 0, padding: '0 8px', ...noWrap },
    [`.${c.selectCell}`]: { minWidth: 0, display: 'flex', alignItems: 'center', overflow: 'hidden' },
    // The look of MUI's small Checkbox (a 20 px icon in a 38 px round hit area) without its components.
    [`.${c.checkbox}`]: {
      position: 'relative',
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      flexShrink: 0,
      boxSizing: 'border-box',
      width: 38,
      height: 38,
      padding: 9,
      borderRadius: '50%',
      color: palette.text.secondary,
      '&:hover': { backgroundColor: theme.alpha(palette.action.active, palette.action.hoverOpacity) },
      '&[data-checked="true"]': { color: palette.primary.main },
      '&[data-checked="true"]:hover': {
        backgroundColor: theme.alpha(palette.primary.main, palette.action.hoverOpacity),
      },
      '& input': {
        position: 'absolute',
        inset: 0,
        width: '100%',
        height: '100%',
        margin: 0,
        padding: 0,
        opacity: 0,
        zIndex: 1,
        cursor: 'pointer',
      },
      '& svg': { display: 'block', width: 20, height: 20, fill: 'currentColor', flexShrink: 0 },
    },
    // Dense rows: two lines of 18 and 16 px in a 40 px row.
    [`.${c.primary}`]: { ...body2, fontSize: 13, lineHeight: '18px', fontWeight: 600, ...noWrap },
    [`.${c.secondary}`]: { fontSize: 12, lineHeight: '16px', color: palette.text.secondary, ...noWrap },
    [`.${c.text}`]: { ...body2, fontSize: 13, lineHeight: '18px', ...noWrap },
    // A line set in its text's own direction (so the ellipsis cuts its end) still lines up with the row:
    // "left" is the UI's start side, as the right-to-left style cache flips it to "right" in Arabic.
    [`.${c.ownDirection}`]: { textAlign: 'left' },
    [`.${c.row} mark`]: { backgroundColor: '#fff3a0', color: 'inherit', borderRadius: 2 },
    [`.${c.market}`]: {
      border: `1px solid ${palette.divider}`,
      borderRadius: radius,
      padding: '2px 6px',
      fontSize: 13,
      fontFamily: 'monospace',
    },
    ...Object.fromEntries(
      Object.entries(PRIORITY_COLOR).map(([priority, color]) => [
        `.${c.priority}[data-priority="${priority}"]`,
        { color: paletteColor(color), fontWeight: priority === 'urgent' ? 700 : 400 },
      ]),
    ),
    [`.${c.sla}`]: {
      padding: '0 6px',
      fontSize: 13,
      border: '1px solid transparent',
      borderRadius: radius,
      whiteSpace: 'nowrap',
      fontVariantNumeric: 'tabular-nums',
    },
    ...Object.fromEntries(
      Object.entries(SLA_TONES).map(([state, tone]) => [
        `.${c.sla}[data-sla-state="${state}"]`,
        { color: paletteColor(tone.color), borderColor: paletteColor(tone.borderColor) },
      ]),
    ),
  };
}

/** The grid's stylesheet; memoized so the grid's every-second re-render does not serialise it again. */
export const CaseGridStyles = memo(function CaseGridStyles() {
  return <GlobalStyles styles={gridStyles} />;
});
