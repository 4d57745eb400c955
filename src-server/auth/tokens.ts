import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';
import type { Principal } from './principal';
import { loadUser, principalOf } from './directory';

/** Only a hash of each bearer token is stored, so a leaked database does not leak live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(
  db: Queryable,
  userId: string,
  nowMs: number,
  ttlMs: number,
  /** The desktop install signing in (its client id), so revoking that device revokes this token. */
  clientId: string | null = null,
): Promise<{ token: string; expiresMs: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresMs = nowMs + ttlMs;
  await db.query(
    'INSERT INTO auth_tokens (token_hash, user_id, created_ms, expires_ms, client_id) VALUES ($1, $2, $3, $4, $5)',
    [hashToken(token), userId, nowMs, expiresMs, clientId],
  );
  return { token, expiresMs };
}

/** Who a live bearer token belongs to, and when it stops working. */
export interface Session {
  principal: Principal;
  tokenHash: string;
  expiresMs: number;
}

export async function authenticate(db: Queryable, token: string, nowMs: number): Promise<Session | undefined> {
  const tokenHash = hashToken(token);
  const rows = await db.query<{ user_id: string; expires_ms: string | number }>(
    'SELECT user_id, expires_ms FROM auth_tokens WHERE token_hash = $1 AND revoked_ms IS NULL AND expires_ms > $2',
    [tokenHash, nowMs],
  );
  const row = rows[0];
  if (!row) return undefined;
  const user = await loadUser(db, row.user_id);
  return user ? { principal: principalOf(user), tokenHash, expiresMs: Number(row.expires_ms) } : undefined;
}

/** Whether a token (by hash) still works: event streams ask on every heartbeat (issue 19.7). */
export async function isTokenLive(db: Queryable, tokenHash: string, nowMs: number): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM auth_tokens WHERE token_hash = $1 AND revoked_ms IS NULL AND expires_ms > $2',
    [tokenHash, nowMs],
  );
  return rows.length > 0;
}

export async function revokeToken(db: Queryable, token: string, nowMs: number): Promise<void> {
  await db.query('UPDATE auth_tokens SET revoked_ms = $2 WHERE token_hash = $1 AND revoked_ms IS NULL', [
    hashToken(token),
    nowMs,
  ]);
}
