import type { LocalStore } from '../store';
import type { CurrentConnection } from './currentConnection';
import type { EmitEvent, SyncConnection } from './syncConnection';

/**
 * What this device holds for the agent: locked after a sign-out (across restarts: the lock is stored) and
 * wiped on request or when an admin revokes the device.
 */
export function createDeviceData(
  store: LocalStore,
  current: CurrentConnection,
  emit: EmitEvent,
  /** Other stores of the device's data wiped with it (the practice sandbox's). */
  alsoWipe: () => void = () => undefined,
) {
  /** Locked until someone signs in again; any sign-in lifts it, the agent's or the embedded demo's. */
  function isLocked(): boolean {
    if (!store.isDeviceLocked()) return false;
    if (current.sync.status().connection === 'signed_out') return true;
    store.unlockDevice();
    return false;
  }

  /** Signs out, waits for a running sync to end, then removes everything this device holds for the agent. */
  async function remove(reason: 'requested' | 'revoked'): Promise<void> {
    await current.sync.signOut().catch(() => undefined);
    await current.sync.quiesce?.();
    store.wipeDevice();
    alsoWipe();
    emit('cases:changed', { caseIds: [], all: true });
    emit('attention:changed', { count: 0 });
    emit('sync:status', current.sync.status());
    emit('device:wiped', { reason });
  }

  /** Hands a sync connection the workstation's events and wipes the device when its server revokes it. */
  function attach(connection: SyncConnection): void {
    connection.connect?.(emit);
    connection.onDeviceRevoked?.(() => {
      void remove('revoked').catch(() => undefined);
    });
  }

  return { isLocked, remove, attach };
}
export type DeviceData = ReturnType<typeof createDeviceData>;
