import type { Case, CaseEvent, Message, Note } from '../../src-shared/domain/case';
import type { Queryable } from '../db/db';
import { contributionOf } from '../../src-shared/supervision/cells';
import { applyRollupChanges } from '../supervision/rollups';

export interface CaseSnapshot {
  cases: readonly Case[];
  messages: readonly Message[];
  notes: readonly Note[];
  events: readonly CaseEvent[];
}

const CHUNK = 500;

/**
 * Loads cases and their children as they are (seeding, fixtures, benchmarks), without change-log rows:
 * clients see them through bootstrap. Only for data that exists before any client has a cursor.
 */
export async function insertSnapshot(db: Queryable, snapshot: CaseSnapshot, nowMs: number): Promise<void> {
  for (let start = 0; start < snapshot.cases.length; start += CHUNK) {
    const rows = snapshot.cases.slice(start, start + CHUNK).map((data) => ({
      id: data.id,
      ref: data.ref,
      team_id: data.teamId,
      assignee_id: data.assigneeId,
      status: data.status,
      version: data.version,
      assignee_version: data.assigneeVersion,
      merged_into_id: data.mergedIntoId,
      assignee_changed_ms: nowMs,
      data,
    }));
    await db.query(
      `INSERT INTO cases (id, ref, team_id, assignee_id, status, version, assignee_version, merged_into_id, assignee_changed_ms, data)
       SELECT id, ref, team_id, assignee_id, status, version, assignee_version, merged_into_id, assignee_changed_ms, data
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, ref text, team_id text, assignee_id text, status text, version integer,
         assignee_version integer, merged_into_id text, assignee_changed_ms bigint, data jsonb)`,
      [JSON.stringify(rows)],
    );
    await applyRollupChanges(
      db,
      snapshot.cases.slice(start, start + CHUNK).map((data) => [null, contributionOf(data)] as const),
    );
  }
  await insertChildren(db, 'messages', snapshot.messages);
  await insertChildren(db, 'notes', snapshot.notes);
  await insertChildren(db, 'case_events', snapshot.events);
  // Refs from the snapshot must never be minted again by new cases.
  await db.query(
    `SELECT setval('case_ref_seq', GREATEST((SELECT last_value FROM case_ref_seq),
       COALESCE((SELECT max(substring(ref FROM 4)::bigint) FROM cases), 0) + 1), false)`,
  );
}

async function insertChildren(
  db: Queryable,
  table: 'messages' | 'notes' | 'case_events',
  rows: readonly { id: string; caseId: string }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((data) => ({ id: data.id, case_id: data.caseId, data }));
    await db.query(
      `INSERT INTO ${table} (id, case_id, version, data)
       SELECT id, case_id, 1, data FROM jsonb_to_recordset($1::jsonb) AS x(id text, case_id text, data jsonb)`,
      [JSON.stringify(chunk)],
    );
  }
}
