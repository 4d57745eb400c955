import { isMainThread, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { openDemoWorkstation } from '../workstation';
import { embeddedRequester } from './embeddedRequest';
import { openHostedWorkstation } from './openHostedWorkstation';
import { serveWorkstation } from './serveWorkstation';
import type { WorkerMessage } from './hostProtocol';

const WorkerDataSchema = z.object({
  dataDir: z.string().min(1),
  port: z.custom<import('node:worker_threads').MessagePort>(),
  /**
   * Sync with a central API: --server-url and CROSSDESK_SERVER_URL as given, and whether the host can
   * start the embedded demo one. Without it the workstation runs on local demo data (benchmarks).
   */
  server: z.object({ flag: z.string().optional(), env: z.string().optional() }).optional(),
  /** The store key the host unwrapped from the OS keychain (Electron); absent, the worker uses dataDir's key file. */
  storeKey: z.instanceof(Uint8Array).optional(),
});

if (isMainThread) throw new Error('workstationWorker runs only inside a worker thread (see workstationHost)');

const { dataDir, port, server, storeKey } = WorkerDataSchema.parse(workerData);
try {
  const workstation = server
    ? await openHostedWorkstation({
        dataDir,
        flag: server.flag,
        env: server.env,
        embedded: embeddedRequester(port),
        ...(storeKey ? { key: Buffer.from(storeKey) } : {}),
      })
    : openDemoWorkstation(dataDir);
  serveWorkstation(port, workstation);
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerMessage);
  port.close();
}
