import type { AttachmentVariant } from '../../../src-shared/domain/attachment';
import type { z } from 'zod';
import type { SyncStatus } from '../../../src-shared/contract/workstation';
import type { SyncProblem } from '../../../src-shared/contract/syncProblem';
import type { User } from '../../../src-shared/domain/user';
import { LoginResponseSchema } from '../../../src-shared/sync/protocol';
import type { ChangeOutcome, Clock, IdGenerator, SyncStore } from '../store';
import type { BackoffOptions } from './backoff';
import { DEFAULT_BACKOFF } from './backoff';
import { createBootstrapReceiver } from './bootstrapReceiver';
import { createCycleRunner, type AfterFailure } from './cycleRunner';
import { startEventStream } from './eventStream';
import { createPushPull } from './pushPull';
import type { Disposable } from './scheduler';
import { createSearchBacklogDriver } from './searchBacklogDriver';
import { isOfflineFailure, retryAfterOf, serverCodeOf, SyncError, syncFailureOf, syncProblemOf } from './syncFailure';
import type { FetchLike } from './syncHttp';
import { createSyncHttp } from './syncHttp';
import type { Timers } from './timers';
import type { PracticeStore } from '../store/practice/practiceStore';
import { syncTraining } from './trainingSync';
import { systemTimers } from './timers';

export { pushBatch } from './pushPull';

export interface SyncEngineOptions {
  store: SyncStore;
  /** The central API, e.g. http://127.0.0.1:8787 (no trailing path). */
  serverUrl: string;
  fetch?: FetchLike;
  clock: Clock;
  ids: IdGenerator;
  /** [0, 1); jitter for backoff. Defaults to Math.random. */
  random?: () => number;
  timers?: Timers;
  appVersion?: string;
  /** The local store's schema version, sent with every push. */
  schemaVersion?: number;
  backoff?: BackoffOptions;
  /** Pull this often even without pokes, because pokes are only hints (SYNC.md). */
  pollIntervalMs?: number;
  requestTimeoutMs?: number;
  /** A bootstrap page or the event stream silent this long counts as a dead connection. */
  stallTimeoutMs?: number;
  /**
   * Rows of a bootstrap staged on this thread before the store's bootstrap writer takes over the rest
   * (default 10,000): starting its thread costs tens of milliseconds, which small bootstraps need not pay.
   */
  bootstrapWriterAfterRows?: number;
  /** Listen to GET /sync/v1/events for pokes (default true). */
  events?: boolean;
  /** The server answered DEVICE_REVOKED: an admin revoked this install; the workstation wipes its data. */
  onDeviceRevoked?: () => void;
  /**
   * Practice's own scope, synced after the cases in every cycle (trainingSync.ts). Its failure never fails
   * the case sync: it is tried again with the next cycle.
   */
  practice?: PracticeStore;
  /** After data from the server landed: which cases changed (all after a bootstrap) and how many rejections became attention items. */
  onApplied?: (applied: AppliedChanges) => void;
}

export interface AppliedChanges {
  caseIds: string[];
  all: boolean;
  attentionAdded: number;
}

export interface SyncEngine {
  /** Begins syncing once signed in (timers, event stream). Safe to call more than once. */
  start(): void;
  /** Stops timers and the event stream and waits for a running cycle to end. The outbox stays. */
  stop(): Promise<void>;
  /** Logs in, then bootstraps or pulls and drains the outbox. Throws what syncFailureOf reads (401, 429, network). */
  signIn(username: string, password: string): Promise<User>;
  /** Revokes the token (best effort) and stops syncing; local data and the outbox stay. */
  signOut(): Promise<void>;
  /** One full cycle (bootstrap if needed, push everything, pull everything) starting after this call; rejects with its error. */
  syncNow(): Promise<void>;
  /** A local write happened: push soon, unless a retry is already scheduled by backoff. */
  kick(): void;
  status(): SyncStatus;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Resolves when no cycle is running or queued (a retry waiting on its backoff timer does not count). */
  whenIdle(): Promise<void>;
  user(): User | null;
  /** One copy of a file from the server, read whole (at most a file's limit); throws what syncFailureOf reads. */
  downloadFile(attachmentId: string, variant: AttachmentVariant): Promise<{ mediaType: string; bytes: Buffer }>;
  /**
   * One JSON request to the central API as the signed-in user (the trainer's online calls); throws
   * SyncError NOT_SIGNED_IN without a session, and what the HTTP client throws (SyncHttpError, NetworkError).
   */
  serverJson<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<z.infer<S>>;
}

const DEFAULTS = {
  appVersion: '0.1.0',
  schemaVersion: 1,
  pollIntervalMs: 30_000,
  requestTimeoutMs: 30_000,
  stallTimeoutMs: 45_000,
  bootstrapWriterAfterRows: 10_000,
};
/** Resets (RESET_REQUIRED, CLIENT_STATE_CONFLICT) in a row before the engine stops trying them at once. */
const MAX_RESETS_IN_A_ROW = 3;

/** Status listeners hear a status only when it changed. */
function createStatusFeed(read: () => SyncStatus) {
  const listeners = new Set<(status: SyncStatus) => void>();
  let lastJson = '';
  return {
    emit(): void {
      if (listeners.size === 0) return;
      const next = read();
      const json = JSON.stringify(next);
      if (json === lastJson) return;
      lastJson = json;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener: (status: SyncStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The desk's sync engine (SYNC.md): the parts below, each with one job, wired to one session. It keeps only
 * what the parts share: the token and user, whether it runs, the last problem, and whether a fresh bootstrap
 * is due.
 *
 * Over 100 lines as a factory only: it wires the parts to one session's shared state (token, user, last problem); each function inside is short.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, clock, ids } = options;
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULTS.stallTimeoutMs;
  let serverOffsetMs = store.getSyncState().serverOffsetMs;
  const http = createSyncHttp({
    baseUrl: options.serverUrl,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    clock,
    timers,
    timeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    onServerOffset(offset) {
      serverOffsetMs = offset;
    },
  });
  const session = { token: null as string | null, user: null as User | null };
  let isStarted = false;
  let isOffline = false;
  let lastError: SyncProblem | null = null;
  let needsBootstrap = false;
  let resetsInARow = 0;
  let events: Disposable | null = null;

  const token = (): string => {
    if (session.token === null) throw new SyncError({ code: 'NOT_SIGNED_IN' }, 'signed out');
    return session.token;
  };
  const status = (): SyncStatus => readStatus();
  const feed = createStatusFeed(status);
  const reportApplied = (outcome: ChangeOutcome & { attentionAdded?: number }, all: boolean): void => {
    const attentionAdded = outcome.attentionAdded ?? 0;
    if (outcome.caseIds.length > 0 || all || attentionAdded > 0)
      options.onApplied?.({ caseIds: outcome.caseIds, all, attentionAdded });
    feed.emit();
  };
  const searchBacklog = createSearchBacklogDriver(store, timers);
  const bootstrap = createBootstrapReceiver({
    http,
    store,
    timers,
    token,
    stallTimeoutMs,
    writerAfterRows: options.bootstrapWriterAfterRows ?? DEFAULTS.bootstrapWriterAfterRows,
    onProgress: () => feed.emit(),
    onComplete(outcome) {
      reportApplied(outcome, true);
      if (isStarted) searchBacklog.soon();
    },
  });
  const isBootstrapDue = (): boolean => {
    const state = store.getSyncState();
    return needsBootstrap || state.cursor === null || state.bootstrapGeneration !== null;
  };
  const pushPull = createPushPull({
    http,
    store,
    token,
    appVersion: options.appVersion ?? DEFAULTS.appVersion,
    schemaVersion: options.schemaVersion ?? DEFAULTS.schemaVersion,
    isBootstrapDue,
    onApplied: (outcome) => reportApplied(outcome, false),
  });

  /** Push everything, bootstrap if due, pull everything; applied results only after the pull that carries their effects. */
  async function cycle(): Promise<void> {
    const pushResults = await pushPull.pushAll();
    if (isBootstrapDue()) {
      const fresh = needsBootstrap;
      needsBootstrap = false;
      try {
        await bootstrap.receive(fresh);
      } catch (error) {
        if (serverCodeOf(syncFailureOf(error)) === 'RESET_REQUIRED') needsBootstrap = true;
        throw error;
      }
    }
    await pushPull.pullAll();
    // Those a pull page already carried were settled with it and are skipped by the store.
    if (pushResults.length > 0) reportApplied(store.markResults(pushResults), false);
    store.setSyncState({ lastSyncedAt: new Date(clock.now()).toISOString(), serverOffsetMs });
    if (options.practice) await syncTraining({ http, token, practice: options.practice }).catch(() => undefined);
  }

  /** Records the failure and decides what comes next. */
  function decide(error: unknown): { next: AfterFailure; retryAfterMs: number | null } {
    const failure = syncFailureOf(error);
    lastError = syncProblemOf(failure);
    if (failure.code === 'UNAUTHORIZED' || failure.code === 'NOT_SIGNED_IN') {
      signedOut();
      if (serverCodeOf(failure) === 'DEVICE_REVOKED') options.onDeviceRevoked?.();
      return { next: 'stop', retryAfterMs: null };
    }
    const serverCode = serverCodeOf(failure);
    if (serverCode === 'RESET_REQUIRED' && resetsInARow < MAX_RESETS_IN_A_ROW) {
      resetsInARow++;
      needsBootstrap = true;
      bootstrap.reset();
      return { next: 'again', retryAfterMs: null };
    }
    if (
      (serverCode === 'CLIENT_STATE_CONFLICT' || serverCode === 'OUT_OF_ORDER') &&
      resetsInARow < MAX_RESETS_IN_A_ROW
    ) {
      // The server's record of this client no longer matches ours (restored or copied database, or a
      // server restored from backup): continue as a new client; uuids and entity ids keep effects single.
      resetsInARow++;
      store.resetClientIdentity(ids.uuid());
      return { next: 'again', retryAfterMs: null };
    }
    isOffline = isOfflineFailure(failure);
    return { next: 'retry', retryAfterMs: retryAfterOf(failure) };
  }

  const runner = createCycleRunner({
    timers,
    random,
    backoff,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
    canRun: () => isStarted && session.token !== null,
    cycle,
    onSuccess() {
      isOffline = false;
      lastError = null;
      resetsInARow = 0;
    },
    onFailure(error) {
      try {
        return decide(error);
      } catch (recoveryError) {
        // Recovery itself failed (the disk filled up while renumbering, say): wait and try it all again.
        lastError = syncProblemOf(syncFailureOf(recoveryError));
        return { next: 'retry', retryAfterMs: null };
      }
    },
    onChange: () => feed.emit(),
  });

  function readStatus(): SyncStatus {
    let pendingCount = 0;
    let lastSyncedAt: string | null = null;
    try {
      pendingCount = store.pendingCount();
      lastSyncedAt = store.getSyncState().lastSyncedAt;
    } catch {
      // A store that cannot be read still gets a status; lastError already says why.
    }
    const received = bootstrap.received();
    return {
      connection:
        session.token === null ? 'signed_out' : runner.isInCycle() ? 'syncing' : isOffline ? 'offline' : 'online',
      pendingCount,
      lastSyncedAt,
      serverOffsetMs,
      bootstrap: received === null ? null : { received, total: null },
      lastError,
    };
  }

  function startEvents(): void {
    if (options.events === false || events !== null || !isStarted || session.token === null) return;
    events = startEventStream({
      http,
      timers,
      random,
      backoff,
      stallTimeoutMs,
      token: () => session.token,
      onEvent(kind) {
        if (kind === 'reset') needsBootstrap = true;
        // A poke proves the server is reachable again, so it also cuts a backoff wait short.
        runner.retryNow();
      },
      onUnauthorized(serverCode) {
        lastError = { code: 'SESSION_ENDED' };
        signedOut();
        feed.emit();
        if (serverCode === 'DEVICE_REVOKED') options.onDeviceRevoked?.();
      },
    });
  }

  function stopEvents(): void {
    events?.dispose();
    events = null;
  }

  function signedOut(): void {
    runner.rejectWaiters(new SyncError({ code: 'UNAUTHORIZED', serverCode: null }, 'signed out'));
    session.token = null;
    stopEvents();
    runner.dispose();
  }

  return {
    start() {
      if (isStarted) return;
      isStarted = true;
      startEvents();
      runner.request();
      // An app closed before its search backlog was done picks it up again.
      searchBacklog.soon();
    },
    async stop() {
      isStarted = false;
      runner.rejectWaiters(new SyncError({ code: 'STOPPED' }, 'the sync engine stopped'));
      stopEvents();
      searchBacklog.dispose();
      runner.dispose();
      await runner.settled();
    },
    signIn: (username, password) => signIn(username, password),
    async downloadFile(attachmentId, variant) {
      const response = await http.request(
        'GET',
        `/api/v1/attachments/${encodeURIComponent(attachmentId)}/content?variant=${variant}`,
        { token: token() },
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      return { mediaType: response.headers.get('content-type') ?? 'application/octet-stream', bytes };
    },
    async signOut() {
      const previous = session.token;
      signedOut();
      session.user = null;
      feed.emit();
      if (previous) await http.request('POST', '/api/v1/auth/logout', { token: previous }).catch(() => undefined);
    },
    syncNow() {
      if (session.token === null) return Promise.reject(new SyncError({ code: 'NOT_SIGNED_IN' }, 'sign in to sync'));
      if (!isStarted) return Promise.reject(new SyncError({ code: 'STOPPED' }, 'the sync engine is not started'));
      return runner.syncNow();
    },
    kick() {
      runner.kick();
      feed.emit();
    },
    status,
    onStatus: (listener) => feed.subscribe(listener),
    whenIdle: () => runner.whenIdle(),
    user: () => session.user,
    serverJson(method, path, schema, body) {
      if (session.token === null) return Promise.reject(new SyncError({ code: 'NOT_SIGNED_IN' }, 'sign in first'));
      return http.json(method, path, schema, { token: session.token, ...(body === undefined ? {} : { body }) });
    },
  };

  async function signIn(username: string, password: string): Promise<User> {
    let login;
    try {
      login = await http.json('POST', '/api/v1/auth/login', LoginResponseSchema, {
        body: { username, password, clientId: store.getSyncState().clientId },
      });
    } catch (error) {
      const failure = syncFailureOf(error);
      if (serverCodeOf(failure) === 'DEVICE_REVOKED') options.onDeviceRevoked?.();
      lastError = failure.code === 'UNAUTHORIZED' ? { code: 'SIGN_IN_FAILED' } : syncProblemOf(failure);
      feed.emit();
      throw error;
    }
    const state = store.getSyncState();
    if (state.userId !== null && state.userId !== login.user.id) {
      if (store.pendingCount() > 0)
        throw new SyncError(
          { code: 'OTHER_USER_UNSENT' },
          'this workstation holds unsent work of another user; that user must sign in and sync first',
        );
      store.resetClientIdentity(ids.uuid());
      needsBootstrap = true;
    }
    store.setSyncState({ userId: login.user.id });
    session.token = login.token;
    session.user = login.user;
    lastError = null;
    isOffline = false;
    runner.resetFailures();
    startEvents();
    runner.request();
    feed.emit();
    return login.user;
  }
}
