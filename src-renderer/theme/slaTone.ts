import type { SlaState } from '../../src-shared/sla/evaluate';

/**
 * One look per SLA state wherever it shows (the queue's SLA column and the case's SLA panel), so the
 * agent reads a state the same way in both. Text and border pairs with at least 4.5:1 contrast on white
 * (axe checks the queue and the case view in e2e).
 */
export const SLA_TONE: Record<SlaState, { color: string; borderColor: string }> = {
  active: { color: '#01579b', borderColor: '#0277bd' },
  warning: { color: '#7a4100', borderColor: '#b86e00' },
  breached: { color: '#a3161a', borderColor: '#c62828' },
  achieved: { color: '#1b5e20', borderColor: '#2e7d32' },
  paused: { color: 'text.secondary', borderColor: 'divider' },
  cancelled: { color: 'text.secondary', borderColor: 'divider' },
};
