import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWorkstationHost } from '../core/host/workstationHost';
import { startWebHost } from './webHost';

// `npm run dev:web -- --data-dir <dir> --port <n>`: the workstation with demo data, in a browser.
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/web' },
    port: { type: 'string', default: '0' },
    'static-dir': { type: 'string', default: 'out/web' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  process.exit(2);
}

const core = await startWorkstationHost({ dataDir: resolve(values['data-dir']) });
const host = await startWebHost({ core, staticDir: resolve(values['static-dir']), port });
console.log(`Crossdesk web host: ${host.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
