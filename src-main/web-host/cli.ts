import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWorkstationHost } from '../core/host/workstationHost';
import { embeddedDemoSync } from '../embedded/embeddedDemoSync';
import { startWebHost } from './webHost';

// `npm run dev:web -- --data-dir <dir> --port <n> [--server-url <url>]`: the workstation in a browser.
// Without --server-url (or CROSSDESK_SERVER_URL) an embedded central API with demo data runs beside it,
// its data in <data-dir>/central-api, and the workstation syncs with it signed in as the demo agent.
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/web' },
    port: { type: 'string', default: '0' },
    'static-dir': { type: 'string', default: 'out/web' },
    'server-url': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  process.exit(2);
}

const dataDir = resolve(values['data-dir']);
const sync = await embeddedDemoSync({ dataDir, serverUrl: values['server-url'] ?? process.env.CROSSDESK_SERVER_URL });
const core = await startWorkstationHost({ dataDir, sync: sync.options });
const host = await startWebHost({ core, staticDir: resolve(values['static-dir']), port });
console.log(`Crossdesk web host: ${host.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await core.close();
  await sync.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
