import type { Case } from '../../src-shared/domain/case';
import { UserSchema, type User } from '../../src-shared/domain/user';
import { DUE_SLOT_MS, dueSlotOf, languageOf, NO_DUE_SLOT } from '../../src-shared/supervision/cells';
import type { PresenceRecord, PresenceTimeouts } from '../../src-shared/supervision/presence';
import { derivePresence, isAvailable } from '../../src-shared/supervision/presence';
import type { AgentRow, FloorCell, SupervisedCase, SupervisedCaseQuery } from '../../src-shared/supervision/views';
import { DEFAULT_CAPACITY, FloorCellSchema, SupervisedCaseQuerySchema } from '../../src-shared/supervision/views';
import type { Principal } from '../auth/principal';
import type { Queryable, SqlParam } from '../db/db';
import { textArray } from '../db/sqlArray';
import { HttpError } from '../http/httpError';
import { OPEN_CASE_SQL, PINNED_BY_SQL } from './pins';
import { readPresence } from './presenceStore';
import { CELL_COLUMNS_SQL } from './rollups';

const HOUR_MS = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The teams whose floor a person supervises: a supervisor's own, every team for an admin. Anyone else is
 * refused, whatever they ask for (the console is role-gated on the server as well as in the desk).
 */
export async function supervisedTeams(db: Queryable, principal: Principal): Promise<string[]> {
  if (principal.role === 'supervisor') return [...principal.teamIds];
  if (principal.role === 'admin')
    return (await db.query<{ id: string }>('SELECT id FROM teams ORDER BY id')).map((row) => row.id);
  throw new HttpError(403, 'FORBIDDEN', 'only a supervisor or an admin may use the supervisor console');
}

/** An agent as the console and routing see them: skills, capacity, presence, load. */
export interface AgentState {
  user: User;
  capacity: number;
  record: PresenceRecord | null;
  load: number;
  heldOffline: number;
  nextDueAt: string | null;
}

export async function readAgentStates(db: Queryable, teams: readonly string[]): Promise<AgentState[]> {
  const users = await db.query<{ data: unknown; capacity: number }>(
    `SELECT u.data, COALESCE(c.capacity, $2) AS capacity FROM users u LEFT JOIN agent_capacity c ON c.user_id = u.id
     WHERE u.role = 'agent' AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.user_id = u.id AND tm.team_id = ANY($1::text[]))
     ORDER BY u.username`,
    [textArray(teams), DEFAULT_CAPACITY],
  );
  const ids = users.map((row) => UserSchema.parse(row.data).id);
  if (ids.length === 0) return [];
  const idArray = textArray(ids);
  const [presence, loads, nextDue, pins] = await Promise.all([
    readPresence(db, ids),
    db.query<{ assignee_id: string; load: number }>(
      'SELECT assignee_id, sum(open_count)::int AS load FROM agent_rollup WHERE assignee_id = ANY($1::text[]) GROUP BY 1',
      [idArray],
    ),
    // One index probe per agent (cases_open_assignee_due), never a scan of their cases.
    db.query<{ id: string; next_due: string | null }>(
      `SELECT a.id, (SELECT data->>'slaDueAt' FROM cases WHERE assignee_id = a.id AND assignee_id IS NOT NULL AND ${OPEN_CASE_SQL}
         AND (data->>'slaDueAt') IS NOT NULL ORDER BY data->>'slaDueAt' LIMIT 1) AS next_due
       FROM unnest($1::text[]) AS a(id)`,
      [idArray],
    ),
    db.query<{ user_id: string; count: number }>(
      `SELECT ${PINNED_BY_SQL} AS user_id, count(*)::int AS count FROM cases
       WHERE ${PINNED_BY_SQL} = ANY($1::text[]) AND ${OPEN_CASE_SQL} GROUP BY 1`,
      [idArray],
    ),
  ]);
  const loadOf = new Map(loads.map((row) => [row.assignee_id, row.load]));
  const dueOf = new Map(nextDue.map((row) => [row.id, row.next_due]));
  const pinsOf = new Map(pins.map((row) => [row.user_id, row.count]));
  return users.map((row) => {
    const user = UserSchema.parse(row.data);
    return {
      user,
      capacity: row.capacity,
      record: presence.get(user.id) ?? null,
      load: loadOf.get(user.id) ?? 0,
      heldOffline: pinsOf.get(user.id) ?? 0,
      nextDueAt: dueOf.get(user.id) ?? null,
    };
  });
}

export function agentRow(state: AgentState, nowMs: number, timeouts: PresenceTimeouts): AgentRow {
  const { user, record } = state;
  return {
    id: user.id,
    displayName: user.displayName,
    username: user.username,
    teamIds: user.teamIds,
    presence: derivePresence(record, state.heldOffline, nowMs, timeouts),
    status: record?.status ?? null,
    lastSyncAt: record ? iso(Math.max(record.lastHeartbeatMs, record.lastActivityMs)) : null,
    load: state.load,
    capacity: state.capacity,
    nextDueAt: state.nextDueAt,
    heldOffline: state.heldOffline,
    languages: user.languages,
    markets: user.skills.markets,
  };
}

/** Whether an agent could take a case of this cell now: online, the language, the market and the type, room left. */
export function isEligibleFor(
  state: AgentState,
  cell: { market: string; language: string; caseType: string },
  nowMs: number,
  timeouts: PresenceTimeouts,
): boolean {
  const { user } = state;
  return (
    isAvailable(derivePresence(state.record, state.heldOffline, nowMs, timeouts)) &&
    state.load < state.capacity &&
    user.languages.some((locale) => languageOf(locale) === cell.language) &&
    (user.skills.markets.length === 0 || user.skills.markets.some((market) => market === cell.market)) &&
    (user.skills.caseTypes.length === 0 || user.skills.caseTypes.some((type) => type === cell.caseType))
  );
}

type CellKeyRow = { market: string; language: string; case_type: string };
const keyOf = (row: CellKeyRow) => `${row.market}|${row.language}|${row.case_type}`;

/**
 * The Floor from the rollups: counts per cell are prefix sums over 15-minute due slots; inside the slot
 * the clock (or the 1 h / 4 h mark) falls in, the exact count comes from an index range over those few
 * minutes of due times. No request scans the cases table.
 */
export async function readFloor(
  db: Queryable,
  teams: readonly string[],
  agents: readonly AgentState[],
  nowMs: number,
  timeouts: PresenceTimeouts,
): Promise<FloorCell[]> {
  if (teams.length === 0) return [];
  const teamArray = textArray(teams);
  const slots = await db.query<CellKeyRow & { due_slot: number; open_count: number; unassigned_count: number }>(
    `SELECT market, language, case_type, due_slot, sum(open_count)::int AS open_count, sum(unassigned_count)::int AS unassigned_count
     FROM cell_rollup WHERE team_id = ANY($1::text[]) GROUP BY 1, 2, 3, 4`,
    [teamArray],
  );
  const marks = [nowMs, nowMs + HOUR_MS, nowMs + 4 * HOUR_MS];
  const ranges = marks.map((mark) => [iso(dueSlotOf(mark) * DUE_SLOT_MS), iso(mark)] as const);
  const partial = await db.query<CellKeyRow & { p0: number; p1: number; p4: number }>(
    `SELECT market, language, case_type,
       (count(*) FILTER (WHERE due >= $2 AND due < $3))::int AS p0,
       (count(*) FILTER (WHERE due >= $4 AND due < $5))::int AS p1,
       (count(*) FILTER (WHERE due >= $6 AND due < $7))::int AS p4
     FROM (SELECT ${CELL_COLUMNS_SQL}, data->>'slaDueAt' AS due FROM cases
           WHERE team_id = ANY($1::text[]) AND ${OPEN_CASE_SQL}
             AND ((data->>'slaDueAt') >= $2 AND (data->>'slaDueAt') < $3
               OR (data->>'slaDueAt') >= $4 AND (data->>'slaDueAt') < $5
               OR (data->>'slaDueAt') >= $6 AND (data->>'slaDueAt') < $7)) c
     GROUP BY 1, 2, 3`,
    [teamArray, ...ranges.flat()],
  );
  const partialOf = new Map(partial.map((row) => [keyOf(row), [row.p0, row.p1, row.p4] as const]));

  interface Tally {
    key: CellKeyRow;
    open: number;
    unassigned: number;
    before: [number, number, number];
    minSlot: number | null;
  }
  const tallies = new Map<string, Tally>();
  const markSlots = marks.map(dueSlotOf);
  for (const row of slots) {
    const key = keyOf(row);
    const tally = tallies.get(key) ?? { key: row, open: 0, unassigned: 0, before: [0, 0, 0], minSlot: null };
    tally.open += row.open_count;
    tally.unassigned += row.unassigned_count;
    if (row.due_slot !== NO_DUE_SLOT && row.open_count > 0) {
      for (const index of [0, 1, 2] as const)
        if (row.due_slot < (markSlots[index] ?? 0)) tally.before[index] += row.open_count;
      tally.minSlot = tally.minSlot === null ? row.due_slot : Math.min(tally.minSlot, row.due_slot);
    }
    tallies.set(key, tally);
  }
  const oldestSlots = [
    ...new Set([...tallies.values()].flatMap((tally) => (tally.minSlot === null ? [] : [tally.minSlot]))),
  ];
  const oldest = oldestSlots.length
    ? await db.query<CellKeyRow & { oldest: string }>(
        `SELECT market, language, case_type, min(due) AS oldest
         FROM (SELECT ${CELL_COLUMNS_SQL}, data->>'slaDueAt' AS due FROM cases
               JOIN unnest($2::text[], $3::text[]) AS r(lo, hi) ON (data->>'slaDueAt') >= r.lo AND (data->>'slaDueAt') < r.hi
               WHERE team_id = ANY($1::text[]) AND ${OPEN_CASE_SQL}) c
         GROUP BY 1, 2, 3`,
        [
          teamArray,
          textArray(oldestSlots.map((slot) => iso(slot * DUE_SLOT_MS))),
          textArray(oldestSlots.map((slot) => iso((slot + 1) * DUE_SLOT_MS))),
        ],
      )
    : [];
  const oldestOf = new Map(oldest.map((row) => [keyOf(row), row.oldest]));

  const cells: FloorCell[] = [];
  for (const [key, tally] of tallies) {
    if (tally.open <= 0) continue;
    const exact = partialOf.get(key) ?? [0, 0, 0];
    const [breached, by1h, by4h] = [0, 1, 2].map((index) => (tally.before[index] ?? 0) + (exact[index] ?? 0));
    const cell = { market: tally.key.market, language: tally.key.language, caseType: tally.key.case_type };
    cells.push(
      FloorCellSchema.parse({
        market: cell.market,
        language: cell.language,
        caseType: cell.caseType,
        open: tally.open,
        unassigned: tally.unassigned,
        breached: breached ?? 0,
        dueWithin1h: (by1h ?? 0) - (breached ?? 0),
        dueWithin4h: (by4h ?? 0) - (breached ?? 0),
        oldestDueAt: oldestOf.get(key) ?? null,
        eligibleAgents: agents.filter((agent) => isEligibleFor(agent, cell, nowMs, timeouts)).length,
      }),
    );
  }
  return cells.sort((a, b) => b.breached - a.breached || b.dueWithin1h - a.dueWithin1h || b.open - a.open);
}

/**
 * Cases of the supervised teams by SLA due time (At risk, a Floor cell, one agent's, the queue), with who
 * holds them. Open cases only; those without a deadline come last.
 */
export async function readSupervisedCases(
  db: Queryable,
  teams: readonly string[],
  agents: readonly AgentState[],
  query: SupervisedCaseQuery,
  nowMs: number,
  timeouts: PresenceTimeouts,
): Promise<SupervisedCase[]> {
  const parsed = SupervisedCaseQuerySchema.parse(query);
  const params: SqlParam[] = [textArray(teams)];
  const where = [`team_id = ANY($1::text[])`, OPEN_CASE_SQL];
  const add = (sql: string, value: SqlParam) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (parsed.market) add(`data->'customer'->>'market' = ?`, parsed.market);
  if (parsed.language) add(`split_part(data->>'locale', '-', 1) = ?`, parsed.language);
  if (parsed.caseType) add(`data->>'type' = ?`, parsed.caseType);
  if (parsed.assigneeId) add('assignee_id = ?', parsed.assigneeId);
  if (parsed.unassigned) where.push('assignee_id IS NULL');
  params.push(parsed.limit);
  const rows = await db.query<{ data: Case; assignee_changed_ms: number }>(
    `SELECT data, assignee_changed_ms FROM cases WHERE ${where.join(' AND ')}
     ORDER BY data->>'slaDueAt' NULLS LAST, id LIMIT $${params.length}`,
    params,
  );
  const byId = new Map(agents.map((agent) => [agent.user.id, agent]));
  const missing = [
    ...new Set(
      rows.flatMap((row) => (row.data.assigneeId && !byId.has(row.data.assigneeId) ? [row.data.assigneeId] : [])),
    ),
  ];
  const others = missing.length
    ? await db.query<{ id: string; display_name: string }>(
        "SELECT id, data->>'displayName' AS display_name FROM users WHERE id = ANY($1::text[])",
        [textArray(missing)],
      )
    : [];
  const nameOf = new Map(others.map((row) => [row.id, row.display_name]));
  return rows.map(({ data, assignee_changed_ms }) => {
    const agent = data.assigneeId ? byId.get(data.assigneeId) : undefined;
    return {
      id: data.id,
      ref: data.ref,
      subject: data.subject,
      teamId: data.teamId,
      market: data.customer.market,
      locale: data.locale,
      caseType: data.type,
      status: data.status,
      priority: data.priority,
      slaDueAt: data.slaDueAt,
      assigneeId: data.assigneeId,
      assigneeName: agent?.user.displayName ?? (data.assigneeId ? (nameOf.get(data.assigneeId) ?? null) : null),
      assigneePresence: agent ? derivePresence(agent.record, agent.heldOffline, nowMs, timeouts) : null,
      heldSince: data.assigneeId ? iso(assignee_changed_ms) : null,
      heldOfflineUntil: data.heldOffline?.until ?? null,
    };
  });
}
