import { spawnListening, stopChild, tracked } from './childProcess';

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
export async function startCentralApiProcess(options: {
  dataDir: string;
  port?: number;
  /** More of the server's environment (cli.ts), e.g. OUTBOUND_WEBHOOK_URL for a gateway the test runs. */
  env?: Record<string, string>;
}): Promise<RunningCentralApi> {
  const { child, address } = await spawnListening({
    name: 'the central API',
    args: ['src-server/cli.ts'],
    // CI exports DATABASE_URL for the server suite; this server must use the copied PGlite data instead.
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: options.dataDir,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    listening: /Crossdesk API listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return { url: address, port: Number(new URL(address).port), stop: tracked('server', () => stopChild(child)) };
}
