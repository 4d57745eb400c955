import type { MutationEnvelope, MutationResult } from '../../../src-shared/sync/mutations';
import type { Change, VerifyResponse } from '../../../src-shared/sync/protocol';
import type { Entity } from '../../../src-shared/sync/protocol';
import type { BootstrapWriter } from '../store/sync/bootstrapWriter';

/**
 * One row of a bootstrap stream (BootstrapRowSchema) on its way into a staged generation: its data parsed,
 * or as the JSON text its line carried (readBootstrapRow), which the store parses and, when the data
 * validates unchanged, keeps as received instead of serializing it again.
 */
export type BootstrapRow = { entity: Entity; entityId: string; version: number } & (
  { data: unknown } | { dataText: string }
);

/** The cases a store call touched, so the workstation can tell the UI what to refresh. */
export interface ChangeOutcome {
  caseIds: string[];
}

export interface SyncStateView {
  clientId: string;
  userId: string | null;
  /** Null until a bootstrap completed (or after a reset): the engine bootstraps before pulling. */
  cursor: string | null;
  lastMutationId: number;
  /** A bootstrap in progress (its staged generation) and the page token to resume it after a break. */
  bootstrapGeneration: number | null;
  bootstrapPageToken: string | null;
  serverOffsetMs: number;
  lastSyncedAt: string | null;
}

export type SyncStatePatch = Partial<
  Pick<SyncStateView, 'userId' | 'serverOffsetMs' | 'lastSyncedAt' | 'lastMutationId'>
>;

/**
 * What the sync engine needs from the local store (src-main/core/store implements it). Every method
 * is synchronous (better-sqlite3) and each is one SQLite transaction, so a failure such as SQLITE_FULL
 * changes nothing and the engine simply tries again later.
 */
export interface SyncStore {
  getSyncState(): SyncStateView;
  setSyncState(patch: SyncStatePatch): unknown;

  /** Pending outbox rows in id order (ids consecutive, no gaps), at most `limit`, after `afterId` when given. */
  pendingMutations(limit: number, afterId?: number): MutationEnvelope[];
  pendingCount(): number;
  /**
   * applied: drop from the outbox (called after the pull that carries the effect); rejected: an attention
   * item with the agent's text, optimistic effect undone. Results for unknown ids or uuids are ignored.
   */
  markResults(results: readonly MutationResult[]): ChangeOutcome & { attentionAdded: number };

  /**
   * Applies one page, settles the mutation results that came with it (as markResults) and stores its
   * cursor in one transaction, then re-applies pending mutations.
   */
  applyServerChanges(
    changes: readonly Change[],
    cursor: string,
    results?: readonly MutationResult[],
  ): ChangeOutcome & { attentionAdded?: number };

  /** Starts a new staged generation (dropping any unfinished one) and returns its number. */
  beginBootstrap(): number;
  /** Adds one page of rows to the staged generation with the token to resume after it; current data untouched. */
  stageBootstrap(generation: number, rows: readonly BootstrapRow[], pageToken: string | null): void;
  /**
   * A writer that stages this bootstrap's pages as stageBootstrap does, on a thread of its own while the
   * engine reads the next ones (store/sync/bootstrapWriter.ts); null, or absent, where the store cannot.
   */
  openBootstrapWriter?(generation: number): BootstrapWriter | null;
  /** Makes the staged generation current with its cursor, keeps the outbox and re-applies it. */
  completeBootstrap(generation: number, cursor: string): ChangeOutcome;
  /**
   * Indexes for search up to `limit` more of the rows a completed bootstrap left unindexed (search scans
   * them meanwhile); returns how many are left, 0 when none.
   */
  indexSearchBacklog(limit: number): number;

  /**
   * CLIENT_STATE_CONFLICT: adopt a new client id, renumber pending mutations from 1 (uuids and entity
   * ids kept, so the server still deduplicates their effects) and set lastMutationId to 0.
   */
  resetClientIdentity(clientId: string): unknown;

  /** {count, hash} of canonical data, computed exactly as the server's GET /sync/v1/verify. */
  verifyHash(): VerifyResponse;
}
