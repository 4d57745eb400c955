import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { stopChild, tracked } from './childProcess';
import { spawnWebHost } from './demoTemplate';

export type RunningWebHost = {
  /** As printed by the web host: http://127.0.0.1:<port>/#token=<token> */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
};

/** The demo template of this run, made once by the e2e suite's global setup (demoTemplate.ts). */
function demoTemplate(): string {
  return inject('demoTemplate');
}

/**
 * A fresh copy of the template's central API data (PGlite): the server the template's workstation
 * bootstrapped from, so a test's own central API on it knows that workstation's client, cursor and cases.
 */
export async function copyDemoCentralApi(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-e2e-api-'));
  cpSync(join(demoTemplate(), 'central-api'), dir, {
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
  cpSync(demoTemplate(), dataDir, {
    recursive: true,
    filter: (source) => !source.endsWith('postmaster.pid') && !source.endsWith('central-api.lock'),
  });
  const { address: url, child } = await spawnWebHost(
    dataDir,
    options.serverUrl ? ['--server-url', options.serverUrl] : [],
  );
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
