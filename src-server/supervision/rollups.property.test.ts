import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../src-shared/domain/caseStatus';
import type { RollupCheck } from '../../src-shared/supervision/views';
import { makeCase, serverSuite } from '../testing/harness';

const MINUTE = 60_000;
const PRESENCE = { disconnectAfterMs: 10_000, idleAfterMs: 60_000, leaseGraceMs: 20_000 };

type Who = 'agentA1' | 'agentA2' | 'supervisorA';
const action = fc.oneof(
  fc.record({
    kind: fc.constant('assign' as const),
    index: fc.nat(7),
    to: fc.constantFrom('agentA1', 'agentA2', null),
  }),
  fc.record({ kind: fc.constant('take' as const), index: fc.nat(7), who: fc.constantFrom<Who>('agentA1', 'agentA2') }),
  fc.record({ kind: fc.constant('status' as const), index: fc.nat(7), to: fc.constantFrom(...CASE_STATUSES) }),
  fc.record({
    kind: fc.constant('field' as const),
    index: fc.nat(7),
    change: fc.oneof(
      fc.record({ field: fc.constant('type' as const), value: fc.constantFrom('exchange', 'complaint', 'inquiry') }),
      fc.record({ field: fc.constant('locale' as const), value: fc.constantFrom('de-DE', 'fr-FR', 'en') }),
      fc.record({ field: fc.constant('priority' as const), value: fc.constantFrom('low', 'urgent') }),
    ),
  }),
  fc.record({
    kind: fc.constant('reply' as const),
    index: fc.nat(7),
    who: fc.constantFrom<Who>('agentA1', 'supervisorA'),
  }),
  fc.record({
    kind: fc.constant('inbound' as const),
    index: fc.option(fc.nat(7)),
    market: fc.constantFrom('DE', 'FR'),
  }),
  fc.record({ kind: fc.constant('pin' as const), index: fc.nat(7), who: fc.constantFrom<Who>('agentA1', 'agentA2') }),
  fc.record({ kind: fc.constant('breakLease' as const), index: fc.nat(7) }),
  fc.record({ kind: fc.constant('merge' as const), index: fc.nat(7), into: fc.nat(7) }),
  fc.record({ kind: fc.constant('time' as const), minutes: fc.integer({ min: 1, max: 240 }) }),
  fc.record({ kind: fc.constant('heartbeat' as const), who: fc.constantFrom<Who>('agentA1', 'agentA2') }),
);

/**
 * The rollups are kept by every case write (UnitOfWork.flush, insertSnapshot); after any sequence of the
 * writes the server knows (mutations by agents and supervisors, inbound mail, lease expiry as time passes),
 * a recount from the case rows finds them exactly equal.
 */
describe('supervision rollups', () => {
  const suite = serverSuite('pglite', (clock) => ({ clock: clock.now, presence: PRESENCE, leaseSweepMs: 3_600_000 }));

  it('show zero drift after random sequences of case events', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 25 }), async (actions) => {
        const { world, cases, as } = await suite.setup(({ teamA, users }) =>
          Array.from({ length: 8 }, (_, index) =>
            makeCase(teamA.id, index % 3 === 0 ? null : index % 3 === 1 ? users.agentA1.id : users.agentA2.id, {
              slaDueAt: new Date(suite.clock.ms + (index - 3) * 37 * MINUTE).toISOString(),
              locale: index % 2 ? 'de-DE' : 'fr-FR',
            }),
          ),
        );
        const clients = {
          agentA1: await as('agentA1'),
          agentA2: await as('agentA2'),
          supervisorA: await as('supervisorA'),
        };
        const gateway = await as('gateway');
        const admin = await as('admin');
        const caseAt = (index: number) => cases[index % cases.length]?.id ?? '';
        for (const step of actions) {
          switch (step.kind) {
            case 'assign':
              await clients.supervisorA.pushOne('case.assign@1', {
                caseId: caseAt(step.index),
                to: step.to === null ? null : world.users[step.to].id,
              });
              break;
            case 'take': {
              const row = await suite.caseRow(caseAt(step.index));
              await clients[step.who].pushOne(
                'case.take@1',
                { caseId: row.id },
                { assigneeVersion: row.assigneeVersion },
              );
              break;
            }
            case 'status':
              await clients.supervisorA.pushOne('case.setStatus@1', { caseId: caseAt(step.index), to: step.to });
              break;
            case 'field':
              await clients.supervisorA.pushOne('case.setField@1', { caseId: caseAt(step.index), ...step.change });
              break;
            case 'reply':
              await clients[step.who].pushOne('case.reply@1', {
                caseId: caseAt(step.index),
                messageId: randomUUID(),
                body: 'Danke, wir kümmern uns darum.',
                locale: 'de-DE',
              });
              break;
            case 'inbound':
              await gateway.call('POST', '/api/v1/inbound', {
                externalId: randomUUID(),
                channel: 'email',
                receivedAt: new Date(suite.clock.ms).toISOString(),
                customer: {
                  name: { given: 'Lea', family: 'Roth', order: 'given_family' },
                  address: 'lea@example.test',
                },
                market: step.market,
                locale: step.market === 'DE' ? 'de-DE' : 'fr-FR',
                ...(step.index === null ? {} : { caseId: caseAt(step.index) }),
                body: 'Wo bleibt meine Erstattung?',
              });
              break;
            case 'pin':
              await clients[step.who].pushOne('case.pin@1', { caseId: caseAt(step.index) });
              break;
            case 'breakLease':
              await clients.supervisorA.pushOne('case.breakLease@1', { caseId: caseAt(step.index) });
              break;
            case 'merge':
              await clients.supervisorA.pushOne('case.merge@1', {
                caseId: caseAt(step.index),
                intoId: caseAt(step.into),
              });
              break;
            case 'time':
              suite.clock.advance(step.minutes * MINUTE);
              await suite.server.leases.runOnce();
              break;
            case 'heartbeat':
              await clients[step.who].call('POST', '/sync/v1/presence', {
                protocol: 1,
                clientId: clients[step.who].clientId,
                status: 'online',
              });
              break;
          }
        }
        const check = await admin.call<RollupCheck>('GET', '/api/v1/supervisor/rollups/check');
        expect(check.status).toBe(200);
        expect(check.body.drift).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
