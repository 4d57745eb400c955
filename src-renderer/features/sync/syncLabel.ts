import type { SyncStatus } from '../../../src-shared/contract/workstation';

export type SyncTone = 'ok' | 'busy' | 'offline' | 'signed_out' | 'error';

/** Which face the indicator shows: an error outranks "online" so a stuck outbox is never shown as fine. */
export function syncTone(status: SyncStatus): SyncTone {
  if (status.connection === 'signed_out') return 'signed_out';
  if (status.connection === 'offline') return 'offline';
  if (status.connection === 'syncing') return 'busy';
  return status.lastError === null ? 'ok' : 'error';
}

/** Bootstrap progress as 0..100, or null when the total is not known yet (indeterminate bar). */
export function bootstrapPercent(status: SyncStatus): number | null {
  const bootstrap = status.bootstrap;
  if (bootstrap === null || bootstrap.total === null || bootstrap.total === 0) return null;
  return Math.min(100, Math.round((bootstrap.received / bootstrap.total) * 100));
}
