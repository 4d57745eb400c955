import type { OpenedServer } from './serverSwitch';
import type { SyncConnection } from './syncConnection';

/** The central API the workstation talks to now and its sync connection; both change when the agent switches servers. */
export interface CurrentConnection {
  server: OpenedServer | null;
  sync: SyncConnection;
}
