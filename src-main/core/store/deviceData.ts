import type { SqliteDatabase } from './schema/openDatabase';
import type { DeviceDataStore } from './interface';
import { createServerIdentity } from './sync/serverIdentity';
import { readJson } from './json';
import type { IdGenerator } from './ports';

const LOCK_KEY = 'storeLocked';

/**
 * This device's hold on the agent's data: locked after a sign-out (no case can be read through the
 * contract until someone signs in again, also across restarts), and wiped on request or when an admin
 * revoked the device. The lock lives in the settings table under its own key.
 */
export function createDeviceData(db: SqliteDatabase, ids: IdGenerator): DeviceDataStore {
  const serverData = createServerIdentity(db, ids);
  const readLock = db.prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = '${LOCK_KEY}'`);
  const writeLock = db.prepare(
    `INSERT INTO settings (key, value) VALUES ('${LOCK_KEY}', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const clearLock = db.prepare(`DELETE FROM settings WHERE key = '${LOCK_KEY}'`);
  const serverUrl = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'settings'");

  return {
    isDeviceLocked: (): boolean => readLock.get() !== undefined,
    lockDevice(): void {
      writeLock.run();
    },
    unlockDevice(): void {
      clearLock.run();
    },
    /**
     * Removes every case, message, note, user, outbox row and setting of the agent from this device and
     * starts a new client identity; only the server address (and which server it names) stays, so the
     * device can be signed in to again. Deleted pages are zeroed (secure_delete) and the file is rebuilt
     * and the WAL truncated, so nothing of the old rows is left in either file, not even encrypted. The
     * store stays locked until someone signs in.
     */
    wipeDevice(): void {
      const kept = serverUrl.get()?.value;
      const address = kept === undefined ? null : readJson<{ serverUrl?: unknown }>(kept).serverUrl;
      const identity = serverData.dataServer() ?? 'embedded';
      db.pragma('secure_delete = ON');
      try {
        db.transaction(() => {
          serverData.clearForNewServer(identity);
          const staged = db
            .prepare<[], { name: string }>(
              "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'next\\_%' ESCAPE '\\'",
            )
            .all();
          for (const { name } of staged) db.exec(`DROP TABLE IF EXISTS "${name}"`);
          db.exec(`DELETE FROM settings WHERE key NOT IN ('dataServer')`);
          if (typeof address === 'string')
            db.prepare("INSERT INTO settings (key, value) VALUES ('settings', ?)").run(
              JSON.stringify({ serverUrl: address }),
            );
          writeLock.run();
        })();
      } finally {
        db.pragma('secure_delete = OFF');
      }
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
