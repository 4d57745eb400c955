export { openLocalStore } from './localStore';
export type { LocalStoreOptions } from './localStore';
export type { DiskFaults } from './schema/diskFaults';
export type {
  BootstrapRow,
  BootstrapWriter,
  CanonicalBatch,
  ChangeOutcome,
  LocalStore,
  ResultsOutcome,
  ServerHoldings,
  ServerIdentityStore,
  StoreReads,
  StoreWrites,
  SyncState,
  SyncStatePatch,
  SyncStore,
} from './interface';
export type { WriteOutcome, BulkOutcome } from './localWrites';
export type { QueueRequest, QueueFilters, Viewer } from './reads/queueQueries';
export { StoreError, systemClock, randomIds } from './ports';
export type { Clock, IdGenerator } from './ports';
export { DatabaseFromFutureError, migrate, schemaVersion } from './schema/migrate';
export type { Migration } from './schema/migrate';
export { MIGRATIONS } from './schema/migrations';
