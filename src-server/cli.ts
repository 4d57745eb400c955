// `npm run server`: the central API from the command line.
//   PORT (default 8787), HOST (default 127.0.0.1), DATABASE_URL (a PostgreSQL server) or
//   DATA_DIR (PGlite data directory, default .data/server), ATTACHMENTS_DIR (attachment files, default
//   DATA_DIR-attachments; required with DATABASE_URL to keep files across restarts), SEED_DEMO=1 to load the demo data set into an
//   empty database, OUTBOUND_WEBHOOK_URL (+ OUTBOUND_WEBHOOK_SECRET) to deliver replies to a channel gateway,
//   TRUST_PROXY (addresses of a reverse proxy whose X-Forwarded-For is used for login limits),
//   LOG_LEVEL (pino level, default info). SIGINT/SIGTERM shut down gracefully.
import { ServerUrlSchema } from '../src-shared/net/serverUrl';
import { webhookDeliverer } from './outbound/webhookDeliverer';
import { startServer } from './startServer';

const env = process.env;
const webhook = env.OUTBOUND_WEBHOOK_URL;
// Replies and the gateway secret travel to this address: https, or plain http on loopback only.
if (webhook !== undefined && !ServerUrlSchema.safeParse(webhook).success) {
  console.error(`OUTBOUND_WEBHOOK_URL must be an https:// address (http:// only on loopback), got "${webhook}"`);
  process.exit(2);
}
const server = await startServer({
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR ?? '.data/server' }),
  ...(env.ATTACHMENTS_DIR ? { attachmentsDir: env.ATTACHMENTS_DIR } : {}),
  port: Number(env.PORT ?? 8787),
  host: env.HOST ?? '127.0.0.1',
  seedDemo: env.SEED_DEMO === '1' || env.SEED_DEMO === 'true',
  // Comma-separated proxy addresses (or CIDRs) whose X-Forwarded-For is believed; unset: none is.
  ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY.split(',').map((each) => each.trim()) } : {}),
  ...(webhook
    ? {
        deliverer: webhookDeliverer({
          url: webhook,
          ...(env.OUTBOUND_WEBHOOK_SECRET ? { secret: env.OUTBOUND_WEBHOOK_SECRET } : {}),
        }),
      }
    : {}),
});
console.log(`Crossdesk API listening on ${server.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
