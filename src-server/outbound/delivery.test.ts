import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Case, Message } from '../../src-shared/domain/case';
import type { InboundResponse, PushResponse } from '../../src-shared/sync/protocol';
import type { Attachment } from '../../src-shared/domain/attachment';
import type { Deliverer, DeliveryOutcome } from './deliverer';
import { webhookDeliverer } from './webhookDeliverer';
import type { World } from '../testing/harness';
import { addCases, clientFor, createWorld, DRIVERS, makeCase, serverSuite } from '../testing/harness';
import { mutation, pushBody } from '../testing/protocolClient';

/** A deliverer whose outcomes the test scripts: fails the first `failures` calls per message, retryably. */
class ScriptedDeliverer implements Deliverer {
  readonly calls: string[] = [];
  failures = 0;
  async deliver(message: Message): Promise<DeliveryOutcome> {
    this.calls.push(message.id);
    const seen = this.calls.filter((id) => id === message.id).length;
    return seen <= this.failures ? { ok: false, retryable: true, error: 'gateway busy' } : { ok: true };
  }
}

/** A reply as the outbound worker hands it to a deliverer. */
function outboundMessage(world: World, forCase: Case): Message {
  return {
    id: randomUUID(),
    caseId: forCase.id,
    direction: 'outbound',
    authorKind: 'agent',
    authorId: world.users.agentA1.id,
    locale: 'de-DE',
    channel: 'email',
    body: 'Hallo',
    createdAt: '2026-11-25T10:00:00.000Z',
    writtenAt: '2026-11-25T10:00:00.000Z',
    deliveryState: 'sending',
  };
}

describe.each(DRIVERS)('inbound and outbound on %s', (driver) => {
  const deliverer = new ScriptedDeliverer();

  const suite = serverSuite(driver, (clock) => ({
    clock: clock.now,
    deliverer,
    outboundRetry: { backoffMs: 1000, maxAttempts: 3 },
  }));
  const { clock } = suite;

  async function setup(): Promise<World> {
    return createWorld(suite.db);
  }

  const inbound = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    channel: 'email',
    receivedAt: '2026-11-25T09:00:00.000Z',
    market: 'DE',
    locale: 'de-DE',
    customer: { name: { given: 'Lena', family: 'Schmidt', order: 'given_family' }, address: 'lena@example.test' },
    subject: 'Rücksendung',
    body: 'Ich möchte die Jacke zurückgeben.',
    ...extra,
  });

  const { caseRow } = suite;

  it('opens a case for a new message, idempotently by externalId, and appends to a given case', async () => {
    const world = await setup();
    const gateway = await clientFor(suite.server, world.users.gateway.username);
    const externalId = `mail-${randomUUID()}`;
    const first = await gateway.call<InboundResponse>('POST', '/api/v1/inbound', inbound(externalId));
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    const again = await gateway.call<InboundResponse>('POST', '/api/v1/inbound', inbound(externalId));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, created: false });
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => gateway.call<InboundResponse>('POST', '/api/v1/inbound', inbound(`${externalId}-c`))),
    );
    expect(new Set(concurrent.map((reply) => reply.body.messageId)).size).toBe(1);
    expect(concurrent.filter((reply) => reply.body.created)).toHaveLength(1);

    const opened = await caseRow(first.body.caseId);
    expect(opened).toMatchObject({ status: 'new', assigneeId: null, subject: 'Rücksendung', locale: 'de-DE' });
    const followUp = await gateway.call<InboundResponse>(
      'POST',
      '/api/v1/inbound',
      inbound(`mail-${randomUUID()}`, { caseId: first.body.caseId }),
    );
    expect(followUp.body).toMatchObject({ caseId: first.body.caseId, created: true });
    const messages = await suite.db.query('SELECT 1 FROM messages WHERE case_id = $1', [first.body.caseId]);
    expect(messages).toHaveLength(2);
    const missing = await gateway.call(
      'POST',
      '/api/v1/inbound',
      inbound(`mail-${randomUUID()}`, { caseId: randomUUID() }),
    );
    expect(missing.status).toBe(404);
    const invalid = await gateway.call('POST', '/api/v1/inbound', { externalId: 'x' });
    expect(invalid.status).toBe(400);
  });

  it("keeps Case.slaDueAt from the shared SLA engine's default policies as the case changes", async () => {
    const world = await setup();
    const gateway = await clientFor(suite.server, world.users.gateway.username);
    // Appending to a case of this world's team: new cases are routed by market, and test worlds share markets.
    const existing = makeCase(world.teamA.id, null, { status: 'new', lastCustomerMessageAt: null });
    await addCases(suite.db, [existing], clock.ms);
    const appended = await gateway.call<InboundResponse>(
      'POST',
      '/api/v1/inbound',
      inbound(`sla-${randomUUID()}`, { caseId: existing.id }),
    );
    const fresh = await caseRow(appended.body.caseId);
    const hours = (iso: string | null) => (Date.parse(iso ?? '') - Date.parse(fresh.createdAt)) / 3_600_000;
    // Default policy, normal priority: first reply within 24 calendar hours; high priority: within 8.
    expect(hours(fresh.slaDueAt)).toBe(24);
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const pushed = await agent.call<PushResponse>(
      'POST',
      '/sync/v1/push',
      pushBody(randomUUID(), [
        mutation(1, 'case.take', { caseId: fresh.id }, { assigneeVersion: fresh.assigneeVersion }),
        mutation(2, 'case.setField', { caseId: fresh.id, field: 'priority', value: 'high' }),
      ]),
    );
    expect(pushed.body.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(hours((await caseRow(fresh.id)).slaDueAt)).toBe(8);
  });

  it('opens a follow-up case when the customer writes to a closed case, and reopens a solved one', async () => {
    const world = await setup();
    const closed = makeCase(world.teamA.id, world.users.agentA1.id, { status: 'closed' });
    const solved = makeCase(world.teamA.id, world.users.agentA1.id, { status: 'solved' });
    await addCases(suite.db, [closed, solved], clock.ms);
    const gateway = await clientFor(suite.server, world.users.gateway.username);
    const toClosed = await gateway.call<InboundResponse>(
      'POST',
      '/api/v1/inbound',
      inbound(`m-${randomUUID()}`, { caseId: closed.id }),
    );
    expect(toClosed.body.caseId).not.toBe(closed.id);
    const toSolved = await gateway.call<InboundResponse>(
      'POST',
      '/api/v1/inbound',
      inbound(`m-${randomUUID()}`, { caseId: solved.id }),
    );
    expect(toSolved.body.caseId).toBe(solved.id);
    expect((await caseRow(solved.id)).status).toBe('open');
  });

  /** An agent's open case in a new world and a reply to it, not pushed yet. */
  async function replyOnNewCase(body: string) {
    const world = await setup();
    const open = makeCase(world.teamA.id, world.users.agentA1.id);
    await addCases(suite.db, [open], clock.ms);
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const messageId = randomUUID();
    const reply = mutation(1, 'case.reply', { caseId: open.id, messageId, body, locale: 'de-DE' });
    return { agent, messageId, reply };
  }

  it('delivers each reply once, retries with backoff, and sends delivery states through the change log', async () => {
    const { agent, messageId, reply } = await replyOnNewCase('Das Etikett ist unterwegs.');
    const clientId = randomUUID();
    deliverer.failures = 1;
    await agent.call<PushResponse>('POST', '/sync/v1/push', pushBody(clientId, [reply]));
    await agent.call<PushResponse>('POST', '/sync/v1/push', pushBody(clientId, [reply]));

    await suite.server.outbound.runOnce();
    expect(deliverer.calls.filter((id) => id === messageId)).toHaveLength(1);
    await suite.server.outbound.runOnce();
    expect(deliverer.calls.filter((id) => id === messageId)).toHaveLength(1);
    clock.advance(1000);
    await suite.server.outbound.runOnce();
    await suite.server.outbound.runOnce();
    expect(deliverer.calls.filter((id) => id === messageId)).toHaveLength(2);
    const row = await suite.db.query<{ state: string; attempts: number }>(
      'SELECT state, attempts FROM outbound WHERE message_id = $1',
      [messageId],
    );
    expect(row).toEqual([{ state: 'sent', attempts: 2 }]);
    const states = await suite.db.query<{ data: Message }>(
      `SELECT data FROM change_log WHERE entity = 'message' AND entity_id = $1 AND op = 'upsert' ORDER BY seq`,
      [messageId],
    );
    expect(states.map((change) => change.data.deliveryState)).toEqual(['queued', 'sending', 'sent']);
  });

  it('delivers a reply again, same key, when the process that claimed it died before finishing (issue 19.11)', async () => {
    deliverer.failures = 0;
    const { agent, messageId, reply } = await replyOnNewCase('Ersatz ist unterwegs.');
    await agent.call<PushResponse>('POST', '/sync/v1/push', pushBody(randomUUID(), [reply]));
    // What a SIGKILL between the claim and the gateway's answer leaves behind: claimed, never finished.
    await suite.db.query(
      `UPDATE outbound SET state = 'sending', attempts = 1, next_attempt_ms = $2 WHERE message_id = $1`,
      [messageId, clock.ms + 5 * 60_000],
    );
    await suite.server.outbound.runOnce();
    expect(deliverer.calls.filter((id) => id === messageId)).toHaveLength(0);
    clock.advance(5 * 60_000);
    await suite.server.outbound.runOnce();
    expect(deliverer.calls.filter((id) => id === messageId)).toHaveLength(1);
    const row = await suite.db.query<{ state: string }>('SELECT state FROM outbound WHERE message_id = $1', [
      messageId,
    ]);
    expect(row).toEqual([{ state: 'sent' }]);
  });

  it('posts replies to a webhook with an idempotency key and classifies failures', async () => {
    const received: { key: string | undefined; body: unknown }[] = [];
    const statuses = [503, 200, 400];
    const gateway = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      request.on('end', () => {
        const key = request.headers['idempotency-key'];
        received.push({ key: typeof key === 'string' ? key : undefined, body: JSON.parse(text) });
        response.statusCode = statuses.shift() ?? 500;
        response.end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    try {
      const world = await setup();
      const forCase = makeCase(world.teamA.id, null);
      const label = {
        id: randomUUID(),
        caseId: forCase.id,
        fileName: 'return-label.pdf',
        mediaType: 'application/pdf',
        kind: 'pdf',
        size: 2048,
        sha256: 'a'.repeat(64),
        hasPreview: false,
        createdAt: '2026-11-25T10:00:00.000Z',
      } satisfies Attachment;
      const message = { ...outboundMessage(world, forCase), attachments: [label] };
      const address = gateway.address();
      if (typeof address !== 'object' || !address) throw new Error('gateway not listening');
      const webhook = webhookDeliverer({ url: `http://127.0.0.1:${address.port}/deliver` });
      expect(await webhook.deliver(message, forCase)).toMatchObject({ ok: false, retryable: true });
      expect(await webhook.deliver(message, forCase)).toEqual({ ok: true });
      expect(await webhook.deliver(message, forCase)).toMatchObject({ ok: false, retryable: false });
      expect(received.map((each) => each.key)).toEqual([message.id, message.id, message.id]);
      expect(received[0]?.body).toMatchObject({
        messageId: message.id,
        to: { channel: 'email', address: 'anna@example.test' },
        attachments: [
          {
            id: label.id,
            fileName: 'return-label.pdf',
            mediaType: 'application/pdf',
            size: 2048,
            sha256: label.sha256,
            contentPath: `/api/v1/attachments/${label.id}/content`,
          },
        ],
      });
    } finally {
      await new Promise((resolve) => gateway.close(resolve));
    }
  });

  it('does not follow a redirect from the gateway: the reply goes nowhere else (issue 19.9)', async () => {
    let elsewhere = 0;
    const other = createServer((_request, response) => {
      elsewhere++;
      response.end();
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherAddress = other.address();
    if (typeof otherAddress !== 'object' || !otherAddress) throw new Error('not listening');
    const redirecting = createServer((request, response) => {
      request.resume();
      response.writeHead(307, { location: `http://127.0.0.1:${otherAddress.port}/steal` });
      response.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const address = redirecting.address();
      if (typeof address !== 'object' || !address) throw new Error('not listening');
      const world = await setup();
      const forCase = makeCase(world.teamA.id, null);
      const message = outboundMessage(world, forCase);
      const webhook = webhookDeliverer({ url: `http://127.0.0.1:${address.port}/deliver`, secret: 'gateway-secret' });
      expect(await webhook.deliver(message, forCase)).toMatchObject({ ok: false, retryable: false });
      expect(elsewhere).toBe(0);
    } finally {
      await new Promise((resolve) => redirecting.close(resolve));
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
