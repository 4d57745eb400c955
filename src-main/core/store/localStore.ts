import type Database from 'better-sqlite3-multiple-ciphers';
import type { Settings } from '../../../src-shared/contract/workstation';
import { BREACHING_SOON_MS } from '../../../src-shared/sla/breachingSoon';
import { createCaseState } from './caseState';
import type { LocalStore } from './interface';
import { createLocalWrites } from './localWrites';
import type { Clock, IdGenerator } from './ports';
import { createLocalReads } from './reads/localReads';
import type { Migration } from './schema/migrate';
import { createDeviceData } from './deviceData';
import { createFileStore } from './files/fileStore';
import { openDatabase } from './schema/openDatabase';
import { createDiskFaults, type DiskFaults } from './schema/diskFaults';
import { createBootstrapReceiving } from './sync/bootstrapReceiving';
import { createOutbox } from './sync/outbox';
import { createServerChanges } from './sync/serverChanges';
import { createServerIdentity } from './sync/serverIdentity';
import { createSyncStateRow } from './sync/syncStateRow';
import { verifyHash } from './sync/verifyHash';
import { createAttentionResolution } from './writes/attentionResolution';
import { createCanonicalImport } from './writes/canonicalImport';
import { createRowWriter } from './writes/rowWriter';

export type { LocalStore } from './interface';

export interface LocalStoreOptions {
  path: string;
  clock: Clock;
  ids: IdGenerator;
  /** "Breaching soon" looks this far ahead of now. */
  breachingHorizonHours?: number;
  /** Tests pass a fixture set; the app uses the shipped migrations. */
  migrations?: readonly Migration[];
  /**
   * The install's key (storeKey.ts): the database is encrypted at rest with it, and a plain one from
   * before is encrypted on open. Null or absent only for tools and tests that want a plain file.
   */
  key?: Buffer | null;
  /** The downloaded-file cache's bound in bytes (files/fileStore.ts); 256 MiB by default. */
  fileCacheBytes?: number;
  /** Fault injection for tests: handed the controls of a disk that fills up (diskFaults.ts). */
  faults?: (controls: DiskFaults) => void;
}

/**
 * The agent's local store (better-sqlite3, synchronous; run it in a worker, never on the Electron main
 * thread): the interface of interface.ts assembled from its parts, each in the folder of its concern
 * (schema, reads, writes, search, sync). Everything the UI reads is canonical data with pending mutations
 * applied on top; the database handle never leaves this function.
 */
export function openLocalStore(options: LocalStoreOptions): LocalStore {
  const { clock, ids } = options;
  const db: Database.Database = openDatabase(options.path, ids, options.migrations, options.key ?? null);
  options.faults?.(createDiskFaults(db));
  const writer = createRowWriter(db);
  const state = createCaseState(db, writer);
  const syncState = createSyncStateRow(db);
  const userId = () => syncState.get().userId;
  const writes = createLocalWrites({ db, writer, state, clock, ids, userId });
  const reads = createLocalReads({
    db,
    writer,
    state,
    clock,
    userId,
    breachingHorizonMs:
      options.breachingHorizonHours === undefined ? BREACHING_SOON_MS : options.breachingHorizonHours * 3_600_000,
  });
  const outbox = createOutbox(db);
  const settingsPut = db.prepare<[string]>(
    "INSERT INTO settings (key, value) VALUES ('settings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );

  return {
    close: () => db.close(),
    ...reads,
    write: writes.write,
    bulk: writes.bulk,
    resolveAttention: createAttentionResolution(db, state, writes, ids),
    updateSettings(patch: Partial<Settings>): Settings {
      const next = { ...reads.settings(), ...patch };
      settingsPut.run(JSON.stringify(next));
      return next;
    },
    importCanonical: createCanonicalImport(db, writer, state),

    getSyncState: syncState.get,
    setSyncState: syncState.set,
    pendingMutations: outbox.pending,
    pendingCount: outbox.count,
    resetClientIdentity(clientId: string) {
      outbox.renumberForClient(clientId);
      return syncState.get();
    },
    ...createServerChanges({ db, writer, state, clock, ids, userId }),
    ...createBootstrapReceiving({ db, writer, state, syncState, clock, userId }),
    indexSearchBacklog: (limit: number): number => writer.searchBacklog.indexSlice(limit),
    verifyHash: () => verifyHash(db),

    ...createFileStore(db, { clock, ids, ...(options.fileCacheBytes ? { limitBytes: options.fileCacheBytes } : {}) }),
    ...createServerIdentity(db, ids),
    ...createDeviceData(db, ids),
  };
}
