import type { SyncStatus } from '../../../src-shared/contract/workstation';
import type { User } from '../../../src-shared/domain/user';
import type { MutationEnvelope, MutationResult } from '../../../src-shared/sync/mutations';
import type { LoginResponse, PushResponse } from '../../../src-shared/sync/protocol';
import {
  BootstrapLineSchema,
  LoginResponseSchema,
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
} from '../../../src-shared/sync/protocol';
import type { Clock, IdGenerator } from '../store/ports';
import type { BackoffOptions } from './backoff';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { isBootstrapRow, readBootstrapRow } from './bootstrapLine';
import { readLineBatches, readLines } from './lineReader';
import { parseServerEvents } from './serverEvents';
import type { FetchLike } from './syncHttp';
import { createSyncHttp, NetworkError, SyncHttpError } from './syncHttp';
import type { BootstrapRow, BootstrapWriter, SyncStore } from '../store';

import type { Timers } from './timers';
import { systemTimers } from './timers';

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
  /** Logs in, then bootstraps or pulls and drains the outbox. Throws SyncHttpError (401, 429) or NetworkError. */
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
}

const DEFAULTS = {
  appVersion: '0.1.0',
  schemaVersion: 1,
  pollIntervalMs: 30_000,
  requestTimeoutMs: 30_000,
  stallTimeoutMs: 45_000,
  bootstrapWriterAfterRows: 10_000,
};

/** Room for the push envelope around the mutations (protocol, clientId, versions, brackets). */
const PUSH_ENVELOPE_BYTES = 512;
/** Rows indexed for search per slice after a bootstrap: ~15 to 35 ms each, short enough to keep calls responsive. */
const SEARCH_INDEX_SLICE_ROWS = 2_000;
const SEARCH_INDEX_RETRY_MS = 5_000;

type Deferred = { resolve: () => void; reject: (error: unknown) => void };

function isStoreError(error: unknown): boolean {
  return error instanceof Error && error.name === 'StoreError';
}

function isDiskFull(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'SQLITE_FULL';
}

/** Human text for status.lastError; the agent sees it, so it says what happens next. */
export function describeSyncError(error: unknown): string {
  if (isDiskFull(error))
    return 'The disk is full: new changes from the server cannot be saved. Your unsent work is kept; free some disk space and syncing resumes.';
  if (error instanceof NetworkError)
    return `Cannot reach the server (${error.message}); your work is kept and sent when it is back.`;
  if (error instanceof SyncHttpError) {
    if (error.status === 401)
      return 'Your session ended: sign in again. Unsent work is kept and sent after you sign in.';
    return `The server refused sync (${error.code}: ${error.message}); retrying.`;
  }
  return error instanceof Error ? `Sync failed: ${error.message}` : 'Sync failed';
}

/** Takes pending mutations from the front while the request stays within 500 mutations and 1 MB. */
export function pushBatch(pending: readonly MutationEnvelope[]): MutationEnvelope[] {
  const batch: MutationEnvelope[] = [];
  let bytes = PUSH_ENVELOPE_BYTES;
  for (const mutation of pending) {
    const size = Buffer.byteLength(JSON.stringify(mutation)) + 1;
    if (batch.length > 0 && (batch.length >= MAX_PUSH_MUTATIONS || bytes + size > MAX_PUSH_BYTES)) break;
    batch.push(mutation);
    bytes += size;
  }
  return batch;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, clock, ids } = options;
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const settings = {
    appVersion: options.appVersion ?? DEFAULTS.appVersion,
    schemaVersion: options.schemaVersion ?? DEFAULTS.schemaVersion,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    stallTimeoutMs: options.stallTimeoutMs ?? DEFAULTS.stallTimeoutMs,
    bootstrapWriterAfterRows: options.bootstrapWriterAfterRows ?? DEFAULTS.bootstrapWriterAfterRows,
  };

  let serverOffsetMs = store.getSyncState().serverOffsetMs;
  const http = createSyncHttp({
    baseUrl: options.serverUrl,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    clock,
    timers,
    timeoutMs: settings.requestTimeoutMs,
    onServerOffset(offset) {
      serverOffsetMs = offset;
    },
  });

  let token: string | null = null;
  let currentUser: User | null = null;
  let started = false;
  let running: Promise<void> | null = null;
  let inCycle = false;
  let wanted = false;
  let waiters: Deferred[] = [];
  let idleWaiters: Array<() => void> = [];
  let failures = 0;
  let offline = false;
  let lastError: string | null = null;
  let cancelRetry: (() => void) | null = null;
  let cancelPoll: (() => void) | null = null;
  let cancelIndexing: (() => void) | null = null;
  let needsBootstrap = false;
  let writerFailed = false;
  let resetsInARow = 0;
  let bootstrapReceived: number | null = null;
  let eventsOn = false;
  let eventStream: AbortController | null = null;
  let wakeEvents: (() => void) | null = null;
  const listeners = new Set<(status: SyncStatus) => void>();
  let lastStatusJson = '';

  function status(): SyncStatus {
    let pendingCount = 0;
    let lastSyncedAt: string | null = null;
    try {
      pendingCount = store.pendingCount();
      lastSyncedAt = store.getSyncState().lastSyncedAt;
    } catch {
      // A store that cannot be read still gets a status; lastError already says why.
    }
    return {
      connection: token === null ? 'signed_out' : inCycle ? 'syncing' : offline ? 'offline' : 'online',
      pendingCount,
      lastSyncedAt,
      serverOffsetMs,
      bootstrap: bootstrapReceived === null ? null : { received: bootstrapReceived, total: null },
      lastError,
    };
  }

  function emitStatus(): void {
    if (listeners.size === 0) return;
    const next = status();
    const json = JSON.stringify(next);
    if (json === lastStatusJson) return;
    lastStatusJson = json;
    for (const listener of listeners) listener(next);
  }

  function requestCycle(): void {
    wanted = true;
    ensureLoop();
  }

  function ensureLoop(): void {
    if (running || !started || token === null || !wanted) return;
    running = loop()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        emitStatus();
        if (wanted && cancelRetry === null) ensureLoop();
        if (!running) {
          const resolved = idleWaiters;
          idleWaiters = [];
          for (const resolve of resolved) resolve();
        }
      });
    emitStatus();
  }

  async function loop(): Promise<void> {
    while (wanted && started && token !== null) {
      wanted = false;
      const cycleWaiters = waiters;
      waiters = [];
      cancelRetry?.();
      cancelRetry = null;
      inCycle = true;
      try {
        await cycle();
        inCycle = false;
        failures = 0;
        offline = false;
        lastError = null;
        resetsInARow = 0;
        schedulePoll();
        for (const waiter of cycleWaiters) waiter.resolve();
      } catch (error) {
        inCycle = false;
        let again = false;
        try {
          again = handleFailure(error);
        } catch (recoveryError) {
          // Recovery itself failed (the disk filled up while renumbering, say): wait and try it all again.
          lastError = describeSyncError(recoveryError);
          scheduleRetry(null);
        }
        if (again) waiters.push(...cycleWaiters);
        else for (const waiter of cycleWaiters) waiter.reject(error);
      }
      emitStatus();
    }
  }

  /** Records the failure and plans what comes next; true when the cycle runs again at once. */
  function handleFailure(error: unknown): boolean {
    lastError = describeSyncError(error);
    if (error instanceof SyncHttpError) {
      if (error.status === 401) {
        signedOut();
        if (error.code === 'DEVICE_REVOKED') options.onDeviceRevoked?.();
        return false;
      }
      if (error.code === 'RESET_REQUIRED' && resetsInARow < 3) {
        resetsInARow++;
        needsBootstrap = true;
        bootstrapReceived = null;
        wanted = true;
        return true;
      }
      if ((error.code === 'CLIENT_STATE_CONFLICT' || error.code === 'OUT_OF_ORDER') && resetsInARow < 3) {
        // The server's record of this client no longer matches ours (restored or copied database, or a
        // server restored from backup): continue as a new client; uuids and entity ids keep effects single.
        resetsInARow++;
        store.resetClientIdentity(ids.uuid());
        wanted = true;
        return true;
      }
    }
    offline =
      error instanceof NetworkError ||
      (error instanceof SyncHttpError && (error.status >= 500 || error.status === 429));
    scheduleRetry(error instanceof SyncHttpError ? error.retryAfterMs : null);
    return false;
  }

  function scheduleRetry(retryAfterMs: number | null): void {
    cancelRetry?.();
    cancelRetry = null;
    if (!started || token === null) return;
    const delay = Math.max(backoffDelay(failures, random, backoff), Math.min(retryAfterMs ?? 0, backoff.maxMs));
    failures++;
    cancelRetry = timers.after(delay, () => {
      cancelRetry = null;
      requestCycle();
    });
  }

  function schedulePoll(): void {
    cancelPoll?.();
    cancelPoll = null;
    if (!started || token === null) return;
    cancelPoll = timers.after(settings.pollIntervalMs, () => {
      cancelPoll = null;
      if (cancelRetry === null) requestCycle();
    });
  }

  /** Callers of syncNow hear about a cycle that will not run (signed out, stopped) instead of waiting forever. */
  function rejectWaiters(error: Error): void {
    const waiting = waiters;
    waiters = [];
    for (const waiter of waiting) waiter.reject(error);
  }

  function signedOut(): void {
    rejectWaiters(new SyncHttpError(401, 'UNAUTHORIZED', 'signed out', undefined, null));
    token = null;
    stopEvents();
    cancelRetry?.();
    cancelRetry = null;
    cancelPoll?.();
    cancelPoll = null;
  }

  async function cycle(): Promise<void> {
    const pushResults = await pushAll();
    const state = store.getSyncState();
    if (needsBootstrap || state.cursor === null || state.bootstrapGeneration !== null) await bootstrap(needsBootstrap);
    await pullAll();
    // Applied results only after the pull that carries their effects, so the optimistic row never flickers back.
    // Those a pull page already carried were settled with it and are skipped by the store.
    if (pushResults.length > 0) reportApplied(store.markResults(pushResults), false);
    store.setSyncState({ lastSyncedAt: new Date(clock.now()).toISOString(), serverOffsetMs });
  }

  function reportApplied(outcome: { caseIds: string[]; attentionAdded?: number }, all: boolean): void {
    const attentionAdded = outcome.attentionAdded ?? 0;
    if (outcome.caseIds.length > 0 || all || attentionAdded > 0)
      options.onApplied?.({ caseIds: outcome.caseIds, all, attentionAdded });
    emitStatus();
  }

  function authToken(): string {
    if (token === null) throw new SyncHttpError(401, 'UNAUTHORIZED', 'signed out', undefined, null);
    return token;
  }

  /**
   * Sends the whole outbox, one request at a time; answers the results, marked later by cycle(). While a
   * later batch is in flight, the effects of the earlier ones are pulled and applied (pulls are not pushes:
   * SYNC.md allows one push in flight), so the store's work overlaps the server's.
   */
  async function pushAll(): Promise<MutationResult[]> {
    const results: MutationResult[] = [];
    let sentThrough = 0;
    let chase: Promise<void> = Promise.resolve();
    let chaseError: { error: unknown } | null = null;
    const chasePull = () => {
      chase = chase
        .then(async () => {
          if (chaseError === null) await pullAll();
        })
        .catch((error: unknown) => {
          chaseError ??= { error };
        });
    };
    const finish = async () => {
      await chase;
      if (chaseError) throw chaseError.error;
      return results;
    };
    let batch = pushBatch(store.pendingMutations(MAX_PUSH_MUTATIONS, sentThrough));
    for (;;) {
      const first = batch[0];
      const last = batch[batch.length - 1];
      if (!first || !last) return finish();
      const { clientId } = store.getSyncState();
      let response: PushResponse;
      try {
        response = await http.json('POST', '/sync/v1/push', PushResponseSchema, {
          token: authToken(),
          body: {
            protocol: PROTOCOL_VERSION,
            clientId,
            appVersion: settings.appVersion,
            schemaVersion: settings.schemaVersion,
            mutations: batch,
          },
        });
      } catch (error) {
        await chase;
        throw error;
      }
      const answered = new Set(response.results.map((result) => result.mutationId));
      if (!batch.every((mutation) => answered.has(mutation.id))) {
        await chase;
        throw new SyncHttpError(
          200,
          'INTERNAL',
          `the server answered push without a result for every mutation ${first.id}..${last.id}`,
          undefined,
          null,
        );
      }
      results.push(...response.results);
      sentThrough = last.id;
      store.setSyncState({ lastMutationId: response.lastMutationId });
      if (chaseError) return finish();
      batch = pushBatch(store.pendingMutations(MAX_PUSH_MUTATIONS, sentThrough));
      // Only a drain of more than one batch chases; a cycle with one batch pulls once, after it. A pull
      // needs current data to apply to: not while a bootstrap is due or half received.
      const state = store.getSyncState();
      if (batch.length > 0 && !needsBootstrap && state.cursor !== null && state.bootstrapGeneration === null)
        chasePull();
    }
  }

  /** Pulls until the server has no more; the results that come with a page are settled with it. */
  async function pullAll(): Promise<void> {
    for (;;) {
      const state = store.getSyncState();
      if (state.cursor === null) return;
      const page = await http.json('POST', '/sync/v1/pull', PullResponseSchema, {
        token: authToken(),
        body: { protocol: PROTOCOL_VERSION, clientId: state.clientId, cursor: state.cursor },
      });
      const applied = store.applyServerChanges(page.changes, page.cursor, page.results);
      // Read again: a push answered while this page was on its way may have moved it further.
      if (page.lastMutationId > store.getSyncState().lastMutationId)
        store.setSyncState({ lastMutationId: page.lastMutationId });
      reportApplied({ caseIds: applied.caseIds, attentionAdded: applied.attentionAdded ?? 0 }, false);
      if (!page.hasMore) return;
    }
  }

  /** Stages pages on this thread until the bootstrap is big enough for the store's writer thread (bootstrapWriterAfterRows). */
  function pageStager(generation: number) {
    let staged = 0;
    let writer: BootstrapWriter | null = null;
    // A writer that failed for its own reasons (its thread, a busy database) is not used again: the retry
    // resumes after its last committed page on this thread.
    const watched = async (work: Promise<void>) => {
      try {
        await work;
      } catch (error) {
        if (!isStoreError(error) && !isDiskFull(error)) writerFailed = true;
        throw error;
      }
    };
    return {
      async stage(rows: readonly BootstrapRow[], pageToken: string | null): Promise<void> {
        if (!writer && !writerFailed && staged >= settings.bootstrapWriterAfterRows)
          writer = store.openBootstrapWriter?.(generation) ?? null;
        if (writer) await watched(writer.stage(rows, pageToken));
        else store.stageBootstrap(generation, rows, pageToken);
        staged += rows.length;
      },
      flush: async () => writer && watched(writer.flush()),
      close: async () => writer?.close(),
    };
  }

  /** Streams the snapshot into a staged generation, resuming after the last page the store kept. */
  async function bootstrap(fresh: boolean): Promise<void> {
    const state = store.getSyncState();
    const resumable = !fresh && state.bootstrapGeneration !== null && state.bootstrapPageToken !== null;
    const generation =
      resumable && state.bootstrapGeneration !== null ? state.bootstrapGeneration : store.beginBootstrap();
    const pageToken = resumable ? state.bootstrapPageToken : null;
    needsBootstrap = false;
    bootstrapReceived ??= 0;
    emitStatus();
    const controller = new AbortController();
    let cancelStall = timers.after(settings.stallTimeoutMs, () => controller.abort());
    const query = pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : '';
    try {
      const response = await http.request('GET', `/sync/v1/bootstrap${query}`, {
        token: authToken(),
        signal: controller.signal,
        timeout: false,
      });
      if (!response.body) throw new NetworkError('bootstrap answered without a body');
      let rows: BootstrapRow[] = [];
      const stager = pageStager(generation);
      const stage = async (pageToken: string | null) => {
        await stager.stage(rows, pageToken);
        rows = [];
      };
      try {
        for await (const lines of readLineBatches(response.body, { signal: controller.signal })) {
          for (const line of lines) {
            if (line === '') continue;
            const row = readBootstrapRow(line);
            if (row) {
              rows.push(row);
              continue;
            }
            const raw: unknown = JSON.parse(line);
            if (isBootstrapRow(raw)) {
              rows.push(raw);
              continue;
            }
            const parsed = BootstrapLineSchema.safeParse(raw);
            if (!parsed.success)
              throw new SyncHttpError(200, 'INTERNAL', 'a bootstrap line does not match the protocol', undefined, null);
            const value = parsed.data;
            if ('pageToken' in value) {
              bootstrapReceived += rows.length;
              await stage(value.pageToken);
              cancelStall();
              cancelStall = timers.after(settings.stallTimeoutMs, () => controller.abort());
              emitStatus();
            } else if ('complete' in value) {
              if (rows.length > 0) await stage(null);
              await stager.flush();
              const outcome = store.completeBootstrap(generation, value.cursor);
              bootstrapReceived = null;
              reportApplied(outcome, true);
              indexSearchSoon();
              return;
            } else {
              rows.push(value);
            }
          }
        }
      } catch (error) {
        if (error instanceof SyncHttpError || isDiskFull(error) || isStoreError(error)) throw error;
        throw new NetworkError('the bootstrap stream was interrupted', { cause: error });
      } finally {
        // Pages already queued still commit (each with its token), so a retry resumes after the last of them.
        await stager.close();
      }
      throw new NetworkError('the bootstrap stream ended before it was complete');
    } catch (error) {
      if (error instanceof SyncHttpError && error.code === 'RESET_REQUIRED') needsBootstrap = true;
      throw error;
    } finally {
      cancelStall();
    }
  }

  async function listenForEvents(): Promise<void> {
    let attempt = 0;
    while (eventsOn && started && token !== null) {
      const controller = new AbortController();
      eventStream = controller;
      let cancelStall = timers.after(settings.stallTimeoutMs, () => controller.abort());
      try {
        const response = await http.request('GET', '/sync/v1/events', {
          token,
          signal: controller.signal,
          timeout: false,
        });
        if (!response.body) throw new NetworkError('events answered without a body');
        for await (const event of parseServerEvents(readLines(response.body, { signal: controller.signal }))) {
          attempt = 0;
          cancelStall();
          cancelStall = timers.after(settings.stallTimeoutMs, () => controller.abort());
          if (event.event === 'reset') needsBootstrap = true;
          if (event.event === 'poke' || event.event === 'reset') onPoke();
        }
      } catch (error) {
        if (error instanceof SyncHttpError && error.status === 401) {
          lastError = describeSyncError(error);
          signedOut();
          emitStatus();
          if (error.code === 'DEVICE_REVOKED') options.onDeviceRevoked?.();
          return;
        }
      } finally {
        cancelStall();
        eventStream = null;
      }
      if (!eventsOn) return;
      const delay = backoffDelay(attempt++, random, backoff);
      await new Promise<void>((resolve) => {
        const cancel = timers.after(delay, () => {
          wakeEvents = null;
          resolve();
        });
        wakeEvents = () => {
          cancel();
          wakeEvents = null;
          resolve();
        };
      });
    }
    eventsOn = false;
  }

  function stopEvents(): void {
    eventsOn = false;
    eventStream?.abort();
    wakeEvents?.();
  }

  /** A poke proves the server is reachable again, so it also cuts a backoff wait short. */
  function onPoke(): void {
    if (cancelRetry) {
      cancelRetry();
      cancelRetry = null;
    }
    requestCycle();
  }

  /**
   * A completed bootstrap leaves its rows' search entries to be built afterwards (searchBacklog.ts): a slice
   * at a time on the timers, so calls and sync run in between. A failing slice (disk full) changes nothing;
   * search keeps scanning the rows left and the slice is tried again later.
   */
  function indexSearchSoon(delayMs = 0): void {
    if (!started || cancelIndexing) return;
    cancelIndexing = timers.after(delayMs, () => {
      cancelIndexing = null;
      let left: number;
      try {
        left = store.indexSearchBacklog(SEARCH_INDEX_SLICE_ROWS);
      } catch {
        indexSearchSoon(SEARCH_INDEX_RETRY_MS);
        return;
      }
      if (left > 0) indexSearchSoon();
    });
  }

  function startEvents(): void {
    if (options.events === false || eventsOn || !started || token === null) return;
    eventsOn = true;
    void listenForEvents();
  }

  return {
    start() {
      if (started) return;
      started = true;
      startEvents();
      requestCycle();
      // An app closed before its search backlog was done picks it up again.
      indexSearchSoon();
    },
    async stop() {
      started = false;
      rejectWaiters(new Error('the sync engine stopped'));
      stopEvents();
      cancelIndexing?.();
      cancelIndexing = null;
      cancelRetry?.();
      cancelRetry = null;
      cancelPoll?.();
      cancelPoll = null;
      await running?.catch(() => undefined);
    },
    async signIn(username, password) {
      let login: LoginResponse;
      try {
        login = await http.json('POST', '/api/v1/auth/login', LoginResponseSchema, {
          body: { username, password, clientId: store.getSyncState().clientId },
        });
      } catch (error) {
        if (error instanceof SyncHttpError && error.code === 'DEVICE_REVOKED') options.onDeviceRevoked?.();
        lastError =
          error instanceof SyncHttpError && error.status === 401
            ? 'Sign-in failed: wrong username or password.'
            : describeSyncError(error);
        emitStatus();
        throw error;
      }
      const state = store.getSyncState();
      if (state.userId !== null && state.userId !== login.user.id) {
        if (store.pendingCount() > 0) {
          throw new SyncHttpError(
            409,
            'FORBIDDEN',
            'this workstation holds unsent work of another user; that user must sign in and sync first',
            undefined,
            null,
          );
        }
        store.resetClientIdentity(ids.uuid());
        needsBootstrap = true;
      }
      store.setSyncState({ userId: login.user.id });
      token = login.token;
      currentUser = login.user;
      lastError = null;
      failures = 0;
      offline = false;
      startEvents();
      requestCycle();
      emitStatus();
      return login.user;
    },
    async signOut() {
      const previous = token;
      signedOut();
      currentUser = null;
      emitStatus();
      if (previous) await http.request('POST', '/api/v1/auth/logout', { token: previous }).catch(() => undefined);
    },
    syncNow() {
      if (token === null)
        return Promise.reject(new SyncHttpError(401, 'UNAUTHORIZED', 'sign in to sync', undefined, null));
      if (!started) return Promise.reject(new Error('the sync engine is not started'));
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        cancelRetry?.();
        cancelRetry = null;
        requestCycle();
      });
    },
    kick() {
      wanted = true;
      if (cancelRetry === null) ensureLoop();
      emitStatus();
    },
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenIdle() {
      if (!running) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    user: () => currentUser,
  };
}
