import type { RollupContribution } from '../../src-shared/supervision/cells';
import type { RollupCheck } from '../../src-shared/supervision/views';
import type { Queryable } from '../db/db';
import { OPEN_CASE_SQL } from './pins';

/** A case before and after a write; null where it did not exist or was not open. */
export type RollupChange = readonly [before: RollupContribution | null, after: RollupContribution | null];

interface CellDelta {
  team_id: string;
  market: string;
  language: string;
  case_type: string;
  due_slot: number;
  open_count: number;
  unassigned_count: number;
}
interface AgentDelta {
  assignee_id: string;
  due_slot: number;
  open_count: number;
}

const cellKey = (c: RollupContribution) => [c.teamId, c.market, c.language, c.caseType, c.dueSlot].join('|');

/** The rows to add to each rollup for a batch of changes: one per key, zero deltas left out. */
export function rollupDeltas(changes: readonly RollupChange[]): { cells: CellDelta[]; agents: AgentDelta[] } {
  const cells = new Map<string, CellDelta>();
  const agents = new Map<string, AgentDelta>();
  const count = (c: RollupContribution | null, sign: 1 | -1) => {
    if (!c) return;
    const key = cellKey(c);
    const cell = cells.get(key) ?? {
      team_id: c.teamId,
      market: c.market,
      language: c.language,
      case_type: c.caseType,
      due_slot: c.dueSlot,
      open_count: 0,
      unassigned_count: 0,
    };
    cell.open_count += sign;
    if (c.assigneeId === null) cell.unassigned_count += sign;
    cells.set(key, cell);
    if (c.assigneeId !== null) {
      const agentKey = `${c.assigneeId}|${c.dueSlot}`;
      const agent = agents.get(agentKey) ?? { assignee_id: c.assigneeId, due_slot: c.dueSlot, open_count: 0 };
      agent.open_count += sign;
      agents.set(agentKey, agent);
    }
  };
  for (const [before, after] of changes) {
    count(before, -1);
    count(after, 1);
  }
  return {
    cells: [...cells.values()].filter((cell) => cell.open_count !== 0 || cell.unassigned_count !== 0),
    agents: [...agents.values()].filter((agent) => agent.open_count !== 0),
  };
}

/**
 * Moves the rollups by what a batch of case writes changed, in the writer's transaction. Writers of cases
 * hold the change-log lock (UnitOfWork.flush) or run before any client (insertSnapshot), so two batches
 * never update the same rollup rows at once.
 */
export async function applyRollupChanges(tx: Queryable, changes: readonly RollupChange[]): Promise<void> {
  const { cells, agents } = rollupDeltas(changes);
  if (cells.length > 0) {
    await tx.query(
      `INSERT INTO cell_rollup (team_id, market, language, case_type, due_slot, open_count, unassigned_count)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(team_id text, market text, language text, case_type text,
         due_slot bigint, open_count integer, unassigned_count integer)
       ON CONFLICT (team_id, market, language, case_type, due_slot) DO UPDATE SET
         open_count = cell_rollup.open_count + EXCLUDED.open_count,
         unassigned_count = cell_rollup.unassigned_count + EXCLUDED.unassigned_count`,
      [JSON.stringify(cells)],
    );
    const emptied = cells.filter((cell) => cell.open_count < 0);
    if (emptied.length > 0)
      await tx.query(
        `DELETE FROM cell_rollup r USING jsonb_to_recordset($1::jsonb) AS x(team_id text, market text, language text,
           case_type text, due_slot bigint)
         WHERE r.team_id = x.team_id AND r.market = x.market AND r.language = x.language AND r.case_type = x.case_type
           AND r.due_slot = x.due_slot AND r.open_count = 0`,
        [JSON.stringify(emptied)],
      );
  }
  if (agents.length > 0) {
    await tx.query(
      `INSERT INTO agent_rollup (assignee_id, due_slot, open_count)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(assignee_id text, due_slot bigint, open_count integer)
       ON CONFLICT (assignee_id, due_slot) DO UPDATE SET open_count = agent_rollup.open_count + EXCLUDED.open_count`,
      [JSON.stringify(agents)],
    );
    const emptied = agents.filter((agent) => agent.open_count < 0);
    if (emptied.length > 0)
      await tx.query(
        `DELETE FROM agent_rollup r USING jsonb_to_recordset($1::jsonb) AS x(assignee_id text, due_slot bigint)
         WHERE r.assignee_id = x.assignee_id AND r.due_slot = x.due_slot AND r.open_count = 0`,
        [JSON.stringify(emptied)],
      );
  }
}

/** The due slot of a case row in SQL: the twin of dueSlotOf (src-shared/supervision/cells.ts). */
export const DUE_SLOT_SQL = "COALESCE(floor(extract(epoch FROM (data->>'slaDueAt')::timestamptz) / 900)::bigint, -1)";
export const CELL_COLUMNS_SQL =
  "data->'customer'->>'market' AS market, split_part(data->>'locale', '-', 1) AS language, data->>'type' AS case_type";

/**
 * The consistency check: both rollups recounted from the case rows (a full scan, never on a request path)
 * and compared key by key with what is stored. No drift is an empty list.
 */
export async function checkRollups(db: Queryable): Promise<RollupCheck> {
  const drift: RollupCheck['drift'] = [];
  const compare = (
    table: RollupCheck['drift'][number]['table'],
    stored: Map<string, number>,
    counted: Map<string, number>,
  ) => {
    for (const key of new Set([...stored.keys(), ...counted.keys()])) {
      const a = stored.get(key) ?? 0;
      const b = counted.get(key) ?? 0;
      if (a !== b) drift.push({ table, key, stored: a, counted: b });
    }
  };
  type CellRow = { key: string; open_count: number; unassigned_count: number };
  const storedCells = await db.query<CellRow>(
    `SELECT concat_ws('|', team_id, market, language, case_type, due_slot) AS key, open_count, unassigned_count FROM cell_rollup`,
  );
  const countedCells = await db.query<CellRow>(
    `SELECT concat_ws('|', team_id, market, language, case_type, due_slot) AS key, count(*)::int AS open_count,
       (count(*) FILTER (WHERE assignee_id IS NULL))::int AS unassigned_count
     FROM (SELECT team_id, assignee_id, ${CELL_COLUMNS_SQL}, ${DUE_SLOT_SQL} AS due_slot FROM cases WHERE ${OPEN_CASE_SQL}) c
     GROUP BY team_id, market, language, case_type, due_slot`,
  );
  const flatten = (rows: CellRow[]) =>
    new Map(
      rows.flatMap((row) => [
        [`open|${row.key}`, row.open_count] as const,
        [`unassigned|${row.key}`, row.unassigned_count] as const,
      ]),
    );
  compare('cell_rollup', flatten(storedCells), flatten(countedCells));
  type AgentRow = { key: string; open_count: number };
  const storedAgents = await db.query<AgentRow>(
    `SELECT concat_ws('|', assignee_id, due_slot) AS key, open_count FROM agent_rollup`,
  );
  const countedAgents = await db.query<AgentRow>(
    `SELECT concat_ws('|', assignee_id, ${DUE_SLOT_SQL}) AS key, count(*)::int AS open_count
     FROM cases WHERE ${OPEN_CASE_SQL} AND assignee_id IS NOT NULL GROUP BY 1`,
  );
  const byKey = (rows: AgentRow[]) => new Map(rows.map((row) => [row.key, row.open_count]));
  compare('agent_rollup', byKey(storedAgents), byKey(countedAgents));
  return { cells: storedCells.length, agents: storedAgents.length, drift };
}
