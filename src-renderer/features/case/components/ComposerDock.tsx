import Box from '@mui/material/Box';
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

/** The composer never takes the conversation's room: it starts at most this share of the column... */
const DEFAULT_SHARE = 0.5;
/** ...and the agent may drag it up to this share, or down to a line or two. */
const MAX_SHARE = 0.85;
const MIN_HEIGHT = 120;
const KEY_STEP = 32;

type Drag = { startY: number; startHeight: number };

/**
 * The composer at the foot of the conversation with a bounded height the agent can change by dragging
 * its top edge or with the arrow keys on it; its content scrolls inside, so the thread above keeps its
 * own scroll and stays on screen.
 */
export function ComposerDock({ resizeLabel, children }: { resizeLabel: string; children: ReactNode }) {
  const dockRef = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [height, setHeight] = useState<number | null>(null);
  const columnHeight = () => dockRef.current?.parentElement?.clientHeight ?? window.innerHeight;
  const clamp = (value: number) => Math.round(Math.min(Math.max(value, MIN_HEIGHT), columnHeight() * MAX_SHARE));
  const currentHeight = () => height ?? dockRef.current?.offsetHeight ?? MIN_HEIGHT;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: currentHeight() };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    setHeight(clamp(drag.current.startHeight - (event.clientY - drag.current.startY)));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.key === 'ArrowUp' ? KEY_STEP : event.key === 'ArrowDown' ? -KEY_STEP : 0;
    if (delta === 0) return;
    event.preventDefault();
    setHeight(clamp(currentHeight() + delta));
  };
  const share = Math.round(((height ?? currentHeight()) / columnHeight()) * 100);

  return (
    <Box
      ref={dockRef}
      sx={{
        flex: '0 1 auto',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        ...(height === null ? { maxHeight: `${DEFAULT_SHARE * 100}%` } : { height }),
      }}
    >
      <Box
        role="separator"
        aria-orientation="horizontal"
        aria-label={resizeLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Number.isFinite(share) ? share : 0}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={onKeyDown}
        sx={{
          flexShrink: 0,
          height: 10,
          cursor: 'row-resize',
          touchAction: 'none',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          '&::before': { content: '""', width: 48, height: 4, borderRadius: 2, bgcolor: 'divider' },
          '&:hover::before, &:focus-visible::before': { bgcolor: 'primary.main' },
          '&:focus-visible': { outline: 'none' },
        }}
      />
      <Box data-composer-scroll sx={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto' }}>
        {children}
      </Box>
    </Box>
  );
}
