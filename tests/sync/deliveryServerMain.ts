// The central API as its own process for the delivery crash test (deliveryCrash.test.ts), so the test can
// SIGKILL it mid-delivery: PGlite data in DATA_DIR, replies to the channel gateway at WEBHOOK_URL, a short
// claim lease (LEASE_MS) so the test need not wait the production five minutes. Prints `READY <url>`.
import pino from 'pino';
import { webhookDeliverer } from '../../src-server/outbound/webhookDeliverer';
import { startServer } from '../../src-server/startServer';

const { DATA_DIR, WEBHOOK_URL, LEASE_MS } = process.env;
if (!DATA_DIR || !WEBHOOK_URL || !LEASE_MS) throw new Error('DATA_DIR, WEBHOOK_URL and LEASE_MS are required');
const server = await startServer({
  dataDir: DATA_DIR,
  logger: pino({ level: 'silent' }),
  deliverer: webhookDeliverer({ url: WEBHOOK_URL, timeoutMs: 5000 }),
  outboundRetry: { leaseMs: Number(LEASE_MS), pollMs: 50, batchSize: 4, backoffMs: 100 },
  loginLimit: { perUser: 1000, perIp: 1000, windowMs: 60_000 },
});
process.stdout.write(`READY ${server.url}\n`);
