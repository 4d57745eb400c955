import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';

const repoRoot = resolve(import.meta.dirname, '../../..');

let template: string | null = null;

/**
 * The demo store is generated once per test file and copied into each test's fresh data directory:
 * every test still starts from its own untouched store, without paying for the demo import each time.
 */
async function demoTemplate(): Promise<string> {
  if (template !== null) return template;
  const { openDemoWorkstation } = await import('../../../src-main/core/workstation');
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-e2e-template-'));
  openDemoWorkstation(dir).close();
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  template = dir;
  return dir;
}

export type RunningWebHost = {
  /** As printed by the web host: http://127.0.0.1:<port>/#token=<token> */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
};

/**
 * Starts `src-main/web-host/cli.ts` exactly as `npm run dev:web` does, on a free port with a fresh data
 * directory (its own copy of the demo store), and waits for the URL it prints. Needs `npm run build:web`.
 */
export async function startWebHostProcess(): Promise<RunningWebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crossdesk-e2e-'));
  cpSync(await demoTemplate(), dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/web-host/cli.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Crossdesk web host: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1] !== undefined) resolveUrl(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`web host exited with code ${code} before printing its URL:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    dataDir,
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
