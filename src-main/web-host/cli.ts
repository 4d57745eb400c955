import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWorkstationHost, type WorkstationHost } from '../core/host/workstationHost';
import { chooseServer, ServerUrlError } from '../core/workstation/serverChoice';
import { demoUserChoice, embeddedDemo } from '../embedded/embeddedDemoSync';
import { startWebHost } from './webHost';

// `npm run dev:web -- --data-dir <dir> --port <n> [--server-url <url>] [--user <demo account>]`: the
// workstation in a browser. The central API: --server-url, else CROSSDESK_SERVER_URL, else the address saved
// in Settings, else an embedded one with demo data (its data in <data-dir>/central-api), signed in as the
// demo agent, or as --user (`--user wang.lei`: the demo supervisor).
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/web' },
    port: { type: 'string', default: '0' },
    'static-dir': { type: 'string', default: 'out/web' },
    'server-url': { type: 'string' },
    user: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  process.exit(2);
}
const flag = values['server-url'];
const env = process.env.CROSSDESK_SERVER_URL;
try {
  chooseServer({ flag, env, saved: null });
} catch (error) {
  if (!(error instanceof ServerUrlError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const user = demoUserChoice(values.user);
if (!user.ok) {
  console.error(user.message);
  process.exit(2);
}
const dataDir = resolve(values['data-dir']);
const demo = embeddedDemo({ dataDir, username: user.username });
let core: WorkstationHost;
try {
  core = await startWorkstationHost({ dataDir, server: { flag, env, embedded: () => demo.start() } });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await demo.close();
  process.exit(1);
}
const host = await startWebHost({ core, staticDir: resolve(values['static-dir']), port });
console.log(`Crossdesk web host: ${host.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await core.close();
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
