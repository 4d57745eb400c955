import type { User } from '../../../src-shared/domain/user';
import type { LocalStore } from '../store';
import { StoreError } from '../store';
import type { EmitEvent, SyncConnection } from '../workstation/syncConnection';
import { createNotifier, SLA_CHECK_INTERVAL_MS, type Notifier } from '../workstation/notifier';
import { systemTimers } from './timers';
import type { SyncEngine, SyncEngineOptions } from './syncEngine';
import { createSyncEngine } from './syncEngine';
import { syncFailureOf } from './syncFailure';
import { SyncHttpError } from './syncHttp';

export type EngineConnection = SyncConnection & { engine: SyncEngine };

/**
 * Sign-in failures as the contract reports them: a code the renderer words in the agent's language
 * (features/settings), the message only for logs.
 */
function signInError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const failure = syncFailureOf(error);
  const details = error instanceof SyncHttpError ? error.details : undefined;
  switch (failure.code) {
    case 'NETWORK':
      return new StoreError('OFFLINE', 'The sync server cannot be reached.');
    case 'UNAUTHORIZED':
      return new StoreError('UNAUTHORIZED', 'Wrong username or password.');
    case 'RATE_LIMITED':
      return new StoreError('RATE_LIMITED', 'Too many sign-in attempts.', details);
    case 'OTHER_USER_UNSENT':
      return new StoreError('FORBIDDEN', 'This workstation holds unsent work of another user.');
    case 'SERVER_REFUSED':
    case 'SERVER_UNAVAILABLE':
      return new StoreError(
        error instanceof SyncHttpError ? error.code : failure.code,
        'The server refused sign-in.',
        details,
      );
    default:
      return new StoreError('INTERNAL', error instanceof Error ? error.message : String(error));
  }
}

/** An online call's failure as the contract reports it: OFFLINE when unreachable, else the server's code and details. */
function serverCallError(error: unknown): StoreError {
  if (error instanceof SyncHttpError) return new StoreError(error.code, error.message, error.details);
  const failure = syncFailureOf(error);
  if (failure.code === 'NETWORK') return new StoreError('OFFLINE', 'The central API cannot be reached.');
  if (failure.code === 'NOT_SIGNED_IN') return new StoreError('SIGNED_OUT', 'Sign in to use the central API.');
  return new StoreError('INTERNAL', error instanceof Error ? error.message : String(error));
}

/**
 * The workstation's SyncConnection backed by the real sync engine: status and its changes go out as
 * sync:status, data landed from the server as cases:changed, and rejections as attention:changed.
 */
export function createEngineConnection(
  options: Omit<SyncEngineOptions, 'store' | 'onApplied' | 'onDeviceRevoked'> & { store: LocalStore },
): EngineConnection {
  const { store } = options;
  const timers = options.timers ?? systemTimers;
  let emit: EmitEvent | null = null;
  let notifier: Notifier | null = null;
  let cancelSlaCheck: (() => void) | null = null;
  let deviceRevoked: (() => void) | null = null;
  const engine = createSyncEngine({
    ...options,
    onDeviceRevoked: () => deviceRevoked?.(),
    onApplied(applied) {
      if (!emit) return;
      emit('cases:changed', { caseIds: applied.caseIds, all: applied.all });
      if (applied.attentionAdded > 0) {
        emit('attention:changed', { count: store.attention().length });
        notifier?.attentionChanged();
      }
      notifier?.serverChanged(applied.all);
    },
  });
  engine.onStatus((status) => emit?.('sync:status', status));

  return {
    engine,
    async serverJson(method, path, schema, body) {
      try {
        return await engine.serverJson(method, path, schema, body);
      } catch (error) {
        throw serverCallError(error);
      }
    },
    status: () => engine.status(),
    async downloadFile(attachmentId, variant) {
      try {
        return await engine.downloadFile(attachmentId, variant);
      } catch (error) {
        if (error instanceof SyncHttpError && (error.status === 404 || error.status === 403))
          throw new StoreError(error.status === 404 ? 'NOT_FOUND' : 'FORBIDDEN', error.message);
        if (syncFailureOf(error).code === 'NETWORK')
          throw new StoreError('OFFLINE', 'The file is not on this desk and the server cannot be reached.');
        throw new StoreError('UNAVAILABLE', error instanceof Error ? error.message : String(error));
      }
    },
    async signIn(credentials): Promise<User> {
      let user: User;
      try {
        user = await engine.signIn(credentials.username, credentials.password);
      } catch (error) {
        throw signInError(error);
      }
      // The session shows the user at once, before the first bootstrap brings the directory.
      if (!store.currentUser()) store.importCanonical({ users: [user] });
      return user;
    },
    signOut: () => engine.signOut(),
    kick: () => engine.kick(),
    connect(emitter) {
      emit = emitter;
      notifier = createNotifier(store, options.clock, emitter);
      const checkSla = () => {
        notifier?.checkSla();
        cancelSlaCheck = timers.after(SLA_CHECK_INTERVAL_MS, checkSla);
      };
      checkSla();
      engine.start();
    },
    close() {
      cancelSlaCheck?.();
      void engine.stop();
    },
    async quiesce() {
      await engine.stop();
      engine.start();
    },
    onDeviceRevoked(listener) {
      deviceRevoked = listener;
    },
  };
}
