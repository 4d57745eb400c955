import type { Case, Message } from '../../src-shared/domain/case';
import type { Db, Queryable } from '../db/db';
import { UnitOfWork } from '../sync/unitOfWork';
import type { Deliverer } from './deliverer';
import { textArray } from '../db/sqlArray';

export interface OutboundOptions {
  pollMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  batchSize?: number;
  /**
   * How long a claim holds a row. A row still `sending` after that (its process died mid-delivery) is
   * delivered again with the same Idempotency-Key. Longer than a batch takes (batchSize x the deliverer's
   * timeout), so a live worker's claim does not run out under it.
   */
  leaseMs?: number;
  now: () => number;
  onError?: (error: unknown) => void;
}

type Claimed = { message_id: string; attempts: number };

/**
 * Delivers queued replies. A row is claimed (state `sending`, next_attempt_ms = the lease's end) in a
 * committed transaction before the deliverer is called. A crash mid-send leaves it `sending`; once the
 * lease has run out another run claims it again and delivers it with the same Idempotency-Key (the
 * message id), which the gateway contract says receivers dedupe by: at least once to the gateway, once
 * to the customer (issue 19.11; at-most-once stranded replies for good). Retries happen only on outcomes
 * the deliverer marks retryable. Several processes may run workers on one database: SKIP LOCKED hands
 * each row to one of them. Message delivery states go out through the change log.
 */
export class OutboundWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private isStopped = true;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;

  constructor(
    private readonly db: Db,
    private readonly deliverer: Deliverer,
    private readonly options: OutboundOptions,
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoffMs = options.backoffMs ?? 2000;
    this.maxBackoffMs = options.maxBackoffMs ?? 300_000;
    this.batchSize = options.batchSize ?? 20;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
  }

  start(): void {
    this.isStopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Asks for a run soon (after a push queued replies). */
  kick(): void {
    if (!this.isStopped && !this.running) this.schedule(0);
  }

  /** Delivers what is due now; returns how many rows it handled. Safe to call concurrently with itself. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    for (const row of claimed) await this.deliverOne(row);
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.runOnce();
      this.running
        .catch((error: unknown) => this.options.onError?.(error))
        .then((count) => {
          this.running = undefined;
          if (!this.isStopped) this.schedule(count === this.batchSize ? 0 : this.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async claim(): Promise<Claimed[]> {
    const nowMs = this.options.now();
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<Claimed & { case_id: string }>(
        `SELECT message_id, case_id, attempts FROM outbound
         WHERE state IN ('queued', 'sending') AND next_attempt_ms <= $1
         ORDER BY next_attempt_ms, message_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [nowMs, this.batchSize],
      );
      if (rows.length === 0) return [];
      await tx.query(
        `UPDATE outbound SET state = 'sending', attempts = attempts + 1, updated_ms = $2, next_attempt_ms = $3
         WHERE message_id = ANY($1::text[])`,
        [textArray(rows.map((row) => row.message_id)), nowMs, nowMs + this.leaseMs],
      );
      const firstAttempts = rows.filter((row) => row.attempts === 0).map((row) => row.message_id);
      await this.setDeliveryState(tx, firstAttempts, 'sending', nowMs);
      return rows.map((row) => ({ message_id: row.message_id, attempts: row.attempts + 1 }));
    });
  }

  private async deliverOne(row: Claimed): Promise<void> {
    const loaded = await this.db.query<{ message: Message; case_data: Case }>(
      'SELECT m.data AS message, c.data AS case_data FROM messages m JOIN cases c ON c.id = m.case_id WHERE m.id = $1',
      [row.message_id],
    );
    const found = loaded[0];
    const outcome = found
      ? await this.deliverer.deliver(found.message, found.case_data).catch((error: unknown) => ({
          ok: false as const,
          retryable: false,
          error: error instanceof Error ? error.message : String(error),
        }))
      : { ok: false as const, retryable: false, error: 'message not found' };
    const nowMs = this.options.now();
    await this.db.transaction(async (tx) => {
      if (outcome.ok) {
        await tx.query(`UPDATE outbound SET state = 'sent', last_error = NULL, updated_ms = $2 WHERE message_id = $1`, [
          row.message_id,
          nowMs,
        ]);
        await this.setDeliveryState(tx, [row.message_id], 'sent', nowMs);
      } else if (outcome.retryable && row.attempts < this.maxAttempts) {
        const delay = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (row.attempts - 1));
        await tx.query(
          `UPDATE outbound SET state = 'queued', last_error = $2, next_attempt_ms = $3, updated_ms = $4 WHERE message_id = $1`,
          [row.message_id, outcome.error, nowMs + delay, nowMs],
        );
      } else {
        await tx.query(`UPDATE outbound SET state = 'failed', last_error = $2, updated_ms = $3 WHERE message_id = $1`, [
          row.message_id,
          outcome.error,
          nowMs,
        ]);
        await this.setDeliveryState(tx, [row.message_id], 'failed', nowMs);
      }
    });
  }

  private async setDeliveryState(
    tx: Queryable,
    messageIds: readonly string[],
    state: Message['deliveryState'],
    nowMs: number,
  ): Promise<void> {
    if (messageIds.length === 0) return;
    const rows = await tx.query<{ data: Message; version: number }>(
      'SELECT data, version FROM messages WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [textArray(messageIds)],
    );
    const uow = new UnitOfWork(tx, nowMs);
    await uow.loadCases(rows.map((row) => row.data.caseId));
    for (const row of rows) {
      const updated: Message = { ...row.data, deliveryState: state };
      uow.updateChild('message', updated, row.version + 1);
    }
    await uow.flush();
    await uow.seal();
  }
}
