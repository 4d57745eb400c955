import type { AgentStatus, PresenceRecord, PresenceTimeouts } from '../../src-shared/supervision/presence';
import { isConnected } from '../../src-shared/supervision/presence';
import type { Queryable } from '../db/db';
import { textArray } from '../db/sqlArray';

type PresenceRow = {
  user_id: string;
  status: AgentStatus;
  last_heartbeat_ms: number;
  last_activity_ms: number;
};

const recordOf = (row: PresenceRow): PresenceRecord => ({
  status: row.status,
  lastHeartbeatMs: row.last_heartbeat_ms,
  lastActivityMs: row.last_activity_ms,
});

/**
 * A desk's heartbeat: the person is heard from now, in the status they set. Answers whether a supervisor's
 * screen should hear of it: the status changed, or the desk came back after a disconnect.
 */
export async function recordHeartbeat(
  tx: Queryable,
  userId: string,
  status: AgentStatus,
  nowMs: number,
  timeouts: PresenceTimeouts,
): Promise<{ isNews: boolean }> {
  const before = await tx.query<PresenceRow>('SELECT * FROM agent_presence WHERE user_id = $1 FOR UPDATE', [userId]);
  const previous = before[0] ? recordOf(before[0]) : null;
  await tx.query(
    `INSERT INTO agent_presence (user_id, status, last_heartbeat_ms, last_activity_ms, status_changed_ms)
     VALUES ($1, $2, $3, $3, $3)
     ON CONFLICT (user_id) DO UPDATE SET last_heartbeat_ms = EXCLUDED.last_heartbeat_ms,
       status_changed_ms = CASE WHEN agent_presence.status = EXCLUDED.status THEN agent_presence.status_changed_ms ELSE EXCLUDED.status_changed_ms END,
       status = EXCLUDED.status`,
    [userId, status, nowMs],
  );
  return { isNews: previous === null || previous.status !== status || !isConnected(previous, nowMs, timeouts) };
}

/** A push of mutations is work: the agent is not idle. Only for people whose desk sends heartbeats. */
export async function recordActivity(tx: Queryable, userId: string, nowMs: number): Promise<void> {
  await tx.query(
    'UPDATE agent_presence SET last_activity_ms = $2, last_heartbeat_ms = GREATEST(last_heartbeat_ms, $2) WHERE user_id = $1',
    [userId, nowMs],
  );
}

export async function readPresence(tx: Queryable, userIds: readonly string[]): Promise<Map<string, PresenceRecord>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.query<PresenceRow>('SELECT * FROM agent_presence WHERE user_id = ANY($1::text[])', [
    textArray(userIds),
  ]);
  return new Map(rows.map((row) => [row.user_id, recordOf(row)]));
}

/**
 * People whose leases have run out: heard from once, silent past the disconnect timeout and the grace
 * period. A person who never sent a heartbeat holds no lease (cases assigned before presence existed stay).
 */
export async function expiredLeaseHolders(tx: Queryable, nowMs: number, timeouts: PresenceTimeouts): Promise<string[]> {
  const rows = await tx.query<{ user_id: string }>(
    'SELECT user_id FROM agent_presence WHERE last_heartbeat_ms < $1 ORDER BY user_id',
    [nowMs - timeouts.disconnectAfterMs - timeouts.leaseGraceMs],
  );
  return rows.map((row) => row.user_id);
}

/** People whose desk went silent between two sweeps: the supervisors' screens hear of it then. */
export async function newlyDisconnected(
  tx: Queryable,
  sinceMs: number,
  nowMs: number,
  timeouts: PresenceTimeouts,
): Promise<string[]> {
  const rows = await tx.query<{ user_id: string }>(
    'SELECT user_id FROM agent_presence WHERE last_heartbeat_ms >= $1 AND last_heartbeat_ms < $2',
    [sinceMs - timeouts.disconnectAfterMs, nowMs - timeouts.disconnectAfterMs],
  );
  return rows.map((row) => row.user_id);
}
