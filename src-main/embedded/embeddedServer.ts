import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export interface EmbeddedServerOptions {
  /** PGlite data directory, beside the desktop's own data. */
  dataDir: string;
  /** embeddedServerMain: the TypeScript source under tsx, or the built JavaScript in the Electron bundle. */
  entry?: string;
  /** Gives up when the server has not said where it listens by then (first start initialises PGlite and seeds). */
  startTimeoutMs?: number;
  logLevel?: string;
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
 * The central API with demo data for a desktop that has no server configured. It runs as a child
 * process (embeddedServerMain.ts): the desktop core never imports server code, PGlite's WebAssembly stays off
 * the app's threads, and a crash of one does not take the other down. Port 0 lets the OS pick a free
 * loopback port; the child reports the URL it got over the IPC channel, whose closing also ends it.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const entry = options.entry ?? defaultEntry();
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, args, {
    // From source, `--import tsx` resolves from the repository the entry lives in.
    ...(entry.endsWith('.ts') ? { cwd: resolvePath(entry, '../../..') } : {}),
    env: {
      ...process.env,
      // Electron's binary behaves as plain Node with this set; Node ignores it.
      ELECTRON_RUN_AS_NODE: '1',
      CROSSDESK_EMBEDDED_DATA_DIR: options.dataDir,
      LOG_LEVEL: options.logLevel ?? 'warn',
    },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });

  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the embedded central API did not start within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('message', (message: unknown) => {
      const parsed = ListeningSchema.safeParse(message);
      if (!parsed.success) return;
      clearTimeout(timer);
      resolve(parsed.data.url);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded central API exited with code ${code} before it listened\n${stderr}`));
    });
  });
  // Stays connected for the desktop's lifetime; only keeps this process alive while the child runs.
  child.unref();
  child.channel?.unref();

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        if (child.connected) child.disconnect();
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      })();
      return closing;
    },
  };
}
