import { utilityProcess } from 'electron';
import { tailOf, type ServerLauncher } from '../embedded/embeddedServer';

/**
 * Starts the embedded central API as an Electron utility process: a Node environment Electron forks
 * itself, so the app never runs its binary as plain Node and ships with the RunAsNode fuse off
 * (electron-builder.config.cjs). It speaks over process.parentPort (embeddedServerMain.ts).
 */
export const utilityLauncher: ServerLauncher = (entry, env) => {
  const child = utilityProcess.fork(entry, [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
    serviceName: 'Crossdesk central API',
  });
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      ended = true;
      resolve(code);
    }),
  );
  return {
    onMessage: (listener) => child.on('message', listener),
    exited,
    stderrTail: tailOf(child.stderr),
    stop() {
      if (!ended) child.postMessage({ kind: 'stop' });
    },
    kill() {
      if (!ended) child.kill();
    },
    // A utility process never keeps the app alive by itself: it ends with the app.
    unref: () => undefined,
  };
};
