import { spawn } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ensurePrivateDir } from '../core/store/storeKey';

/**
 * A started server process as embeddedServer needs it: what it says, when it ends, and how to end it. Plain
 * Node spawns a child with an IPC channel (nodeChildLauncher); the Electron shell forks a utility process
 * (src-main/shell/utilityLauncher.ts), so the packaged app never runs its binary as Node (RunAsNode fuse off).
 */
export interface ServerProcess {
  onMessage(listener: (message: unknown) => void): void;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** The end of what it wrote to stderr, for the reason a start failed. */
  stderrTail(): string;
  /** Asks it to shut down cleanly (PGlite flushes its data). */
  stop(): void;
  kill(): void;
  /** It no longer keeps this process alive by itself. */
  unref(): void;
}

/** Starts the entry (built JavaScript, or TypeScript under tsx) with the given environment added. */
export type ServerLauncher = (entry: string, env: Record<string, string>) => ServerProcess;

/** Keeps the last 4,000 characters a process wrote, for the reason a start failed. */
export function tailOf(stream: NodeJS.ReadableStream | null | undefined): () => string {
  let tail = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4_000);
  });
  return () => tail;
}

/** A Node child process with an IPC channel, whose closing also ends it (dev:web, tests, benchmarks). */
export const nodeChildLauncher: ServerLauncher = (entry, env) => {
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, args, {
    // From source, `--import tsx` resolves from the repository the entry lives in.
    ...(entry.endsWith('.ts') ? { cwd: resolvePath(entry, '../../..') } : {}),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    onMessage: (listener) => child.on('message', listener),
    exited,
    stderrTail: tailOf(child.stderr),
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.disconnect();
      child.kill('SIGTERM');
    },
    kill: () => child.kill('SIGKILL'),
    unref() {
      child.unref();
      child.channel?.unref();
    },
  };
};

export interface EmbeddedServerOptions {
  /** PGlite data directory, beside the desktop's own data. */
  dataDir: string;
  /** embeddedServerMain: the TypeScript source under tsx, or the built JavaScript in the Electron bundle. */
  entry?: string;
  /** Gives up when the server has not said where it listens by then (first start initialises PGlite and seeds). */
  startTimeoutMs?: number;
  logLevel?: string;
  /** How the process is started; plain Node by default. */
  launch?: ServerLauncher;
}

export interface EmbeddedServer {
  url: string;
  close(): Promise<void>;
}

const ListeningSchema = z.object({ kind: z.literal('listening'), url: z.url() });

function defaultEntry(): string {
  const here = fileURLToPath(import.meta.url);
  // Built into out/main beside index.js (electron.vite.config.ts); from source, the sibling .ts file.
  return fileURLToPath(
    new URL(here.endsWith('.ts') ? './embeddedServerMain.ts' : './embeddedServer.js', import.meta.url),
  );
}

/**
 * The central API with demo data for a desktop that has no server configured. It runs as a process of
 * its own (embeddedServerMain.ts): the desktop core never imports server code, PGlite's WebAssembly stays off
 * the app's threads, and a crash of one does not take the other down. Port 0 lets the OS pick a free
 * loopback port; the child reports the URL it got over the IPC channel, whose closing also ends it.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  ensurePrivateDir(options.dataDir);
  const entry = options.entry ?? defaultEntry();
  const child = (options.launch ?? nodeChildLauncher)(entry, {
    CROSSDESK_EMBEDDED_DATA_DIR: options.dataDir,
    LOG_LEVEL: options.logLevel ?? 'warn',
  });
  const exited = child.exited;

  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the embedded central API did not start within ${timeoutMs} ms\n${child.stderrTail()}`));
    }, timeoutMs);
    child.onMessage((message: unknown) => {
      const parsed = ListeningSchema.safeParse(message);
      if (!parsed.success) return;
      clearTimeout(timer);
      resolve(parsed.data.url);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded central API exited with code ${code} before it listened\n${child.stderrTail()}`));
    });
  });
  // Stays connected for the desktop's lifetime; only keeps this process alive while the child runs.
  child.unref();

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        child.stop();
        const timer = setTimeout(() => child.kill(), 5_000);
        await exited;
        clearTimeout(timer);
      })();
      return closing;
    },
  };
}
