import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { DEMO_AGENT_USERNAME } from '../core/workstation/openDemoWorkstation';
import { startEmbeddedServer } from './embeddedServer';

export interface DemoSync {
  /** What the workstation host passes to its worker. */
  options: { serverUrl: string; signIn?: { username: string; password: string } };
  close(): Promise<void>;
}

/**
 * Sync settings for a desktop: the configured central API, or, when none is configured, an embedded one
 * with demo data (its PGlite data under dataDir/central-api) and the demo agent's sign-in.
 */
export async function embeddedDemoSync(options: { dataDir: string; serverUrl?: string | undefined; entry?: string }): Promise<DemoSync> {
  if (options.serverUrl) return { options: { serverUrl: options.serverUrl }, close: async () => undefined };
  const server = await startEmbeddedServer({ dataDir: join(options.dataDir, 'central-api'), ...(options.entry ? { entry: options.entry } : {}) });
  return {
    options: { serverUrl: server.url, signIn: { username: DEMO_AGENT_USERNAME, password: DEMO_PASSWORD } },
    close: () => server.close(),
  };
}
