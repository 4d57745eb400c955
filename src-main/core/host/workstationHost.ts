import { MessageChannel } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { isNestedDeeperThan, MAX_INPUT_NESTING } from '../../../src-shared/contract/inputNesting';
import type { EventName } from '../../../src-shared/contract/workstation';
import type { EmbeddedServerAccess } from './embeddedRequest';
import { startWorker } from '../threads/workerThreads';
import { WorkerMessageSchema, failure, type HostRequest, type UnknownContractResult } from './hostProtocol';

export type WorkstationHostOptions = {
  /** The directory holding the agent's local database. */
  dataDir: string;
  /**
   * Sync with a central API chosen by precedence: flag (--server-url) > env (CROSSDESK_SERVER_URL) > the
   * address saved in Settings > the embedded demo, which `embedded` starts on first need (at start or
   * when the agent picks it in Settings). None: local demo data without sync (benchmarks).
   */
  server?: { flag?: string | undefined; env?: string | undefined; embedded: () => Promise<EmbeddedServerAccess> };
  /** Worker entry; defaults to the sibling workstationWorker (source under tsx, or the built file). */
  workerEntry?: URL;
  /**
   * The store's key, unwrapped where the OS keychain is reachable (the Electron main process); absent,
   * the worker reads the key file in dataDir (store/storeKey.ts).
   */
  storeKey?: Buffer;
};

/**
 * The worker's young generation (V8 sizes it at 3 semi-spaces: 96 MB is a 32 MB semi-space, the default is
 * 16). A bootstrap parses 330 MB of short-lived rows at 100,000 cases; with the default, scavenges took
 * ~3 of its ~16 s of CPU (BENCHMARKS.md "Sync"). Benchmarks run core code with the same semi-space
 * (tests/bench/run.ts).
 */
export const CORE_YOUNG_GENERATION_MB = 96;

/** The async face of the workstation for the Electron main thread and the web host. */
export type WorkstationHost = {
  dispatch(method: string, input: unknown): Promise<UnknownContractResult>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Resolves when the worker has exited; pending calls end with HOST_STOPPED. */
  close(): Promise<void>;
};

/**
 * better-sqlite3(-multiple-ciphers) is synchronous, so the workstation runs in a worker thread: a slow query can never
 * freeze the Electron main thread or the web host's event loop. Calls and events cross a MessagePort.
 */
export async function startWorkstationHost(options: WorkstationHostOptions): Promise<WorkstationHost> {
  const entry = options.workerEntry ?? defaultWorkerEntry();
  const { port1: port, port2: workerPort } = new MessageChannel();
  const server = options.server;
  const workerServer = server
    ? { ...(server.flag ? { flag: server.flag } : {}), ...(server.env ? { env: server.env } : {}) }
    : undefined;
  const worker = startWorker(
    entry,
    {
      dataDir: options.dataDir,
      port: workerPort,
      ...(workerServer ? { server: workerServer } : {}),
      ...(options.storeKey ? { storeKey: options.storeKey } : {}),
    },
    {
      transferList: [workerPort],
      resourceLimits: { maxYoungGenerationSizeMb: CORE_YOUNG_GENERATION_MB },
    },
  );
  let embedded: Promise<EmbeddedServerAccess> | null = null;
  const answerEmbedded = (id: number) => {
    if (!server) {
      port.postMessage({
        kind: 'embedded',
        id,
        result: { ok: false, message: 'this host runs without a central API' },
      } satisfies HostRequest);
      return;
    }
    embedded ??= server.embedded();
    embedded.then(
      (access) => port.postMessage({ kind: 'embedded', id, result: { ok: true, ...access } } satisfies HostRequest),
      (error: unknown) => {
        embedded = null;
        port.postMessage({
          kind: 'embedded',
          id,
          result: { ok: false, message: error instanceof Error ? error.message : String(error) },
        } satisfies HostRequest);
      },
    );
  };

  const pending = new Map<number, (result: UnknownContractResult) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let stopped: string | null = null;
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });

  const stopAll = (reason: string) => {
    stopped ??= reason;
    for (const resolve of pending.values()) resolve(failure('HOST_STOPPED', stopped));
    pending.clear();
  };

  const ready = new Promise<void>((resolve, reject) => {
    port.on('message', (raw: unknown) => {
      const parsed = WorkerMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      switch (message.kind) {
        case 'ready':
          resolve();
          break;
        case 'failed':
          reject(new Error(`workstation failed to open: ${message.message}`));
          break;
        case 'result': {
          const resolveCall = pending.get(message.id);
          pending.delete(message.id);
          resolveCall?.(message.result);
          break;
        }
        case 'event':
          for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
          break;
        case 'embedded':
          answerEmbedded(message.id);
          break;
      }
    });
    worker.once('error', (error) => {
      stopAll(error.message);
      reject(error);
    });
    worker.once('exit', (code) => {
      stopAll(`workstation worker exited with code ${code}`);
      reject(new Error(`workstation worker exited with code ${code} before it was ready`));
    });
  });

  try {
    await ready;
  } catch (error) {
    port.close();
    await worker.terminate();
    throw error;
  }

  return {
    dispatch(method, input) {
      if (stopped !== null) return Promise.resolve(failure('HOST_STOPPED', stopped));
      if (isNestedDeeperThan(input, MAX_INPUT_NESTING))
        return Promise.resolve(failure('BAD_INPUT', `The input is nested deeper than ${MAX_INPUT_NESTING} levels.`));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          port.postMessage({ kind: 'call', id, method, input });
        } catch (error) {
          // Input structured clone cannot carry (a function, a stack overflow): this call's failure, answered.
          pending.delete(id);
          resolve(failure('BAD_INPUT', `The input cannot be passed to the workstation: ${String(error)}`));
        }
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    async close() {
      if (exited) return;
      stopAll('workstation host closed');
      const exit = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      port.postMessage({ kind: 'close' });
      // A worker stuck in a long statement cannot hear the request; do not wait on it forever.
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exit;
      clearTimeout(timer);
      port.close();
    },
  };
}

function defaultWorkerEntry(): URL {
  const here = new URL(import.meta.url);
  if (fileURLToPath(here).endsWith('.ts')) return new URL('./workstationWorker.ts', here);
  // Bundled into the Electron main entry, the worker is emitted beside it (electron.vite.config.ts).
  return new URL('./workstationWorker.js', here);
}
