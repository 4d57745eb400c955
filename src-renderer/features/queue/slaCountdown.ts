import { BREACHING_SOON_MS } from '../../../src-shared/sla/breachingSoon';

export type SlaState = 'none' | 'ok' | 'warning' | 'breached';

/**
 * Display thresholds only: the SLA engine decides breaches; the queue colours a row amber from the same
 * horizon as the "Breaching soon" view and the SLA panel's badge.
 */
export const WARNING_WINDOW_MS = BREACHING_SOON_MS;

export type SlaCountdown = { state: SlaState; remainingMs: number };

/** Remaining time to a deadline measured on the server's clock (local now + server offset). */
export function slaCountdown(dueAt: string | null, localNowMs: number, serverOffsetMs: number): SlaCountdown {
  if (dueAt === null) return { state: 'none', remainingMs: 0 };
  const remainingMs = Date.parse(dueAt) - (localNowMs + serverOffsetMs);
  if (remainingMs < 0) return { state: 'breached', remainingMs };
  return { state: remainingMs <= WARNING_WINDOW_MS ? 'warning' : 'ok', remainingMs };
}
