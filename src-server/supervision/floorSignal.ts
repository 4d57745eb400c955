import type { Queryable } from '../db/db';
import { textArray } from '../db/sqlArray';
import { SYNC_CHANNEL } from '../sync/unitOfWork';

/**
 * Tells the supervisors of these people's teams (every API process, through NOTIFY) that presence changed:
 * their screens read the rollups again. Delivered at commit, like pokes.
 */
export async function signalFloor(tx: Queryable, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await tx.query<{ team_id: string }>(
    'SELECT DISTINCT team_id FROM team_members WHERE user_id = ANY($1::text[]) ORDER BY team_id',
    [textArray(userIds)],
  );
  if (rows.length === 0) return;
  await tx.query('SELECT pg_notify($1, $2)', [
    SYNC_CHANNEL,
    JSON.stringify({ floor: true, teams: rows.map((row) => row.team_id) }),
  ]);
}
