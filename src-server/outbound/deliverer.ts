import type { Case, Message } from '../../src-shared/domain/case';

export type DeliveryOutcome =
  | { ok: true }
  /** retryable: the channel surely did not take the message (or dedupes by the idempotency key). */
  | { ok: false; retryable: boolean; error: string };

/** Sends one reply to the customer over the case's channel. Called at most once per attempt, never concurrently for one message. */
export interface Deliverer {
  deliver(message: Message, forCase: Case): Promise<DeliveryOutcome>;
}

/** The default when no channel is configured: every reply counts as handed over (demo and desktop use). */
export const acceptingDeliverer: Deliverer = {
  deliver: async () => ({ ok: true }),
};
