import type { Case, CaseEvent, Message } from '../../src-shared/domain/case';
import { TeamSchema } from '../../src-shared/domain/user';
import { caseSlaDueAt, slaTimelineFromCase } from '../../src-shared/sla';
import type { Queryable } from '../db/db';
import { textArray } from '../db/sqlArray';

type MessageFact = { case_id: string; at: string; direction: Message['direction']; author_kind: Message['authorKind'] };
type StatusFact = { case_id: string; at: string; status: string | null };

/**
 * Case.slaDueAt from the shared SLA engine: the case's status history and conversation as
 * slaTimelineFromCase builds them, under caseSlaSetup's policy and calendars (src-shared/sla), exactly as
 * the SLA panel, the queue countdown and the demo data do. Evaluated once per changed case per transaction.
 */
export async function refreshSlaDue(
  tx: Queryable,
  cases: readonly Case[],
  pending: { messages: readonly Message[]; events: readonly CaseEvent[] },
  nowMs: number,
): Promise<void> {
  if (cases.length === 0) return;
  const ids = textArray(cases.map((each) => each.id));
  // One after the other: a transaction is one connection, and pg queues concurrent queries on it only
  // under a deprecation (removed in pg 9).
  const messages = await tx.query<MessageFact>(
    `SELECT case_id, data->>'createdAt' AS at, data->>'direction' AS direction, data->>'authorKind' AS author_kind
     FROM messages WHERE case_id = ANY($1::text[])`,
    [ids],
  );
  const statuses = await tx.query<StatusFact>(
    `SELECT case_id, data->>'at' AS at, data->'data'->>'to' AS status FROM case_events
     WHERE case_id = ANY($1::text[]) AND data->>'kind' = 'status_changed'`,
    [ids],
  );
  const teams = await tx.query<{ data: unknown }>('SELECT data FROM teams WHERE id = ANY($1::text[])', [
    textArray([...new Set(cases.map((each) => each.teamId))]),
  ]);
  const teamById = new Map(
    teams.map((row) => {
      const team = TeamSchema.parse(row.data);
      return [team.id, team];
    }),
  );
  const messagesByCase = group([
    ...messages.map((row) => ({
      caseId: row.case_id,
      createdAt: row.at,
      direction: row.direction,
      authorKind: row.author_kind,
    })),
    ...pending.messages,
  ]);
  const eventsByCase = group([
    ...statuses.map((row) => ({
      caseId: row.case_id,
      kind: 'status_changed' as const,
      at: row.at,
      data: { to: row.status },
    })),
    ...pending.events,
  ]);
  const now = new Date(nowMs).toISOString();
  for (const data of cases) {
    const team = teamById.get(data.teamId);
    // A case whose team is unknown cannot be evaluated; it keeps the deadline it had.
    if (!team) continue;
    const timeline = slaTimelineFromCase({
      createdAt: data.createdAt,
      events: eventsByCase.get(data.id) ?? [],
      messages: messagesByCase.get(data.id) ?? [],
    });
    try {
      data.slaDueAt = caseSlaDueAt(timeline, data, team, now);
    } catch {
      // One case the engine cannot evaluate (a malformed calendar) must not fail the push: it keeps its deadline.
    }
  }
}

function group<T extends { caseId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.caseId);
    if (list) list.push(item);
    else map.set(item.caseId, [item]);
  }
  return map;
}
