import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export interface EmbeddedServerOptions {
  /** PGlite data directory, beside the desktop's own data. */
  dataDir: string;
  /** src-server's CLI: the TypeScript source under tsx, or the built JavaScript in the Electron bundle. */
  entry?: string;
  /** Gives up when the server has not said where it listens by then (first start initialises PGlite and seeds). */
  startTimeoutMs?: number;
  logLevel?: string;
}

export interface EmbeddedServer {
  url: string;
  close(): Promise<void>;
}

const LISTENING = /Crossdesk API listening on (http:\/\/\S+)/;

function defaultEntry(): string {
  const here = fileURLToPath(import.meta.url);
  // Built into out/main beside index.js (electron.vite.config.ts); from source, src-server/cli.ts.
  return here.endsWith('.ts') ? fileURLToPath(new URL('../../src-server/cli.ts', import.meta.url)) : fileURLToPath(new URL('./server.js', import.meta.url));
}

/**
 * The central API with demo data for a desktop that has no server configured. It runs as a child
 * process (src-server's CLI): the desktop core never imports server code, PGlite's WebAssembly stays off
 * the app's threads, and a crash of one does not take the other down. Port 0 lets the OS pick a free
 * loopback port; the child prints the URL it got.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const entry = options.entry ?? defaultEntry();
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, args, {
    // From source, `--import tsx` resolves from the repository that holds src-server.
    ...(entry.endsWith('.ts') ? { cwd: dirname(dirname(entry)) } : {}),
    env: {
      ...process.env,
      // Electron's binary behaves as plain Node with this set; Node ignores it.
      ELECTRON_RUN_AS_NODE: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      SEED_DEMO: '1',
      LOG_LEVEL: options.logLevel ?? 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });

  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the embedded central API did not start within ${options.startTimeoutMs ?? 60_000} ms\n${stderr}`));
    }, options.startTimeoutMs ?? 60_000);
    lines.on('line', (line) => {
      const match = LISTENING.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded central API exited with code ${code} before it listened\n${stderr}`));
    });
  });

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      })();
      return closing;
    },
  };
}
