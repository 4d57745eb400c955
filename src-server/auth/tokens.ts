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

export async function authenticate(db: Queryable, token: string, nowMs: number): Promise<Principal | undefined> {
  const rows = await db.query<{ user_id: string }>(
    'SELECT user_id FROM auth_tokens WHERE token_hash = $1 AND revoked_ms IS NULL AND expires_ms > $2',
    [hashToken(token), nowMs],
  );
  const row = rows[0];
  if (!row) return undefined;
  const user = await loadUser(db, row.user_id);
  return user ? principalOf(user) : undefined;
}

export async function revokeToken(db: Queryable, token: string, nowMs: number): Promise<void> {
  await db.query('UPDATE auth_tokens SET revoked_ms = $2 WHERE token_hash = $1 AND revoked_ms IS NULL', [
    hashToken(token),
    nowMs,
  ]);
}
