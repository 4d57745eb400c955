import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InboundResponse, VerifyResponse } from '../../src-shared/sync/protocol';
import { addCases, clientFor, createWorld, DRIVERS, makeCase, serverSuite } from '../testing/harness';
import { mutation, pushBody } from '../testing/protocolClient';

// Issue 19.2: text that PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate) is refused at
// the door with a 400 naming the field, never stored half-way and never a 500.
describe.each(DRIVERS)('hostile text on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({ clock: clock.now }));
  const { clock } = suite;

  it('refuses a note or reply with NUL or a lone surrogate with 400 naming the field, and changes nothing', async () => {
    const world = await createWorld(suite.db);
    const open = makeCase(world.teamA.id, world.users.agentA1.id);
    await addCases(suite.db, [open], clock.ms);
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const before = await agent.call<VerifyResponse>('GET', '/sync/v1/verify');
    const clientId = randomUUID();
    const bodies = ['before\u0000after', 'half \ud83d of an emoji', 'trailing \udc00'];
    for (const body of bodies) {
      for (const pushed of [
        mutation(1, 'case.addNote', { caseId: open.id, noteId: randomUUID(), body }),
        mutation(1, 'case.reply', { caseId: open.id, messageId: randomUUID(), body, locale: 'de-DE' }),
      ]) {
        const reply = await agent.call('POST', '/sync/v1/push', pushBody(clientId, [pushed]));
        expect(reply.status, JSON.stringify(body)).toBe(400);
        expect(reply.body).toMatchObject({
          error: { code: 'BAD_REQUEST', details: { field: 'mutations[0].args.body' } },
        });
      }
    }
    expect((await agent.call<VerifyResponse>('GET', '/sync/v1/verify')).body).toEqual(before.body);
    expect(await suite.db.query('SELECT 1 FROM clients WHERE client_id = $1', [clientId])).toEqual([]);
  });

  it('refuses an inbound message with NUL in its body or the customer name, and opens no case', async () => {
    const world = await createWorld(suite.db);
    const gateway = await clientFor(suite.server, world.users.gateway.username);
    const externalId = `nul-${randomUUID()}`;
    const inbound = {
      externalId,
      channel: 'email',
      receivedAt: '2026-11-25T09:00:00.000Z',
      market: 'DE',
      locale: 'de-DE',
      customer: { name: { given: 'Le\u0000na', family: 'Schmidt', order: 'given_family' }, address: 'l@example.test' },
      body: 'Ich möchte die Jacke zurückgeben.\u0000',
    };
    const reply = await gateway.call<InboundResponse>('POST', '/api/v1/inbound', inbound);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'BAD_REQUEST', details: { field: 'customer.name.given' } } });
    expect(await suite.db.query('SELECT 1 FROM inbound_messages WHERE external_id = $1', [externalId])).toEqual([]);
    const clean = await gateway.call('POST', '/api/v1/inbound', {
      ...inbound,
      customer: { ...inbound.customer, name: { ...inbound.customer.name, given: 'Lena' } },
      body: 'Ich möchte die Jacke zurückgeben.',
    });
    expect(clean.status).toBe(201);
  });
});
