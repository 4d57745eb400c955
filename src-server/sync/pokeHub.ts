import { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/db';
import { isVisible } from './scope';
import { SYNC_CHANNEL } from './unitOfWork';

const NotificationSchema = z.union([
  z.object({ seq: z.int().min(0), scopes: z.array(z.tuple([z.string(), z.string().nullable()])) }),
  z.object({ seq: z.int().min(0), all: z.literal(true) }),
  z.object({ reset: z.literal(true) }),
  z.object({ floor: z.literal(true), teams: z.array(z.string()) }),
]);

/** poke: the caller's scope changed; reset: re-bootstrap; floor: an agent of a supervised team changed presence. */
const supervises = (principal: Principal, teams: readonly string[]) =>
  principal.role === 'admin' ||
  (principal.role === 'supervisor' && teams.some((team) => principal.teamIds.includes(team)));

export type SyncSignal = { kind: 'poke'; seq: number } | { kind: 'reset' } | { kind: 'floor' };
type Subscriber = { principal: Principal; send: (signal: SyncSignal) => void };

/**
 * Fans committed-change notifications out to this process's SSE connections. Notifications arrive via
 * LISTEN, so a push committed by any API process on the same PostgreSQL database reaches every process.
 */
export class PokeHub {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | undefined;

  async start(db: Db): Promise<void> {
    this.unlisten = await db.listen(SYNC_CHANNEL, (payload) => this.dispatch(payload));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
    this.subscribers.clear();
  }

  subscribe(principal: Principal, send: (signal: SyncSignal) => void): () => void {
    const subscriber = { principal, send };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  private dispatch(payload: string): void {
    let parsed: z.infer<typeof NotificationSchema>;
    try {
      parsed = NotificationSchema.parse(JSON.parse(payload));
    } catch {
      return;
    }
    for (const subscriber of this.subscribers) {
      if ('reset' in parsed) subscriber.send({ kind: 'reset' });
      else if ('floor' in parsed) {
        if (supervises(subscriber.principal, parsed.teams)) subscriber.send({ kind: 'floor' });
      } else if (
        'all' in parsed ||
        parsed.scopes.some(([teamId, assigneeId]) => isVisible(subscriber.principal, { teamId, assigneeId }))
      ) {
        subscriber.send({ kind: 'poke', seq: parsed.seq });
      }
    }
  }
}
