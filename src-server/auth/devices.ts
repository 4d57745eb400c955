import type { Queryable } from '../db/db';
import { hashToken } from './tokens';

export interface DeviceRevocation {
  clientId: string;
  revokedAt: string;
  /** Live tokens of the device that stopped working with this revocation. */
  tokensRevoked: number;
}

/**
 * An admin revokes one desktop install: it is recorded (once; repeating it changes nothing) and every
 * live token it signed in with is revoked at the same moment.
 */
export async function revokeDevice(
  db: Queryable,
  clientId: string,
  byUserId: string,
  nowMs: number,
): Promise<DeviceRevocation> {
  await db.query(
    'INSERT INTO revoked_devices (client_id, revoked_by, revoked_ms) VALUES ($1, $2, $3) ON CONFLICT (client_id) DO NOTHING',
    [clientId, byUserId, nowMs],
  );
  const revoked = await db.query<{ token_hash: string }>(
    'UPDATE auth_tokens SET revoked_ms = $2 WHERE client_id = $1 AND revoked_ms IS NULL RETURNING token_hash',
    [clientId, nowMs],
  );
  const rows = await db.query<{ revoked_ms: string | number }>(
    'SELECT revoked_ms FROM revoked_devices WHERE client_id = $1',
    [clientId],
  );
  return {
    clientId,
    revokedAt: new Date(Number(rows[0]?.revoked_ms ?? nowMs)).toISOString(),
    tokensRevoked: revoked.length,
  };
}

export async function isDeviceRevoked(db: Queryable, clientId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM revoked_devices WHERE client_id = $1', [clientId]);
  return rows.length > 0;
}

/** Whether a token that no longer works belonged to a revoked device (the desk then wipes its data). */
export async function isTokenOfRevokedDevice(db: Queryable, token: string): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM auth_tokens t JOIN revoked_devices d ON d.client_id = t.client_id WHERE t.token_hash = $1',
    [hashToken(token)],
  );
  return rows.length > 0;
}
