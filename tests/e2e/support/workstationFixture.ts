import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium, newAgentContext } from './browser';
import { startCentralApiProcess, type RunningCentralApi } from './centralApiProcess';
import { stopStartedProcesses } from './childProcess';
import {
  copyDemoCentralApi,
  startWebHostProcess,
  type WebHostProcessOptions,
  type RunningWebHost,
} from './webHostProcess';

/** One test's workstation: a web host on a fresh copy of the demo data, and a fresh browser context with one page. */
export type Workstation = {
  host: RunningWebHost;
  context: BrowserContext;
  page: Page;
  /** Closes the context and stops every process the test started, also the ones it restarted itself. */
  stop(): Promise<void>;
};

/** A workstation that syncs with a central API of its own (signed out at first). */
export type SyncedWorkstation = Workstation & {
  api: RunningCentralApi;
  /** The API's copy of the demo data: a test may stop the API and start it again on the same data. */
  apiDataDir: string;
};

/** A fresh data directory (a new demo store) and a fresh browser context, so drafts and storage start empty. */
export async function startWorkstation(browser: Browser, options: WebHostProcessOptions = {}): Promise<Workstation> {
  const host = await startWebHostProcess(options);
  const context = await newAgentContext(browser);
  return {
    host,
    context,
    page: await context.newPage(),
    stop: async () => {
      await context.close();
      await stopStartedProcesses();
    },
  };
}

/**
 * Its own copy of the central API's data, a server process the test can stop and restart, and a web host
 * on a fresh copy of the workstation data that syncs with that server.
 */
export async function startSyncedWorkstation(browser: Browser): Promise<SyncedWorkstation> {
  const apiDataDir = await copyDemoCentralApi();
  const api = await startCentralApiProcess({ dataDir: apiDataDir });
  const workstation = await startWorkstation(browser, { serverUrl: api.url });
  return {
    ...workstation,
    api,
    apiDataDir,
    stop: async () => {
      await workstation.stop();
      rmSync(apiDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The hooks of a workstation test file: one Chromium for the file, and a workstation of its own for every
 * test (made by `start`), stopped after it. Read the returned function's value in beforeEach or a test.
 */
export function workstationPerTest<W extends Workstation>(start: (browser: Browser) => Promise<W>): () => W {
  let browser: Browser | undefined;
  let current: W | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (browser === undefined) throw new Error('Chromium did not start');
    current = await start(browser);
  });
  afterEach(async () => {
    await current?.stop();
    current = undefined;
    // A start that failed half-way leaves no workstation to stop, but maybe processes.
    await stopStartedProcesses();
  });
  return () => {
    if (current === undefined) throw new Error('no workstation outside a test: read it in beforeEach or a test');
    return current;
  };
}
