import type { SlaState } from './evaluate';

/**
 * How close a deadline is when the agent is told it is breaching soon: the queue's "Breaching soon" view,
 * the amber of a queue row and the SLA panel's badge all use this one horizon, so a case never reads as
 * breaching soon in one place and on track in another.
 */
export const BREACHING_SOON_MS = 4 * 3_600_000;

/** The engine's state as the agent is shown it: a running target inside the horizon is breaching soon. */
export function shownSlaState(state: SlaState, remainingMs: number | null): SlaState {
  return state === 'active' && remainingMs !== null && remainingMs <= BREACHING_SOON_MS ? 'warning' : state;
}
