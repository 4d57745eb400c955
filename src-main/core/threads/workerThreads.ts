import { Worker, type Transferable } from 'node:worker_threads';

export interface StartWorkerOptions {
  transferList?: Transferable[];
  resourceLimits?: import('node:worker_threads').ResourceLimits;
}

/**
 * A worker thread on an entry module. A built entry is plain JavaScript. A source entry (tsx, vitest)
 * needs the TypeScript loader inside the worker too: Node 20 does not carry the parent's module hooks
 * into workers, so a bootstrap loads it.
 */
export function startWorker(entry: URL, data: Record<string, unknown>, options: StartWorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: data, ...options });
  return new Worker(new URL('./tsWorkerBootstrap.mjs', import.meta.url), {
    workerData: { ...data, tsEntry: entry.href },
    ...options,
  });
}
