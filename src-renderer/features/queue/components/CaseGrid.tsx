import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import Checkbox from '@mui/material/Checkbox';
import { elementScroll, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { CaseRow, SearchHit } from '../../../../src-shared/contract/workstation';
import { useShortcut } from '../../shortcuts';
import { assigneeText, type Directory } from '../directory';
import {
  EMPTY_SELECTION,
  extendTo,
  headerState,
  toggleAllLoaded,
  toggleRow,
  type Selection,
} from '../selection/selectionModel';
import { CaseGridRow } from './CaseGridRow';
import { CaseGridStyles, GRID_CLASS as c } from './CaseGridStyles';
import { HEADER_HEIGHT, ROW_HEIGHT, keepGridFocus, type PickMode } from './gridLayout';

type Props = {
  rows: CaseRow[];
  /** All rows of the view (from the counts), so assistive tech hears the real size of a virtual list. */
  totalCount: number | null;
  hasMore: boolean;
  label: string;
  describedBy?: string;
  now: number;
  serverOffsetMs: number;
  onLoadMore: () => void;
  onOpen: (row: CaseRow) => void;
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  /** Who is who, for the assignee column. */
  directory: Directory;
  /** Search results: each row's matching text and the terms to mark in it. */
  hits?: ReadonlyMap<string, SearchHit>;
  highlight?: readonly string[];
  /** The header checkbox's name when "all loaded" is not what it selects (all search results). */
  selectAllLabel?: string;
  /** Take the keyboard focus when the grid appears (the queue on load; search results do not). */
  autoFocus?: boolean;
};

const COLUMNS = ['select', 'customer', 'market', 'type', 'language', 'sla', 'status', 'priority', 'assignee'] as const;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 30;
/** Rows rendered beyond the visible ones, so scrolling shows rows already laid out. */
const OVERSCAN_ROWS = 8;

/**
 * The grid's size from a ResizeObserver only: its first report comes with the first layout, so nothing
 * reads layout (clientHeight) while React commits, before the first rows are painted. Until then the
 * window's height bounds the rows rendered.
 */
function observeGridRect(
  instance: Virtualizer<HTMLDivElement, Element>,
  onRect: (rect: { width: number; height: number }) => void,
) {
  const element = instance.scrollElement;
  if (element === null) return undefined;
  const observer = new ResizeObserver(([entry]) => {
    if (entry === undefined) return;
    onRect({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

/**
 * The virtualizer writes its offset on mount (scrollTo 0), which forces a layout before the first paint.
 * A grid the virtualizer still sees at the top is at the top: that write is skipped, every other kept.
 */
function scrollGrid(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<HTMLDivElement, Element>,
) {
  if (offset + (options.adjustments ?? 0) === 0 && instance.scrollOffset === 0 && options.behavior === undefined)
    return;
  elementScroll(offset, options, instance);
}

/**
 * No overscan until the first rows have been painted: the rows below the fold cost style, layout and
 * text shaping in the queue's first frame (issue 6) and nobody sees them before the first scroll.
 */
function useOverscanAfterFirstRows(hasRows: boolean): number {
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    if (!hasRows || overscan === OVERSCAN_ROWS) return undefined;
    // The task after the next animation frame runs once that frame has been painted.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setOverscan(OVERSCAN_ROWS), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [hasRows, overscan]);
  return overscan;
}

const initialRect = () => ({ width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight });

/**
 * The queue as an ARIA grid: focus stays on the grid, aria-activedescendant names the active row, and
 * only the rows in view are in the DOM (50,000 cases must scroll smoothly).
 */
export function CaseGrid({
  rows,
  totalCount,
  hasMore,
  label,
  now,
  serverOffsetMs,
  onLoadMore,
  onOpen,
  selection,
  onSelectionChange,
  describedBy,
  directory,
  hits,
  highlight,
  selectAllLabel,
  autoFocus = false,
}: Props) {
  const { t, i18n } = useTranslation(['queue', 'domain']);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Keyboard work starts in the queue: J/K and arrows move at once, Enter opens (issue 14 item 9).
  // Not while the agent is typing elsewhere: clearing the search box brings the queue back under the cursor.
  useEffect(() => {
    const typing = document.activeElement?.matches('input, textarea, [contenteditable="true"]') ?? false;
    if (autoFocus && !typing) scrollRef.current?.focus({ preventScroll: true });
  }, [autoFocus]);
  const [activeIndex, setActiveIndex] = useState(0);
  const overscan = useOverscanAfterFirstRows(rows.length > 0);
  // The grid is its own scroll container (so it is the focusable, keyboard-scrollable region) with a
  // sticky header row above the virtual body.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: initialRect(),
    observeElementRect: observeGridRect,
    scrollToFn: scrollGrid,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const clampedActive = Math.min(activeIndex, Math.max(0, rows.length - 1));

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, lastIndex, rows.length, onLoadMore]);

  const lastMove = useRef(0);
  useLayoutEffect(() => {
    lastMove.current = clampedActive;
  });
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    lastMove.current = next;
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  // J and K move wherever focus is (outside text fields) and bring the focus back to the grid. They come
  // from the window's listener, which may run again before this grid re-renders: count from the last move.
  const step = (delta: number) => {
    scrollRef.current?.focus({ preventScroll: true });
    moveTo(lastMove.current + delta);
  };
  useShortcut('nextCase', () => step(1));
  useShortcut('previousCase', () => step(-1));

  const pageSize = Math.max(
    1,
    Math.floor(((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
  );
  const pick = (index: number, mode: PickMode) => {
    const row = rows[index];
    if (row === undefined) return;
    setActiveIndex(index);
    onSelectionChange(mode === 'extend' ? extendTo(selection, rows, row.id) : toggleRow(selection, row.id));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const active = rows[clampedActive];
    if (event.key === 'Escape' && selection.ids.size > 0) {
      event.preventDefault();
      onSelectionChange(EMPTY_SELECTION);
      return;
    }
    if (event.key.toLowerCase() === 'x' && !event.ctrlKey && !event.metaKey && !event.altKey && active !== undefined) {
      event.preventDefault();
      pick(clampedActive, 'toggle');
      return;
    }
    if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && active !== undefined) {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, clampedActive + (event.key === 'ArrowDown' ? 1 : -1)));
      const target = rows[next];
      if (target === undefined) return;
      // The first Shift+arrow starts the range at the row the agent is on.
      const anchored =
        selection.anchor === null ? { ids: new Set([...selection.ids, active.id]), anchor: active.id } : selection;
      onSelectionChange(extendTo(anchored, rows, target.id));
      moveTo(next);
      return;
    }
    const moves: Record<string, number> = {
      ArrowDown: clampedActive + 1,
      ArrowUp: clampedActive - 1,
      PageDown: clampedActive + pageSize,
      PageUp: clampedActive - pageSize,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    if (event.key === 'Enter' && active !== undefined) {
      event.preventDefault();
      onOpen(active);
    }
  };

  // Rows get handlers that never change and read the latest grid state, so memoized rows re-render only
  // when their own props do (selection, active row, the clock).
  const latest = useRef({ pick, rows, onOpen });
  useLayoutEffect(() => {
    latest.current = { pick, rows, onOpen };
  });
  const onRowPick = useCallback((index: number, mode: PickMode) => latest.current.pick(index, mode), []);
  const onRowActivate = useCallback((index: number) => setActiveIndex(index), []);
  const onRowOpen = useCallback((index: number) => {
    const row = latest.current.rows[index];
    if (row !== undefined) latest.current.onOpen(row);
  }, []);

  const rowId = (index: number) => `queue-row-${rows[index]?.id ?? index}`;
  const isActiveRendered = items.some((item) => item.index === clampedActive);
  const allState = headerState(selection, rows);

  return (
    <div
      ref={scrollRef}
      role="grid"
      className={c.grid}
      aria-label={label}
      aria-describedby={describedBy}
      aria-rowcount={(totalCount ?? rows.length) + 1}
      aria-colcount={COLUMNS.length}
      aria-multiselectable
      aria-activedescendant={rows.length > 0 && isActiveRendered ? rowId(clampedActive) : undefined}
      tabIndex={0}
      data-search-results={hits === undefined ? undefined : true}
      onKeyDown={onKeyDown}
    >
      <CaseGridStyles />
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 1 }}>
        <div role="row" aria-rowindex={1} className={c.headerRow}>
          {COLUMNS.map((column) => (
            <div key={column} role="columnheader" className={c.headerCell}>
              {column === 'select' ? (
                <Checkbox
                  size="small"
                  tabIndex={-1}
                  disabled={rows.length === 0}
                  checked={allState === 'all'}
                  indeterminate={allState === 'some'}
                  onMouseDown={keepGridFocus}
                  onChange={() => onSelectionChange(toggleAllLoaded(selection, rows))}
                  slotProps={{
                    input: { 'aria-label': selectAllLabel ?? t('bulk.selectAllLoaded', { count: rows.length }) },
                  }}
                />
              ) : (
                t(`columns.${column}`)
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <CaseGridRow
              key={row.id}
              row={row}
              index={item.index}
              rowId={rowId(item.index)}
              start={item.start - HEADER_HEIGHT}
              isActive={item.index === clampedActive}
              isSelected={selection.ids.has(row.id)}
              now={now}
              serverOffsetMs={serverOffsetMs}
              t={t}
              language={i18n.language}
              assignee={assigneeText(t, directory, row.assigneeId)}
              snippet={hits?.get(row.id)?.snippet}
              highlight={highlight}
              onPick={onRowPick}
              onActivate={onRowActivate}
              onOpen={onRowOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
