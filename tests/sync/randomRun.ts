import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Case } from '../../src-shared/domain/case';
import { StoreError } from '../../src-main/core/store';
import { NetworkError, SyncHttpError } from '../../src-main/core/sync';
import type { DesktopClient } from './desktopClient';
import type { Fault } from './faultProxy';
import type { ProtocolClient } from '../../src-server/testing/protocolClient';
import type { World } from './world';

/** The agents of one team in the demo data; the randomized run uses two or three of them. */
export const AGENTS = ['jonas.weber', 'camille.durand', 'giulia.ricci'] as const;
const TAGS = ['vip', 'fragile', 'late', 'refund', 'callback'] as const;
const STATUSES = ['open', 'pending_customer', 'on_hold', 'solved'] as const;

type FaultKind =
  | 'refuse'
  | 'drop'
  | 'loseResponse'
  | 'duplicate'
  | 'unavailable'
  | 'dropPokes'
  | 'killBefore'
  | 'killAfter'
  | 'truncate';
const FAULT_KINDS: readonly FaultKind[] = [
  'refuse',
  'drop',
  'loseResponse',
  'duplicate',
  'unavailable',
  'dropPokes',
  'killBefore',
  'killAfter',
  'truncate',
];

export type Action =
  | { kind: 'reply' | 'note' | 'take'; agent: number; pick: number }
  | { kind: 'tag' | 'untag'; agent: number; pick: number; tag: number }
  | { kind: 'status'; agent: number; pick: number; to: number }
  | { kind: 'assign'; pick: number; to: number }
  | { kind: 'close' | 'merge'; pick: number; other: number }
  | { kind: 'fault'; fault: number; path: 'push' | 'pull' | 'bootstrap' | 'events'; times: number }
  | { kind: 'network'; isDown: boolean }
  | { kind: 'killClient'; agent: number }
  | { kind: 'killServer' }
  | { kind: 'resetEpoch' }
  | { kind: 'wait'; ms: number };

const agent = fc.nat({ max: 2 });
const pick = fc.nat({ max: 1_000 });

export const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constantFrom('reply' as const, 'note' as const, 'take' as const), agent, pick }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('tag' as const, 'untag' as const),
      agent,
      pick,
      tag: fc.nat({ max: TAGS.length - 1 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      agent,
      pick,
      to: fc.nat({ max: STATUSES.length - 1 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('assign' as const), pick, to: fc.nat({ max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('close' as const, 'merge' as const), pick, other: pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      fault: fc.nat({ max: FAULT_KINDS.length - 1 }),
      path: fc.constantFrom('push' as const, 'pull' as const, 'bootstrap' as const, 'events' as const),
      times: fc.integer({ min: 1, max: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('network' as const), isDown: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('killClient' as const), agent }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('killServer' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resetEpoch' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(500, 5_000, 30_000, 120_000) }),
  },
);

function faultOf(kind: FaultKind): Fault {
  switch (kind) {
    case 'unavailable':
      return { kind: 'status', status: 503, retryAfterSeconds: 2 };
    case 'truncate':
      return { kind: 'truncate', afterBytes: 2_000 };
    default:
      return { kind };
  }
}

/** An app started while the server is unreachable stays signed out until the agent signs in again later. */
function ignoreOffline(error: unknown): void {
  if (!(error instanceof NetworkError) && !(error instanceof SyncHttpError)) throw error;
}

function at<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Cases a client can see right now, in a stable order. */
function visibleCases(client: DesktopClient): string[] {
  return client.sql((db) =>
    db
      .prepare<[], { id: string }>('SELECT id FROM cases ORDER BY id')
      .all()
      .map((row) => row.id),
  );
}

/**
 * Plays one random scenario against a world with desktop clients for `agents`, then restores the
 * network and the server, lets everything quiet down and returns the invariant violations.
 */
export async function playRandomRun(
  world: World,
  clients: readonly DesktopClient[],
  supervisor: () => Promise<ProtocolClient>,
  actions: readonly Action[],
  onLocalRefusal: (code: string) => void = () => undefined,
): Promise<string[]> {
  const teamCases = async (): Promise<Case[]> => {
    const first = clients[0];
    const user = first?.engine.user();
    if (!world.server.isRunning || !user) return [];
    const rows = await world.server.database.query<{ data: Case }>(
      'SELECT data FROM cases WHERE team_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id',
      [JSON.stringify(user.teamIds)],
    );
    return rows.map((row) => row.data);
  };
  let console: ProtocolClient | null = null;
  const asSupervisor = async (): Promise<ProtocolClient | null> => {
    if (!world.server.isRunning) return null;
    console ??= await supervisor();
    return console;
  };

  for (const action of actions) {
    const client = 'agent' in action ? at(clients, action.agent) : undefined;
    try {
      switch (action.kind) {
        case 'reply':
        case 'note':
        case 'take':
        case 'tag':
        case 'untag':
        case 'status': {
          if (!client?.isAlive) break;
          const caseId = at(visibleCases(client), action.pick);
          if (!caseId) break;
          if (action.kind === 'reply') client.reply(caseId, `Reply ${randomUUID().slice(0, 8)} to your request.`);
          else if (action.kind === 'note')
            client.write('case.addNote@1', { caseId, noteId: randomUUID(), body: 'Internal note.' });
          else if (action.kind === 'take') client.write('case.take@1', { caseId });
          else if (action.kind === 'status')
            client.write('case.setStatus@1', { caseId, to: STATUSES[action.to] ?? 'open' });
          else if (action.kind === 'tag' || action.kind === 'untag') {
            client.write(action.kind === 'tag' ? 'case.addTag@1' : 'case.removeTag@1', {
              caseId,
              tag: TAGS[action.tag] ?? 'vip',
            });
          }
          break;
        }
        case 'assign': {
          const target = at(await teamCases(), action.pick);
          const to = action.to < clients.length ? (clients[action.to]?.engine.user()?.id ?? null) : null;
          const direct = await asSupervisor();
          if (target && direct) await direct.push([{ key: 'case.assign@1', args: { caseId: target.id, to } }]);
          break;
        }
        case 'close':
        case 'merge': {
          const cases = await teamCases();
          const target = at(cases, action.pick);
          const other = at(cases, action.other);
          const direct = await asSupervisor();
          if (!target || !direct) break;
          if (action.kind === 'close')
            await direct.push([{ key: 'case.setStatus@1', args: { caseId: target.id, to: 'solved' } }]);
          else if (other && other.id !== target.id)
            await direct.push([{ key: 'case.merge@1', args: { caseId: target.id, intoId: other.id } }]);
          break;
        }
        case 'fault':
          world.proxy.addRule(
            { path: new RegExp(`^/sync/v1/${action.path}`) },
            faultOf(FAULT_KINDS[action.fault] ?? 'refuse'),
            { times: action.times },
          );
          break;
        case 'network':
          world.proxy.setDown(action.isDown);
          break;
        case 'killClient':
          if (client?.isAlive) client.kill();
          else if (client) await client.restart().catch(ignoreOffline);
          break;
        case 'killServer':
          if (world.server.isRunning) await world.killServer();
          else await world.restartServer();
          break;
        case 'resetEpoch':
          if (world.server.isRunning) await world.server.resetEpoch();
          break;
        case 'wait':
          await world.runFor(action.ms, Math.max(500, action.ms / 4));
          break;
      }
    } catch (error) {
      // A refusal of a local write (closed case, no longer in scope, illegal transition) is the agent's
      // error message in the UI: nothing was written. Anything else is a real failure of the run.
      if (!(error instanceof StoreError)) throw error;
      onLocalRefusal(error.code);
    }
    await world.idle(50);
  }

  world.proxy.clearRules();
  world.proxy.discardHeld();
  if (!world.server.isRunning) await world.restartServer();
  world.proxy.setDown(false);
  for (const client of clients) if (!client.isAlive) await client.restart();
  for (const client of clients) if (client.engine.status().connection === 'signed_out') await client.signIn();
  return world.settleAndCheck();
}
