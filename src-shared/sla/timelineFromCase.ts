import type { CaseEvent, Message } from '../domain/case';
import { CaseStatusSchema } from '../domain/caseStatus';
import type { SlaTimeline } from './evaluate';
import { withVisibleStatus, type VisibleStatus } from './optimisticTimeline';

export interface CaseHistory {
  createdAt: string;
  /** The case's audit trail; only status_changed events ({from, to}) matter here. */
  events: ReadonlyArray<Pick<CaseEvent, 'kind' | 'at' | 'data'>>;
  messages: ReadonlyArray<Pick<Message, 'createdAt' | 'direction' | 'authorKind'>>;
}

/**
 * The SLA engine's input built from the domain model, so the server, the desktop store and the renderer
 * feed it the same way: status changes from CaseEvents, messages in server arrival order (createdAt, never
 * the author's clock).
 */
export function slaTimelineFromCase(history: CaseHistory): SlaTimeline {
  const statusChanges: SlaTimeline['statusChanges'] = [];
  for (const event of history.events) {
    if (event.kind !== 'status_changed') continue;
    const status = CaseStatusSchema.safeParse(event.data.to);
    if (status.success) statusChanges.push({ at: event.at, status: status.data });
  }
  statusChanges.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const messages = history.messages
    .map((message) => ({ at: message.createdAt, direction: message.direction, authorKind: message.authorKind }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { createdAt: history.createdAt, initialStatus: 'new', statusChanges, messages };
}

/** A case as the desk holds it: its server history plus whether changes of its own are still unsent. */
export interface HeldCaseHistory {
  case: VisibleStatus & { createdAt: string };
  events: CaseHistory['events'];
  messages: ReadonlyArray<CaseHistory['messages'][number] & { isPending: boolean }>;
  pendingMutationCount: number;
}

/**
 * The timeline the desk evaluates (the SLA panel and the queue countdown): the server's history, whose
 * messages not yet accepted have no server time and satisfy no target, with an unsent status change on top.
 */
export function heldSlaTimeline(held: HeldCaseHistory, serverOffsetMs: number, serverNowMs: number): SlaTimeline {
  const server = slaTimelineFromCase({
    createdAt: held.case.createdAt,
    events: held.events,
    messages: held.messages.filter((message) => !message.isPending),
  });
  return held.pendingMutationCount > 0 ? withVisibleStatus(server, held.case, serverOffsetMs, serverNowMs) : server;
}
