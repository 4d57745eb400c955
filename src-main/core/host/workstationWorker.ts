import { isMainThread, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { openDemoWorkstation } from '../workstation';
import { openSyncedWorkstation } from '../sync/openSyncedWorkstation';
import { serveWorkstation } from './serveWorkstation';
import type { WorkerMessage } from './hostProtocol';

const WorkerDataSchema = z.object({
  dataDir: z.string().min(1),
  port: z.custom<import('node:worker_threads').MessagePort>(),
  /** A central API to sync with; without it the workstation runs on local demo data. */
  sync: z.object({
    serverUrl: z.url({ protocol: /^https?$/ }),
    signIn: z.object({ username: z.string().min(1), password: z.string().min(1) }).optional(),
  }).optional(),
});

if (isMainThread) throw new Error('workstationWorker runs only inside a worker thread (see workstationHost)');

const { dataDir, port, sync } = WorkerDataSchema.parse(workerData);
try {
  const workstation = sync ? await openSyncedWorkstation({ dataDir, ...sync }) : openDemoWorkstation(dataDir);
  serveWorkstation(port, workstation);
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  port.close();
}
