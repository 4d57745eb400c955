import { useEffect, useState } from 'react';

/**
 * One ticking clock for a whole screen, so every countdown on it moves together and rows or fields do not
 * each own a timer.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
