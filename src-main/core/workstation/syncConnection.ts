import type { AttachmentVariant } from '../../../src-shared/domain/attachment';
import type { z } from 'zod';
import type { EventName, EventPayload, SyncStatus } from '../../../src-shared/contract/workstation';
import type { User } from '../../../src-shared/domain/user';
import type { LocalStore } from '../store';
import { StoreError } from '../store';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * What the workstation needs from the sync engine: status, sign-in and sign-out, and a nudge after
 * each local write. The engine reports pulls, rejections and status changes through the emitter it is
 * given with connect(), so the renderer hears cases:changed, attention:changed and sync:status.
 */
export interface SyncConnection {
  status(): SyncStatus;
  /** Resolves with the signed-in user; rejects with a StoreError (code UNAUTHORIZED, OFFLINE, ...). */
  signIn(credentials: { username: string; password: string }): Promise<User>;
  signOut(): Promise<void>;
  /** Local writes are waiting in the outbox: push soon. Never throws. */
  kick(): void;
  connect?(emit: EmitEvent): void;
  close?(): void;
  /** Waits for a running sync cycle to end (after sign-out), so nothing lands in the store after a wipe. */
  quiesce?(): Promise<void>;
  /** Downloads one copy of a file from the server (GET /api/v1/attachments/:id/content); absent offline. */
  downloadFile?(attachmentId: string, variant: AttachmentVariant): Promise<{ mediaType: string; bytes: Buffer }>;
  /** Called when the server says an admin revoked this device (DEVICE_REVOKED). */
  onDeviceRevoked?(listener: () => void): void;
  /**
   * One online request to the central API as the signed-in user (trainer methods); rejects with a
   * StoreError: OFFLINE when the server cannot be reached, else the server's own code and details.
   */
  serverJson?<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>>;
}

/**
 * No server: the workstation runs on what its store holds. It says so (signed_out, or offline with the
 * outbox count) instead of pretending to sync, and refuses sign-in with a clear reason.
 */
export function createOfflineSync(store: LocalStore): SyncConnection {
  return {
    status(): SyncStatus {
      const state = store.getSyncState();
      return {
        connection: store.currentUser() ? 'offline' : 'signed_out',
        pendingCount: store.pendingCount(),
        lastSyncedAt: state.lastSyncedAt,
        serverOffsetMs: state.serverOffsetMs,
        bootstrap: null,
        lastError: null,
      };
    },
    signIn: () =>
      Promise.reject(
        new StoreError('OFFLINE', 'No sync server is configured: this workstation works on its local data only.'),
      ),
    signOut: async () => {
      store.setSyncState({ userId: null });
    },
    kick: () => undefined,
  };
}
