// The embedded central API's process (started by embeddedServer.ts): src-server with demo data on a
// loopback port the OS picks. It exits when the desktop that started it goes away, even if the desktop
// was killed and could not ask: the IPC channel to a Node parent closes then, and Electron ends its
// utility processes with the app.
import { startServer } from '../../src-server/startServer';

const dataDir = process.env.CROSSDESK_EMBEDDED_DATA_DIR;
if (!dataDir) throw new Error('CROSSDESK_EMBEDDED_DATA_DIR is not set');

/** Electron's utility process talks over process.parentPort (utilityProcess.fork); a Node child over process.send. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
function utilityParentPort(): ParentPortLike | null {
  const candidate: unknown = Reflect.get(process, 'parentPort');
  return typeof candidate === 'object' && candidate !== null && 'postMessage' in candidate
    ? (candidate as ParentPortLike)
    : null;
}

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
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
const parentPort = utilityParentPort();
if (parentPort) {
  parentPort.on('message', (event) => {
    if (typeof event.data === 'object' && event.data !== null && 'kind' in event.data && event.data.kind === 'stop')
      shutdown();
  });
  parentPort.postMessage({ kind: 'listening', url: server.url });
} else {
  process.on('disconnect', shutdown);
  if (!process.connected) shutdown();
  process.send?.({ kind: 'listening', url: server.url });
}
