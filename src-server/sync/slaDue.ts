import type { Case, CaseEvent, Message } from '../../src-shared/domain/case';
import { CaseStatusSchema } from '../../src-shared/domain/caseStatus';
import { TeamSchema } from '../../src-shared/domain/user';
import type { Team } from '../../src-shared/domain/user';
import { placeholderSlaDueAt } from '../../src-shared/demo/placeholderSla';
import type { SlaTimeline } from '../../src-shared/sla';
import { caseSlaDueAt } from '../../src-shared/sla';
import type { Queryable } from '../db/db';
import { textArray } from '../db/sqlArray';

type MessageFact = { case_id: string; at: string; direction: Message['direction']; author_kind: Message['authorKind'] };
type StatusFact = { case_id: string; at: string; status: string | null };

/**
 * Case.slaDueAt from the shared SLA engine (src-shared/sla): default policies, the team's business
 * calendar and the customer market's, over the case's status history and conversation, so the server's
 * deadline equals the one desktop clients compute offline. Evaluated once per changed case per transaction.
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
      at: row.at,
      direction: row.direction,
      authorKind: row.author_kind,
    })),
    ...pending.messages.map((message) => ({
      caseId: message.caseId,
      at: message.createdAt,
      direction: message.direction,
      authorKind: message.authorKind,
    })),
  ]);
  const statusesByCase = group([
    ...statuses.map((row) => ({ caseId: row.case_id, at: row.at, status: row.status })),
    ...pending.events
      .filter((event) => event.kind === 'status_changed')
      .map((event) => ({ caseId: event.caseId, at: event.at, status: event.data.to ?? null })),
  ]);
  const now = new Date(nowMs).toISOString();
  for (const data of cases) {
    const team = teamById.get(data.teamId);
    const timeline: SlaTimeline = {
      createdAt: data.createdAt,
      initialStatus: 'new',
      statusChanges: (statusesByCase.get(data.id) ?? [])
        .flatMap((change) => {
          const status = CaseStatusSchema.safeParse(change.status);
          return status.success ? [{ at: change.at, status: status.data }] : [];
        })
        .sort(byTime),
      messages: (messagesByCase.get(data.id) ?? [])
        .map(({ at, direction, authorKind }) => ({ at, direction, authorKind }))
        .sort(byTime),
    };
    data.slaDueAt = team ? evaluate(data, timeline, team, now) : placeholderSlaDueAt(data);
  }
}

function byTime(a: { at: string }, b: { at: string }): number {
  return Date.parse(a.at) - Date.parse(b.at);
}

/** The timeline is built from stored, already validated rows, so it is passed to the engine without re-parsing. */
function evaluate(data: Case, timeline: SlaTimeline, team: Team, now: string): string | null {
  try {
    return caseSlaDueAt(timeline, data, team, now);
  } catch {
    // A case the engine cannot evaluate (a market without a pack) still gets a calendar-hours deadline.
    return placeholderSlaDueAt(data);
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
