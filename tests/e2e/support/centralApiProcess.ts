import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../..');

export type RunningCentralApi = {
  url: string;
  port: number;
  /** SIGTERM and wait for the exit: the server closes its streams and database as in production. */
  stop(): Promise<void>;
};

/**
 * `npm run server` (src-server/cli.ts) as its own process on loopback, on a PGlite data directory, so a
 * test can take the central API away from a workstation and bring it back on the same data and port.
 * Port 0 lets the OS choose; restart with the port of the first start.
 */
export async function startCentralApiProcess(options: { dataDir: string; port?: number }): Promise<RunningCentralApi> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/cli.ts'], {
    cwd: repoRoot,
    // CI exports DATABASE_URL for the server suite; this server must use the copied PGlite data instead.
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: options.dataDir, PORT: String(options.port ?? 0), HOST: '127.0.0.1', SEED_DEMO: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => { output = (output + chunk.toString()).slice(-8_000); });
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Crossdesk API listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) resolveUrl(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the central API exited with code ${code} before it listened:\n${output}`)));
  });
  return { url, port: Number(new URL(url).port), stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
