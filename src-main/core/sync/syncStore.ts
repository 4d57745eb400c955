import type { MutationEnvelope, MutationResult } from '../../../src-shared/sync/mutations';
import type { Change, VerifyResponse } from '../../../src-shared/sync/protocol';
import type { Entity } from '../../../src-shared/sync/protocol';

/** One row of a bootstrap stream (BootstrapRowSchema) on its way into a staged generation. */
export interface BootstrapRow {
  entity: Entity;
  entityId: string;
  version: number;
  data: unknown;
}

export interface SyncStateView {
  clientId: string;
  userId: string | null;
  /** Null until a bootstrap completed (or after a reset): the engine bootstraps before pulling. */
  cursor: string | null;
  lastMutationId: number;
  serverOffsetMs: number;
  lastSyncedAt: string | null;
}

export type SyncStatePatch = Partial<Pick<SyncStateView, 'userId' | 'serverOffsetMs' | 'lastSyncedAt' | 'lastMutationId'>>;

/**
 * What the sync engine needs from the local store (src-main/core/store implements it). Every method
 * is synchronous (better-sqlite3) and each is one SQLite transaction, so a failure such as SQLITE_FULL
 * changes nothing and the engine simply tries again later.
 */
export interface SyncStore {
  getSyncState(): SyncStateView;
  setSyncState(patch: SyncStatePatch): void;

  /** Pending outbox rows in id order (ids consecutive, no gaps), at most `limit`. */
  pendingMutations(limit: number): MutationEnvelope[];
  pendingCount(): number;
  /** applied: drop from the outbox; rejected: an attention item with the agent's text, optimistic effect undone. Unknown ids are ignored. */
  markResults(results: readonly MutationResult[]): void;

  /** Applies one page and stores its cursor in one transaction, then re-applies pending mutations. */
  applyServerChanges(changes: readonly Change[], cursor: string): void;

  /** Starts a new staged generation (dropping any unfinished one) and returns its number. */
  beginBootstrap(): number;
  /** Adds rows to the staged generation; the current data is untouched. */
  stageBootstrapRows(generation: number, rows: readonly BootstrapRow[]): void;
  /** Makes the staged generation current with its cursor, keeps the outbox and re-applies it. */
  completeBootstrap(generation: number, cursor: string): void;

  /**
   * CLIENT_STATE_CONFLICT: adopt a new client id, renumber pending mutations from 1 (uuids and entity
   * ids kept, so the server still deduplicates their effects) and set lastMutationId to 0.
   */
  resetClient(clientId: string): void;

  /** {count, hash} of canonical data, computed exactly as the server's GET /sync/v1/verify. */
  verifyHash(): VerifyResponse;
}
