import { createHash } from 'node:crypto';
import type { Case } from '../../src-shared/domain/case';
import { canTransition } from '../../src-shared/domain/caseStatus';
import type { CaseStatus } from '../../src-shared/domain/caseStatus';
import type { User } from '../../src-shared/domain/user';
import type { MutationResult } from '../../src-shared/sync/mutations';
import { verifyLine } from '../../src-shared/sync/protocol';
import type { VerifyResponse } from '../../src-shared/sync/protocol';
import type { Principal } from '../../src-server/auth/principal';
import type { Db, SqlParam } from '../../src-server/db/db';
import { readCursorClaims } from '../../src-server/sync/cursor';
import { visibleSql } from '../../src-server/sync/scope';
import type { ExchangeRecord } from './faultProxy';

/** What the checker needs to see of one desktop client (its real store, read after the system quieted). */
export interface ClientProbe {
  name: string;
  userId: string;
  verifyHash(): VerifyResponse;
  /** `${entity}:${id}:${version}` of every canonical case, message, note and case_event, for a readable diff. */
  canonicalLines(): string[];
  pendingCount(): number;
  /** Every client id this install has used (a new one after CLIENT_STATE_CONFLICT). */
  clientIds(): string[];
  /** "Needs attention" items as the agent sees them. */
  attention(): { mutationUuid: string; code: string; body: string | null }[];
  /** Every local write the test made through this client. */
  created(): { uuid: string; key: string; args: Record<string, unknown> }[];
  /** The stored cursor, sampled by the harness over the test. */
  cursorHistory(): (string | null)[];
}

export interface InvariantInput {
  db: Db;
  clients: readonly ClientProbe[];
  /** Deliveries to customers per message id, as the test's deliverer counted them. */
  deliveries: ReadonlyMap<string, number>;
  /** Everything the proxy saw (pull cursors, for invariant 5). */
  exchanges: readonly ExchangeRecord[];
  /** Tags and status of the cases before the test acted, for the replay of applied effects. */
  initialCases: ReadonlyMap<string, Pick<Case, 'tags' | 'status'>>;
  /** True once the outbound queue was drained: then every accepted reply must have been delivered exactly once. */
  isOutboundDrained: boolean;
  /** The server's own GET /sync/v1/verify answer for a user, compared as well when given. */
  serverVerify?: (userId: string) => Promise<VerifyResponse>;
}

type MutationRow = {
  client_id: string;
  user_id: string;
  mutation_id: number;
  uuid: string;
  name: string;
  v: number;
  args: Record<string, unknown> | null;
  result: MutationResult;
  seq: number;
};

type Lines = string[];

/**
 * Checks the six invariants of SYNC.md once the system is quiet. Returns human-readable violations;
 * an empty list means every invariant holds. Tests assert `toEqual([])` so a failure prints them all.
 */
export async function checkInvariants(input: InvariantInput): Promise<string[]> {
  const violations: string[] = [];
  const { db } = input;
  const mutations = await db.query<MutationRow>(
    `SELECT m.client_id, c.user_id, m.mutation_id, m.uuid, m.name, m.v, m.args, m.result, m.seq
     FROM mutations m JOIN clients c ON c.client_id = m.client_id ORDER BY m.seq`,
  );
  const clients = await db.query<{ client_id: string; user_id: string; last_mutation_id: number }>(
    'SELECT client_id, user_id, last_mutation_id FROM clients',
  );
  const byUuid = new Map<string, MutationRow[]>();
  for (const row of mutations) byUuid.set(row.uuid, [...(byUuid.get(row.uuid) ?? []), row]);

  // 1. Every mutation has exactly one result.
  const countByClient = new Map<string, number[]>();
  for (const row of mutations)
    countByClient.set(row.client_id, [...(countByClient.get(row.client_id) ?? []), row.mutation_id]);
  for (const client of clients) {
    const ids = (countByClient.get(client.client_id) ?? []).sort((a, b) => a - b);
    const expected = Array.from({ length: client.last_mutation_id }, (_, index) => index + 1);
    if (JSON.stringify(ids) !== JSON.stringify(expected)) {
      violations.push(
        `1: client ${client.client_id} has lastMutationId ${client.last_mutation_id} but results for ids [${ids.join(',')}]`,
      );
    }
  }
  for (const probe of input.clients) {
    if (probe.pendingCount() !== 0)
      violations.push(`1: ${probe.name} still has ${probe.pendingCount()} pending mutations`);
    for (const created of probe.created()) {
      const rows = byUuid.get(created.uuid) ?? [];
      if (rows.length === 0) {
        violations.push(`1: ${probe.name}'s ${created.key} ${created.uuid} has no result on the server`);
        continue;
      }
      const outcomes = new Set(rows.map((row) => outcomeOf(row.result)));
      if (outcomes.size > 1)
        violations.push(
          `1: ${probe.name}'s ${created.key} ${created.uuid} has different results: ${[...outcomes].join(' / ')}`,
        );
      const strangers = rows.filter(
        (row) => row.user_id !== probe.userId || !probe.clientIds().includes(row.client_id),
      );
      if (strangers.length > 0)
        violations.push(`1: ${created.uuid} of ${probe.name} was stored under a client id it never used`);
    }
  }

  // 2. Every reply delivered at most once and stored exactly once.
  const firstByUuid = [...byUuid.values()]
    .map((rows) => rows[0])
    .filter((row): row is MutationRow => row !== undefined);
  const replies = firstByUuid.filter((row) => row.name === 'case.reply');
  const messageIds = replies.map((row) => String(row.args?.messageId));
  const messages = await rowsById(
    db,
    'SELECT id, case_id FROM messages WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    messageIds,
  );
  const outbound = await rowsById(
    db,
    'SELECT message_id AS id, state FROM outbound WHERE message_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    messageIds,
  );
  const replyCount = new Map<string, number>();
  for (const row of replies)
    replyCount.set(String(row.args?.messageId), (replyCount.get(String(row.args?.messageId)) ?? 0) + 1);
  for (const [messageId, count] of replyCount)
    if (count > 1) violations.push(`2: message ${messageId} was sent by ${count} different mutations`);
  for (const row of replies) {
    const messageId = String(row.args?.messageId);
    const stored = messages.get(messageId);
    const delivered = input.deliveries.get(messageId) ?? 0;
    if (row.result.status === 'applied') {
      const caseId = row.result.redirectedToCaseId ?? String(row.args?.caseId);
      if (!stored) violations.push(`2: applied reply ${messageId} is not stored`);
      else if (stored.case_id !== caseId)
        violations.push(`2: reply ${messageId} is stored on case ${String(stored.case_id)}, expected ${caseId}`);
      if (!outbound.get(messageId)) violations.push(`2: applied reply ${messageId} was never queued for delivery`);
      if (input.isOutboundDrained && delivered !== 1)
        violations.push(`2: applied reply ${messageId} was delivered ${delivered} times`);
    } else if (stored && !byUuid.get(row.uuid)?.some((other) => other.result.status === 'applied')) {
      violations.push(`2: rejected reply ${messageId} is stored anyway`);
    }
  }
  for (const [messageId, count] of input.deliveries)
    if (count > 1) violations.push(`2: message ${messageId} was delivered to the customer ${count} times`);

  // 3. Every client's canonical data equals the server's view of its scope.
  for (const probe of input.clients) {
    const principal = await principalOf(db, probe.userId);
    const serverLines = await scopeLines(db, principal);
    const server = hashLines(serverLines);
    const local = probe.verifyHash();
    if (local.hash !== server.hash || local.count !== server.count) {
      violations.push(
        `3: ${probe.name} verify ${local.count}/${local.hash.slice(0, 8)} differs from the server's ${server.count}/${server.hash.slice(0, 8)}: ${lineDiff(probe.canonicalLines(), serverLines)}`,
      );
    }
    const endpoint = await input.serverVerify?.(probe.userId);
    if (endpoint && (endpoint.hash !== local.hash || endpoint.count !== local.count)) {
      violations.push(
        `3: ${probe.name} verify ${local.count}/${local.hash.slice(0, 8)} differs from GET /sync/v1/verify ${endpoint.count}/${endpoint.hash.slice(0, 8)}`,
      );
    }
  }

  // 4. No applied effect missing: append-only writes exist, and tags and status replay to what the server holds.
  const notes = await rowsById(
    db,
    'SELECT id, case_id FROM notes WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    firstByUuid
      .filter((row) => row.name === 'case.addNote' && row.result.status === 'applied')
      .map((row) => String(row.args?.noteId)),
  );
  for (const row of firstByUuid) {
    if (row.name === 'case.addNote' && row.result.status === 'applied' && !notes.has(String(row.args?.noteId))) {
      violations.push(`4: applied note ${String(row.args?.noteId)} is missing`);
    }
  }
  violations.push(...(await replayCaseEffects(db, mutations, input.initialCases)));

  // 5. No cursor moves backwards.
  for (const probe of input.clients) {
    const pulls = input.exchanges
      .filter(
        (record) =>
          record.path.startsWith('/sync/v1/pull') &&
          probe.clientIds().includes(String(bodyField(record.body, 'clientId'))),
      )
      .map((record) => String(bodyField(record.body, 'cursor')));
    const stored = probe.cursorHistory().filter((cursor): cursor is string => cursor !== null);
    for (const [what, cursors] of [
      ['pulled', pulls],
      ['stored', stored],
    ] as const) {
      const backwards = firstBackwards(cursors);
      if (backwards) violations.push(`5: ${probe.name}'s ${what} cursor moved backwards: ${backwards}`);
    }
  }

  // 6. Nothing rejected silently.
  for (const probe of input.clients) {
    const attention = new Map(probe.attention().map((item) => [item.mutationUuid, item]));
    for (const created of probe.created()) {
      const result = byUuid.get(created.uuid)?.[0]?.result;
      if (result?.status !== 'rejected') continue;
      const item = attention.get(created.uuid);
      if (!item) {
        violations.push(
          `6: ${probe.name}'s ${created.key} was rejected ${result.code} but is not in "Needs attention"`,
        );
        continue;
      }
      if (item.code !== result.code)
        violations.push(`6: attention item of ${created.uuid} says ${item.code}, the server said ${result.code}`);
      const text = created.args.body;
      if (typeof text === 'string' && item.body !== text)
        violations.push(`6: the agent's text of ${created.uuid} was not kept in its attention item`);
    }
  }
  return violations;
}

function outcomeOf(result: MutationResult): string {
  return result.status === 'applied'
    ? `applied${result.redirectedToCaseId ? `->${result.redirectedToCaseId}` : ''}`
    : `rejected ${result.code}`;
}

function bodyField(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? Reflect.get(body, key) : undefined;
}

async function rowsById(db: Db, sql: string, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string }>(sql, [JSON.stringify(ids)]);
  return new Map(rows.map((row) => [row.id, row]));
}

export async function principalOf(db: Db, userId: string): Promise<Principal> {
  const rows = await db.query<{ data: User; role: User['role'] }>('SELECT data, role FROM users WHERE id = $1', [
    userId,
  ]);
  const user = rows[0]?.data;
  if (!user) throw new Error(`no user ${userId}`);
  const teams = await db.query<{ team_id: string }>('SELECT team_id FROM team_members WHERE user_id = $1', [userId]);
  return { id: userId, role: rows[0]?.role ?? user.role, teamIds: teams.map((team) => team.team_id), user };
}

/** The server's scope of a user as verify lines, by the same visibility rule the server applies. */
export async function scopeLines(db: Db, principal: Principal): Promise<Lines> {
  const params: SqlParam[] = [];
  const visible = visibleSql(principal, 'c.team_id', 'c.assignee_id', params);
  const rows = await db.query<{ entity: 'case' | 'message' | 'note' | 'case_event'; id: string; version: number }>(
    `WITH scoped AS (SELECT id, version FROM cases c WHERE ${visible})
     SELECT 'case' AS entity, id, version FROM scoped
     UNION ALL SELECT 'message', m.id, m.version FROM messages m JOIN scoped s ON s.id = m.case_id
     UNION ALL SELECT 'note', n.id, n.version FROM notes n JOIN scoped s ON s.id = n.case_id
     UNION ALL SELECT 'case_event', e.id, e.version FROM case_events e JOIN scoped s ON s.id = e.case_id`,
    params,
  );
  return rows.map((row) => verifyLine(row.entity, row.id, row.version).trimEnd()).sort(byteOrder);
}

export function hashLines(lines: Lines): VerifyResponse {
  const hash = createHash('sha256');
  for (const line of [...lines].sort(byteOrder)) hash.update(`${line}\n`);
  return { count: lines.length, hash: hash.digest('hex') };
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first few lines only one side has, or has at another version. */
export function lineDiff(local: Lines, server: Lines): string {
  const localSet = new Set(local);
  const serverSet = new Set(server);
  const onlyLocal = local.filter((line) => !serverSet.has(line));
  const onlyServer = server.filter((line) => !localSet.has(line));
  const show = (lines: Lines) =>
    `${lines.slice(0, 6).join(' ')}${lines.length > 6 ? ` (+${lines.length - 6} more)` : ''}`;
  return `only local [${show(onlyLocal)}], only server [${show(onlyServer)}]`;
}

/** A cursor pair out of order, described; within an epoch seq never decreases and an old epoch never returns. */
function firstBackwards(cursors: readonly string[]): string | null {
  const epochs: string[] = [];
  let previous: { epoch: string; seq: number } | null = null;
  for (const raw of cursors) {
    const cursor = readCursorClaims(raw);
    if (!epochs.includes(cursor.epoch)) epochs.push(cursor.epoch);
    if (previous) {
      const isOldEpoch = epochs.indexOf(cursor.epoch) < epochs.indexOf(previous.epoch);
      if (isOldEpoch || (cursor.epoch === previous.epoch && cursor.seq < previous.seq)) {
        return `${previous.epoch.slice(0, 6)}#${previous.seq} then ${cursor.epoch.slice(0, 6)}#${cursor.seq}`;
      }
    }
    previous = { epoch: cursor.epoch, seq: cursor.seq };
  }
  return null;
}

/**
 * Replays every applied tag and status effect in server order over the cases' starting state: the
 * result must be what the server holds, or an applied mutation's effect went missing (or appeared twice).
 */
async function replayCaseEffects(
  db: Db,
  mutations: readonly MutationRow[],
  initial: InvariantInput['initialCases'],
): Promise<string[]> {
  const expected = new Map<string, { tags: Set<string>; status: CaseStatus }>();
  const stateOf = (caseId: string) => {
    let state = expected.get(caseId);
    const start = initial.get(caseId);
    if (!state && start) {
      state = { tags: new Set(start.tags), status: start.status };
      expected.set(caseId, state);
    }
    return state;
  };
  const seenUuids = new Set<string>();
  for (const row of mutations) {
    if (row.result.status !== 'applied' || seenUuids.has(row.uuid)) continue;
    seenUuids.add(row.uuid);
    const caseId = row.result.redirectedToCaseId ?? String(row.args?.caseId);
    const state = stateOf(caseId);
    if (!state) continue;
    const tag = String(row.args?.tag);
    if (row.name === 'case.addTag') state.tags.add(tag);
    else if (row.name === 'case.removeTag') state.tags.delete(tag);
    else if (row.name === 'case.setStatus') {
      const to = String(row.args?.to);
      if (isStatus(to) && canTransition(state.status, to)) state.status = to;
    } else if (row.name === 'case.reply' && state.status === 'new') state.status = 'open';
    else if (row.name === 'case.merge') state.status = 'closed';
  }
  const violations: string[] = [];
  for (const [caseId, state] of expected) {
    const rows = await db.query<{ data: Case }>('SELECT data FROM cases WHERE id = $1', [caseId]);
    const actual = rows[0]?.data;
    if (!actual) continue;
    const tags = [...state.tags].sort();
    const actualTags = [...actual.tags].sort();
    if (JSON.stringify(tags) !== JSON.stringify(actualTags))
      violations.push(
        `4: case ${caseId} has tags [${actualTags.join(',')}], applied mutations give [${tags.join(',')}]`,
      );
    if (actual.status !== state.status)
      violations.push(`4: case ${caseId} is ${actual.status}, applied mutations give ${state.status}`);
  }
  return violations;
}

function isStatus(value: string): value is CaseStatus {
  return ['new', 'open', 'pending_customer', 'on_hold', 'solved', 'closed'].includes(value);
}
