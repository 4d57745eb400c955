import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { EmbeddedServerAccess } from '../core/host/embeddedRequest';
import { DEMO_AGENT_USERNAME } from '../core/workstation/openDemoWorkstation';
import { startEmbeddedServer, type EmbeddedServer, type ServerLauncher } from './embeddedServer';

export interface EmbeddedDemo {
  /** Starts the embedded central API with demo data on first call (later calls share it). */
  start(): Promise<EmbeddedServerAccess>;
  close(): Promise<void>;
}

/**
 * The embedded central API with demo data (its PGlite data under dataDir/central-api) and the demo
 * agent's sign-in, started only when the workstation needs it: no server configured, or the agent
 * chose the built-in demo server in Settings.
 */
export function embeddedDemo(options: { dataDir: string; entry?: string; launch?: ServerLauncher }): EmbeddedDemo {
  let server: Promise<EmbeddedServer> | null = null;
  return {
    async start() {
      server ??= startEmbeddedServer({
        dataDir: join(options.dataDir, 'central-api'),
        ...(options.entry ? { entry: options.entry } : {}),
        ...(options.launch ? { launch: options.launch } : {}),
      });
      try {
        const started = await server;
        return { serverUrl: started.url, signIn: { username: DEMO_AGENT_USERNAME, password: DEMO_PASSWORD } };
      } catch (error) {
        server = null;
        throw error;
      }
    },
    async close() {
      const started = await server?.catch(() => null);
      await started?.close();
    },
  };
}
