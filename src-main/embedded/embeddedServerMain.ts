// The embedded central API's process (started by embeddedServer.ts): src-server with demo data on a
// loopback port the OS picks. It exits when the desktop that started it goes away, even if the desktop
// was killed and could not ask: the IPC channel to the parent closes then.
import { startServer } from '../../src-server/startServer';

const dataDir = process.env.CROSSDESK_EMBEDDED_DATA_DIR;
if (!dataDir) throw new Error('CROSSDESK_EMBEDDED_DATA_DIR is not set');

const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', seedDemo: true });
let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (!process.connected) shutdown();
process.send?.({ kind: 'listening', url: server.url });
