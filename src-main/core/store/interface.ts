import type { FileStore } from './files/fileStore';
import type {
  AttentionItem,
  CaseDetail,
  QueuePage,
  SearchHit,
  TagUse,
  Settings,
  ViewCounts,
} from '../../../src-shared/contract/workstation';
import type { Case, CaseEvent, Message, Note } from '../../../src-shared/domain/case';
import type { Team, User } from '../../../src-shared/domain/user';
import type { MutationEnvelope, MutationKey, MutationResult } from '../../../src-shared/sync/mutations';
import type { Change, Entity, VerifyResponse } from '../../../src-shared/sync/protocol';
import type { BulkOutcome, WriteOutcome } from './localWrites';
import type { QueueFilters, QueueRequest } from './reads/queueQueries';

/**
 * Everything the rest of the desk may ask of the local store (Signal Desktop's sql/Interface.ts is the model):
 * one list, grouped by who needs it, with no database handle and no SQL. better-sqlite3 is synchronous, so every
 * method is; each mutating one is ONE SQLite transaction and throws StoreError (code) on a refusal, leaving
 * the database unchanged, so a failure such as SQLITE_FULL changes nothing and its caller may simply try again.
 */
export interface LocalStore
  extends StoreReads, StoreWrites, SyncStore, ServerIdentityStore, DeviceDataStore, FileStore {
  close(): void;
}

/** What the workstation reads: canonical data with pending local changes applied on top. */
export interface StoreReads {
  currentUser(): User | null;
  users(): User[];
  teams(): Team[];
  caseCount(): number;
  queue(request: QueueRequest): QueuePage;
  counts(filters: QueueFilters): ViewCounts;
  search(text: string, limit: number): SearchHit[];
  /** The tags on the visible cases with how many cases carry each, most used first. */
  tagsInUse(limit: number): TagUse[];
  /** Rows a bootstrap left to index for search (search/searchBacklog.ts); 0 when search uses its indexes alone. */
  searchBacklog(): number;
  caseDetail(id: string): CaseDetail | null;
  attention(): AttentionItem[];
  settings(): Settings;
}

/** The agent's own changes: each write is applied optimistically and queued in the outbox in one transaction. */
export interface StoreWrites {
  write(key: MutationKey, args: unknown): WriteOutcome;
  /** Each case in its own savepoint inside one transaction: refusals are listed, the rest is saved. */
  bulk(caseIds: readonly string[], action: (caseId: string) => [MutationKey, unknown]): BulkOutcome;
  /**
   * discard drops the item knowingly. reopen_and_send reopens a solved case and sends the kept reply or note
   * again under a new id, all in one transaction with the item's removal.
   */
  resolveAttention(id: string, action: 'reopen_and_send' | 'discard'): WriteOutcome | null;
  updateSettings(patch: Partial<Settings>): Settings;
  /** Canonical rows in one transaction (demo data, benchmarks), through the same row writer as sync. */
  importCanonical(batch: CanonicalBatch): void;
}

/** Canonical rows for a bulk load (demo data, benchmarks): the version each entity carries. */
export interface CanonicalBatch {
  teams?: readonly Team[];
  users?: readonly User[];
  cases?: readonly Case[];
  messages?: readonly Message[];
  notes?: readonly Note[];
  events?: readonly CaseEvent[];
}

/** What the sync engine reads and sets besides the data itself (SYNC.md identities and cursor). */
export interface SyncState {
  clientId: string;
  userId: string | null;
  /** Null until a bootstrap completed (or after a reset): the engine bootstraps before pulling. */
  cursor: string | null;
  /** The server's last acknowledged mutation id for this client. */
  lastMutationId: number;
  nextMutationId: number;
  generation: number;
  /** A bootstrap in progress (its staged generation) and the page token to resume it after a break. */
  bootstrapGeneration: number | null;
  bootstrapPageToken: string | null;
  serverOffsetMs: number;
  lastSyncedAt: string | null;
}
export type SyncStatePatch = Partial<
  Pick<SyncState, 'userId' | 'cursor' | 'lastMutationId' | 'serverOffsetMs' | 'lastSyncedAt'>
>;

/** The cases a store call touched, so the workstation can tell the UI what to refresh. */
export interface ChangeOutcome {
  caseIds: string[];
}
/** Settled mutation results: the cases they touched and how many rejections became attention items. */
export interface ResultsOutcome extends ChangeOutcome {
  attentionAdded: number;
}

/**
 * One row of a bootstrap stream (BootstrapRowSchema) on its way into a staged generation: its data parsed,
 * or as the JSON text its line carried (sync/bootstrapLine.ts), which the store parses and, when the data
 * validates unchanged, keeps as received instead of serializing it again.
 */
export type BootstrapRow = { entity: Entity; entityId: string; version: number } & (
  { data: unknown } | { dataText: string }
);

/**
 * Stages a bootstrap's pages on a thread and connection of its own while the engine reads the next ones
 * (sync/bootstrapWriter.ts). Pages commit in order, each with its resume token, as stageBootstrap commits it.
 */
export interface BootstrapWriter {
  /** Validates the rows here (StoreError BAD_CHANGE as stageBootstrap) and queues the page; resolves once few pages wait. */
  stage(rows: readonly unknown[], pageToken: string | null): Promise<void>;
  /** Resolves when every queued page is committed; rejects with the first failure (its StoreError or SQLite code kept). */
  flush(): Promise<void>;
  /** Waits for the queued pages to settle and ends the thread; never rejects. */
  close(): Promise<void>;
}

/** What the sync engine needs from the store. */
export interface SyncStore {
  getSyncState(): SyncState;
  setSyncState(patch: SyncStatePatch): SyncState;

  /** Pending outbox rows in id order (ids consecutive, no gaps), at most `limit`, after `afterId` when given. */
  pendingMutations(limit: number, afterId?: number): MutationEnvelope[];
  pendingCount(): number;
  /**
   * applied: drop from the outbox (called after the pull that carries the effect); rejected: an attention
   * item keeping the agent's text, optimistic effect undone. Results for unknown ids or uuids are ignored.
   */
  markResults(results: readonly MutationResult[]): ResultsOutcome;
  /**
   * One pull page in ONE transaction: its changes, the mutation results that came with it (as markResults)
   * and its cursor; then pending mutations re-applied on the touched cases. Input is validated first
   * (StoreError BAD_CHANGE, BAD_RESULT): the server is a boundary.
   */
  applyServerChanges(
    changes: readonly (Change | unknown)[],
    cursor: string,
    results?: readonly (MutationResult | unknown)[],
  ): ResultsOutcome;

  /** Starts a new staged generation (dropping any unfinished one) and returns its number. */
  beginBootstrap(): number;
  /** Adds one page of rows to the staged generation with the token to resume after it; current data untouched. */
  stageBootstrap(generation: number, rows: readonly BootstrapRow[], pageToken: string | null): void;
  /** stageBootstrap on a thread of its own; null where the database has no file a second connection could open. */
  openBootstrapWriter(generation: number): BootstrapWriter | null;
  /** Makes the staged generation current with its cursor, keeps the outbox and re-applies it. */
  completeBootstrap(generation: number, cursor: string): ChangeOutcome;
  /** Indexes up to `limit` more rows of the search backlog, newest first; returns how many are left (0: none). */
  indexSearchBacklog(limit: number): number;

  /**
   * CLIENT_STATE_CONFLICT: adopt a new client id, renumber pending mutations from 1 (uuids and entity ids
   * kept, so the server still deduplicates their effects) and set lastMutationId to 0.
   */
  resetClientIdentity(clientId: string): SyncState;
  /** {count, hash} of canonical data, computed exactly as the server's GET /sync/v1/verify. */
  verifyHash(): VerifyResponse;

  /** Files the agent attached that the API does not have yet, and what became of each upload (files/fileStore.ts). */
  filesToUpload: FileStore['filesToUpload'];
  markFileUploaded: FileStore['markFileUploaded'];
  markFileRefused: FileStore['markFileRefused'];
}

/** What the data holds that belongs to its server: unsent changes and rejected ones kept for the agent. */
export interface ServerHoldings {
  cases: number;
  unsent: number;
  attention: number;
  hasSynced: boolean;
}

/** Which central API the data came from, and clearing it when the workstation moves to another one. */
/**
 * This device's hold on the agent's data (deviceData.ts): locked after a sign-out until someone signs in
 * again, across restarts too; wiped at the agent's request or when an admin revoked the device.
 */
export interface DeviceDataStore {
  isDeviceLocked(): boolean;
  lockDevice(): void;
  unlockDevice(): void;
  /**
   * Removes every case, message, note, user, outbox row and agent setting and starts a new client identity;
   * only the server address stays. Nothing of the old rows is left in the file or its WAL. Leaves it locked.
   */
  wipeDevice(): void;
}

export interface ServerIdentityStore {
  /** The identity recorded with the data ('embedded', or the server's URL); null before the first record. */
  dataServer(): string | null;
  recordDataServer(identity: string): void;
  holdings(): ServerHoldings;
  /**
   * Drops everything the previous server sent, in ONE transaction, and starts a new client identity with no
   * cursor and no user: the next sign-in bootstraps from the new server. Settings stay. The caller checks
   * first that nothing unsent would be lost (holdings()).
   */
  clearForNewServer(identity: string): void;
}
