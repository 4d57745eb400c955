import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnListening, stopChild, type ListeningChild } from './childProcess';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data directory of one full first start of the web host, which every e2e test copies. */
    demoTemplate: string;
  }
}

/** `src-main/web-host/cli.ts` exactly as `npm run dev:web` runs it, on a free port; resolves with its URL. */
export function spawnWebHost(dataDir: string, extraArgs: readonly string[] = []): Promise<ListeningChild> {
  return spawnListening({
    name: 'the web host',
    args: ['src-main/web-host/cli.ts', '--data-dir', dataDir, '--port', '0', ...extraArgs],
    listening: /Crossdesk web host: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/,
  });
}

/**
 * The e2e suite's global setup: one full first start per run (the embedded central API initialised and
 * seeded, the workstation signed in and bootstrapped), stopped cleanly, then copied into each test's or
 * file's fresh data directory, so no test pays for a first start or starts from another's data.
 */
export default async function makeDemoTemplate(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-e2e-template-'));
  const first = await spawnWebHost(dir);
  await stopChild(first.child);
  project.provide('demoTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
