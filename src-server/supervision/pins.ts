import type { Queryable } from '../db/db';

/** A case's pin as SQL sees it (Case.heldOffline.by); the partial index cases_held_offline covers it. */
export const PINNED_BY_SQL = "(data->'heldOffline'->>'by')";
export const OPEN_CASE_SQL = "status NOT IN ('solved', 'closed') AND merged_into_id IS NULL";

/** How many open cases a user has pinned for offline work (the limit of the pin rule). */
export async function countPins(tx: Queryable, userId: string): Promise<number> {
  const rows = await tx.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM cases WHERE ${PINNED_BY_SQL} = $1 AND ${OPEN_CASE_SQL}`,
    [userId],
  );
  return rows[0]?.count ?? 0;
}
