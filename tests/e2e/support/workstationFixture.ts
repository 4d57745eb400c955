import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium, newAgentContext } from './browser';
import { startCentralApiProcess, type RunningCentralApi } from './centralApiProcess';
import { processMark, stopStartedProcesses } from './childProcess';
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
  const mark = processMark();
  const host = await startWebHostProcess(options);
  return onHost(browser, host, mark);
}

/** A fresh browser context with one page on a running web host; stopping it stops what started after `mark`. */
async function onHost(browser: Browser, host: RunningWebHost, mark: number): Promise<Workstation> {
  const context = await newAgentContext(browser);
  return {
    host,
    context,
    page: await context.newPage(),
    stop: async () => {
      await context.close();
      await stopStartedProcesses(mark);
    },
  };
}

/**
 * Its own copy of the central API's data, a server process the test can stop and restart, and a web host
 * on a fresh copy of the workstation data that syncs with that server.
 */
export async function startSyncedWorkstation(browser: Browser): Promise<SyncedWorkstation> {
  const mark = processMark();
  const apiDataDir = await copyDemoCentralApi();
  const api = await startCentralApiProcess({ dataDir: apiDataDir });
  const workstation = await onHost(browser, await startWebHostProcess({ serverUrl: api.url }), mark);
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
  return workstationHooks(async () => undefined, start);
}

/**
 * The hooks of a test file whose tests can share one workstation: one Chromium and one web host (with its
 * embedded central API, on a fresh copy of the demo data) for the file, and a fresh browser context per
 * test, so pages, drafts and storage start empty while the store keeps what earlier tests wrote. Such
 * tests read the store when they start (storeRows.ts) instead of assuming the demo data as it was seeded.
 * A test that needs data of its own starts another web host; what it starts is stopped after it.
 */
export function workstationPerFile(options: WebHostProcessOptions = {}): () => Workstation {
  let host: RunningWebHost | undefined;
  return workstationHooks(
    async () => {
      host = await startWebHostProcess(options);
    },
    (browser) => {
      if (host === undefined) throw new Error('the shared web host did not start');
      return onHost(browser, host, processMark());
    },
  );
}

/** One Chromium per file and what `startFile` starts for it; a workstation per test from `start`. */
function workstationHooks<W extends Workstation>(
  startFile: () => Promise<void>,
  start: (browser: Browser) => Promise<W>,
): () => W {
  let browser: Browser | undefined;
  let current: W | undefined;
  let mark = 0;
  beforeAll(async () => {
    browser = await launchChromium();
    await startFile();
  });
  afterAll(async () => {
    await browser?.close();
    await stopStartedProcesses();
  });
  beforeEach(async () => {
    if (browser === undefined) throw new Error('Chromium did not start');
    mark = processMark();
    current = await start(browser);
  });
  afterEach(async () => {
    await current?.stop();
    current = undefined;
    // A start that failed half-way leaves no workstation to stop, but maybe processes of this test.
    await stopStartedProcesses(mark);
  });
  return () => {
    if (current === undefined) throw new Error('no workstation outside a test: read it in beforeEach or a test');
    return current;
  };
}

/**
 * `workstationPerFile` seen through a page object: `host()` is the file's web host and `screen()` wraps
 * the test's fresh page in `Screen`; read them in a hook or a test.
 */
export function screenPerFile<Screen>(
  Screen: new (page: Page) => Screen,
  options: WebHostProcessOptions = {},
): { host(): RunningWebHost; screen(): Screen } {
  const workstation = workstationPerFile(options);
  return { host: () => workstation().host, screen: () => new Screen(workstation().page) };
}
