import { z } from 'zod';

/** What the agent says about themselves in the app: ready for work, or away from the desk. */
export const AGENT_STATUSES = ['online', 'away'] as const;
export const AgentStatusSchema = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

/**
 * What a supervisor sees (SUPERVISION.md): the agent's own status and whether their desk is still heard
 * from. An agent whose desk went quiet either holds cases pinned for offline work or is disconnected.
 */
export const PRESENCES = ['online', 'idle', 'away', 'offline_holding', 'disconnected'] as const;
export const PresenceSchema = z.enum(PRESENCES);
export type Presence = z.infer<typeof PresenceSchema>;

/** The timeouts are configuration: production uses these, tests run them in seconds. */
export interface PresenceTimeouts {
  /** No heartbeat for this long: the desk is gone. */
  disconnectAfterMs: number;
  /** Online but no change pushed for this long: idle. */
  idleAfterMs: number;
  /** After the disconnect, how long leases wait (a reload, a train tunnel) before the cases return to the queue. */
  leaseGraceMs: number;
}

export const DEFAULT_PRESENCE_TIMEOUTS: PresenceTimeouts = {
  disconnectAfterMs: 90_000,
  idleAfterMs: 10 * 60_000,
  leaseGraceMs: 2 * 60_000,
};

/** How often a desk sends its heartbeat while online. */
export const HEARTBEAT_INTERVAL_MS = 60_000;

/** The server's record of a person's desk; null when it never sent a heartbeat. */
export interface PresenceRecord {
  status: AgentStatus;
  lastHeartbeatMs: number;
  lastActivityMs: number;
}

export function isConnected(record: PresenceRecord | null, nowMs: number, timeouts: PresenceTimeouts): boolean {
  return record !== null && nowMs - record.lastHeartbeatMs <= timeouts.disconnectAfterMs;
}

export function derivePresence(
  record: PresenceRecord | null,
  heldOfflineCount: number,
  nowMs: number,
  timeouts: PresenceTimeouts,
): Presence {
  if (!record || !isConnected(record, nowMs, timeouts))
    return heldOfflineCount > 0 ? 'offline_holding' : 'disconnected';
  if (record.status === 'away') return 'away';
  return nowMs - record.lastActivityMs > timeouts.idleAfterMs ? 'idle' : 'online';
}

/** Routing and suggestions consider only agents who said they are online and whose desk is heard from. */
export const isAvailable = (presence: Presence): boolean => presence === 'online' || presence === 'idle';

/** When a disconnected agent's un-pinned leases end: the last heartbeat, the disconnect timeout, the grace. */
export function leaseExpiryMs(record: PresenceRecord, timeouts: PresenceTimeouts): number {
  return record.lastHeartbeatMs + timeouts.disconnectAfterMs + timeouts.leaseGraceMs;
}
