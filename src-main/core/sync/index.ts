export { createSyncEngine, describeSyncError, pushBatch } from './syncEngine';
export type { SyncEngine, SyncEngineOptions } from './syncEngine';
export type { BootstrapRow, SyncStateView, SyncStatePatch, SyncStore } from './syncStore';
export { NetworkError, SyncHttpError } from './syncHttp';
export type { FetchLike } from './syncHttp';
export type { Timers } from './timers';
export { systemTimers } from './timers';
export { backoffDelay, DEFAULT_BACKOFF } from './backoff';
export type { BackoffOptions } from './backoff';
