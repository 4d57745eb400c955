import { createHash } from 'node:crypto';
import type { VerifyResponse } from '../../src-shared/sync/protocol';
import { verifyLine } from '../../src-shared/sync/protocol';
import type { Principal } from '../auth/principal';
import type { Queryable, SqlParam } from '../db/db';
import { visibleSql } from './scope';

type VersionRow = { entity: 'case' | 'message' | 'note' | 'case_event'; id: string; version: number };

/** {count, hash} of the caller's scope by the formula documented in src-shared/sync/protocol.ts. */
export async function verify(db: Queryable, principal: Principal): Promise<VerifyResponse> {
  const params: SqlParam[] = [];
  const visible = visibleSql(principal, 'c.team_id', 'c.assignee_id', params);
  const rows = await db.query<VersionRow>(
    `WITH scoped AS (SELECT id, version FROM cases c WHERE ${visible})
     SELECT 'case' AS entity, id, version FROM scoped
     UNION ALL SELECT 'message', m.id, m.version FROM messages m JOIN scoped s ON s.id = m.case_id
     UNION ALL SELECT 'note', n.id, n.version FROM notes n JOIN scoped s ON s.id = n.case_id
     UNION ALL SELECT 'case_event', e.id, e.version FROM case_events e JOIN scoped s ON s.id = e.case_id`,
    params,
  );
  // Sorted in JS rather than ORDER BY: the database's collation is not byte order.
  const lines = rows.map((row) => verifyLine(row.entity, row.id, row.version)).sort(byteOrder);
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return { count: lines.length, hash: hash.digest('hex') };
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
