import { join } from 'node:path';
import { DEMO_PASSWORD, demoDirectory, SMALL_DEMO } from '../../src-shared/demo';
import type { EmbeddedServerAccess } from '../core/host/embeddedRequest';
import { DEMO_AGENT_USERNAME } from '../core/workstation/openDemoWorkstation';
import { startEmbeddedServer, type EmbeddedServer, type ServerLauncher } from './embeddedServer';

/** Who the embedded demo may sign in: its agents, supervisor and admin (`--user`); trainers have no live cases. */
export function demoUsernames(): string[] {
  return demoDirectory(SMALL_DEMO.seed)
    .users.filter((user) => user.role !== 'trainer' && user.role !== 'integration')
    .map((user) => user.username);
}

/** The --user flag as given: a demo account's username, or the reason it is not one. */
export function demoUserChoice(
  flag: string | undefined,
): { ok: true; username: string } | { ok: false; message: string } {
  if (flag === undefined) return { ok: true, username: DEMO_AGENT_USERNAME };
  const known = demoUsernames();
  if (known.includes(flag)) return { ok: true, username: flag };
  return { ok: false, message: `--user must be a demo account (${known.join(', ')}), got ${flag}` };
}

export interface EmbeddedDemo {
  /** Starts the embedded central API with demo data on first call (later calls share it). */
  start(): Promise<EmbeddedServerAccess>;
  close(): Promise<void>;
}

/**
 * The embedded central API with demo data (its PGlite data under dataDir/central-api) and the demo
 * agent's (or the chosen demo account's) sign-in, started only when the workstation needs it: no server configured, or the agent
 * chose the built-in demo server in Settings.
 */
export function embeddedDemo(options: {
  dataDir: string;
  entry?: string;
  launch?: ServerLauncher;
  /** The demo account to sign in (default the demo agent; `wang.lei` is the demo supervisor). */
  username?: string;
}): EmbeddedDemo {
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
        return {
          serverUrl: started.url,
          signIn: { username: options.username ?? DEMO_AGENT_USERNAME, password: DEMO_PASSWORD },
        };
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
