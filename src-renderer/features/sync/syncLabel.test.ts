import { describe, expect, it } from 'vitest';
import { bootstrapPercent, syncTone } from './syncLabel';

const base = {
  connection: 'online' as const,
  pendingCount: 0,
  lastSyncedAt: null,
  serverOffsetMs: 0,
  bootstrap: null,
  lastError: null,
};

describe('sync indicator state', () => {
  it('shows an error while online instead of a green light', () => {
    expect(syncTone(base)).toBe('ok');
    expect(syncTone({ ...base, lastError: { code: 'SERVER_UNAVAILABLE' } })).toBe('error');
    expect(syncTone({ ...base, connection: 'offline', lastError: { code: 'NETWORK' } })).toBe('offline');
    expect(syncTone({ ...base, connection: 'syncing' })).toBe('busy');
    expect(syncTone({ ...base, connection: 'signed_out' })).toBe('signed_out');
  });

  it('reports bootstrap progress only when the total is known', () => {
    expect(bootstrapPercent({ ...base, bootstrap: { received: 250, total: 1000 } })).toBe(25);
    expect(bootstrapPercent({ ...base, bootstrap: { received: 250, total: null } })).toBeNull();
    expect(bootstrapPercent({ ...base, bootstrap: { received: 0, total: 0 } })).toBeNull();
    expect(bootstrapPercent(base)).toBeNull();
  });
});
