import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { spawnListening, stopChild, tracked } from './childProcess';

export type RunningWebHost = {
  /** As printed by the web host: http://127.0.0.1:<port>/#token=<token> */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
};

type Cli = { url: string; child: ChildProcess };

/** `src-main/web-host/cli.ts` exactly as `npm run dev:web` runs it, on a free port; resolves with its URL. */
async function spawnCli(dataDir: string, extraArgs: readonly string[] = []): Promise<Cli> {
  const { child, address } = await spawnListening({
    name: 'the web host',
    args: ['src-main/web-host/cli.ts', '--data-dir', dataDir, '--port', '0', ...extraArgs],
    listening: /Crossdesk web host: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/,
  });
  return { url: address, child };
}

let template: Promise<string> | null = null;

// Registered while the importing test file is collected: the template goes when the file is done.
afterAll(async () => {
  if (template !== null) rmSync(await template, { recursive: true, force: true });
  template = null;
});

/**
 * One full first start per test file (the embedded central API initialised and seeded, the workstation
 * signed in and bootstrapped), stopped cleanly and then copied into each test's fresh data directory:
 * every test starts from its own untouched data without paying for the first start again.
 */
function demoTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crossdesk-e2e-template-'));
    const first = await spawnCli(dir);
    await stopChild(first.child);
    return dir;
  })();
  return template;
}

/**
 * A fresh copy of the template's central API data (PGlite): the server the template's workstation
 * bootstrapped from, so a test's own central API on it knows that workstation's client, cursor and cases.
 */
export async function copyDemoCentralApi(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-e2e-api-'));
  cpSync(join(await demoTemplate(), 'central-api'), dir, {
    recursive: true,
    filter: (source) => !source.endsWith('postmaster.pid'),
  });
  return dir;
}

/** Port 9 (discard) refuses connections on loopback: a central API that is down. */
export const UNREACHABLE_SERVER_URL = 'http://127.0.0.1:9';

export type WebHostProcessOptions = {
  /** Sync with this central API instead of the embedded one; UNREACHABLE_SERVER_URL keeps the desk offline. */
  serverUrl?: string;
};

/** Starts the web host on a fresh copy of the demo data and waits for its URL. Needs `npm run build:web`. */
export async function startWebHostProcess(options: WebHostProcessOptions = {}): Promise<RunningWebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crossdesk-e2e-'));
  // A lock file names the process that held the template's database; a copy must not inherit it.
  cpSync(await demoTemplate(), dataDir, {
    recursive: true,
    filter: (source) => !source.endsWith('postmaster.pid') && !source.endsWith('central-api.lock'),
  });
  const { url, child } = await spawnCli(dataDir, options.serverUrl ? ['--server-url', options.serverUrl] : []);
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    dataDir,
    stop: tracked('desk', async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    }),
  };
}
