import { randomUUID } from 'node:crypto';
import type { Case, CaseEvent, Message } from '../src-shared/domain/case';
import type { InboundRequest, InboundResponse } from '../src-shared/sync/protocol';
import type { Db, Queryable } from './db/db';
import type { BlobStore } from './attachments/blobStore';
import { planInboundFiles, takeInInlineFiles } from './attachments/inboundFiles';
import { HttpError } from './http/httpError';
import type { CaseRecord } from './sync/unitOfWork';
import { UnitOfWork } from './sync/unitOfWork';

// Inbound requests for one externalId are serialized by an advisory lock in this key space.
const INBOUND_LOCK_SPACE = 7215;

/** Who posts an inbound message and where its files go. */
export interface InboundSource {
  /** The integration account: its uploads are the ones a request may name. */
  integrationId: string;
  blobs: BlobStore;
}

/**
 * A customer's message from a channel integration: appended to the given (or surviving merged) case, or
 * a new case routed to the team serving the market. A closed case is terminal, so a message for it
 * opens a follow-up case. Idempotent by externalId: a repeat answers the first result with created=false.
 * Its files are checked one by one (inboundFiles.ts); a refused file never keeps the message out.
 */
export async function ingestInbound(
  db: Db,
  request: InboundRequest,
  nowMs: number,
  source: InboundSource,
): Promise<InboundResponse> {
  const files = request.attachments ?? [];
  const intakes = await takeInInlineFiles(source.blobs, files);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [INBOUND_LOCK_SPACE, request.externalId]);
    const existing = await tx.query<{ case_id: string; message_id: string; attachments: Message['attachments'] }>(
      `SELECT i.case_id, i.message_id, m.data->'attachments' AS attachments
         FROM inbound_messages i JOIN messages m ON m.id = i.message_id WHERE i.external_id = $1`,
      [request.externalId],
    );
    if (existing[0]) {
      const held = existing[0].attachments ?? [];
      return {
        caseId: existing[0].case_id,
        messageId: existing[0].message_id,
        created: false,
        ...(files.length > 0
          ? { attachments: held.map((attachment, index) => ({ index, ok: true as const, attachment })) }
          : {}),
      };
    }

    const uow = new UnitOfWork(tx, nowMs);
    let record = request.caseId ? await uow.getCase(request.caseId) : undefined;
    if (request.caseId && !record) throw new HttpError(404, 'NOT_FOUND', `case ${request.caseId} does not exist`);
    for (let hop = 0; hop < 8 && record && record.data.mergedIntoId !== null; hop++)
      record = await uow.getCase(record.data.mergedIntoId);
    if (!record || record.data.status === 'closed') record = await openCase(tx, uow, request, record);

    const now = uow.nowIso;
    const plan = await planInboundFiles(tx, files, intakes, {
      caseId: record.data.id,
      integrationId: source.integrationId,
      nowMs,
    });
    const message: Message = {
      id: randomUUID(),
      caseId: record.data.id,
      direction: 'inbound',
      authorKind: 'customer',
      authorId: null,
      locale: request.locale ?? record.data.locale,
      channel: request.channel,
      body: request.body,
      createdAt: now,
      writtenAt: request.receivedAt,
      deliveryState: 'received',
      ...(plan.attachments.length > 0 ? { attachments: plan.attachments } : {}),
    };
    uow.addMessage(message);
    const previous = record.data.status;
    const reopens = previous === 'pending_customer' || previous === 'solved';
    uow.updateCase(record, (data) => {
      data.lastCustomerMessageAt = now;
      if (reopens) {
        data.status = 'open';
        data.statusChangedAt = now;
      }
    });
    if (reopens) addEvent(uow, record, 'status_changed', { from: previous, to: 'open' });
    await uow.flush();
    // After the flush: a new case's row must exist before its files' rows point at it.
    await plan.write(tx);
    await tx.query(
      'INSERT INTO inbound_messages (external_id, case_id, message_id, created_ms) VALUES ($1, $2, $3, $4)',
      [request.externalId, record.data.id, message.id, nowMs],
    );
    await uow.seal();
    return {
      caseId: record.data.id,
      messageId: message.id,
      created: true,
      ...(files.length > 0 ? { attachments: plan.results } : {}),
    };
  });
}

function addEvent(uow: UnitOfWork, record: CaseRecord, kind: CaseEvent['kind'], data: CaseEvent['data']): void {
  const event: CaseEvent = { id: randomUUID(), caseId: record.data.id, kind, actorId: null, at: uow.nowIso, data };
  uow.addEvent(event);
}

async function openCase(
  tx: Queryable,
  uow: UnitOfWork,
  request: InboundRequest,
  followUpOf: CaseRecord | undefined,
): Promise<CaseRecord> {
  const teams = await tx.query<{ id: string }>(
    `SELECT id FROM teams ORDER BY (data->'markets') @> to_jsonb($1::text) DESC, id LIMIT 1`,
    [request.market],
  );
  const teamId = teams[0]?.id;
  if (!teamId)
    throw new HttpError(503, 'UNAVAILABLE', 'no team exists to receive the case', undefined, { 'Retry-After': '60' });
  const refs = await tx.query<{ ref: number }>("SELECT nextval('case_ref_seq') AS ref");
  const now = uow.nowIso;
  const data: Case = {
    id: randomUUID(),
    ref: `CD-${refs[0]?.ref ?? 0}`,
    type: followUpOf?.data.type ?? 'inquiry',
    status: 'new',
    priority: followUpOf?.data.priority ?? 'normal',
    channel: request.channel,
    subject: request.subject ?? request.body.slice(0, 120),
    // Until language detection runs, a message without a locale is assumed English; agents can correct it.
    locale: request.locale ?? followUpOf?.data.locale ?? 'en',
    customer: followUpOf?.data.customer ?? {
      id: randomUUID(),
      name: request.customer.name,
      locale: request.locale ?? 'en',
      market: request.market,
      timeZone: request.customer.timeZone ?? 'UTC',
      contacts: [{ channel: request.channel, address: request.customer.address }],
    },
    ...(request.order ? { order: request.order } : followUpOf?.data.order ? { order: followUpOf.data.order } : {}),
    teamId,
    assigneeId: null,
    tags: [],
    createdAt: now,
    updatedAt: now,
    statusChangedAt: now,
    firstRepliedAt: null,
    lastCustomerMessageAt: now,
    slaDueAt: null,
    mergedIntoId: null,
    version: 1,
    assigneeVersion: 1,
  };
  const record = uow.createCase(data);
  addEvent(uow, record, 'created', followUpOf ? { followUpOf: followUpOf.data.id } : {});
  return record;
}
