import { isMainThread, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { openDemoWorkstation } from '../workstation';
import { serveWorkstation } from './serveWorkstation';
import type { WorkerMessage } from './hostProtocol';

const WorkerDataSchema = z.object({ dataDir: z.string().min(1), port: z.custom<import('node:worker_threads').MessagePort>() });

if (isMainThread) throw new Error('workstationWorker runs only inside a worker thread (see workstationHost)');

const { dataDir, port } = WorkerDataSchema.parse(workerData);
try {
  const workstation = openDemoWorkstation(dataDir);
  serveWorkstation(port, workstation);
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  port.close();
}
