import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startWorkstationHost, type WorkstationHost } from '../core/host/workstationHost';
import { chooseServer } from '../core/workstation/serverChoice';
import { embeddedDemo } from '../embedded/embeddedDemoSync';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { bindIpc } from './ipc';
import { hardenSession, lockWindow } from './security';
import { APP_URL } from './securityPolicy';

// electron-vite sets this only for `electron-vite dev`; the packaged app loads the built renderer from the app scheme.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appUrl = devServerUrl ?? APP_URL;
registerAppScheme();

async function createWindow(host: WorkstationHost): Promise<void> {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  lockWindow(window, appUrl);
  const unbind = bindIpc(host, window, appUrl);
  window.on('closed', unbind);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(appUrl);
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  if (!devServerUrl) serveRenderer(join(import.meta.dirname, '../renderer'));
  hardenSession(devServerUrl ? [new URL(devServerUrl).origin.replace(/^http/, 'ws')] : []);
  const dataDir = join(app.getPath('userData'), 'workstation');
  // --server-url > CROSSDESK_SERVER_URL > the address saved in Settings > an embedded central API with demo
  // data (built beside index.js) and the demo agent, started only when needed.
  const demo = embeddedDemo({ dataDir, entry: join(import.meta.dirname, 'embeddedServer.js') });
  const flagValue = parseArgs({
    args: process.argv.slice(1),
    options: { 'server-url': { type: 'string' } },
    strict: false,
  }).values['server-url'];
  const flag = typeof flagValue === 'string' ? flagValue : undefined;
  const env = process.env.CROSSDESK_SERVER_URL;
  let host: WorkstationHost;
  try {
    // A malformed address, or unsent work for another server, stops the start with the reason shown.
    chooseServer({ flag, env, saved: null });
    host = await startWorkstationHost({
      dataDir,
      server: { flag, env, embedded: () => demo.start() },
      workerEntry: pathToFileURL(join(import.meta.dirname, 'workstationWorker.js')),
    });
  } catch (error) {
    dialog.showErrorBox('Crossdesk', error instanceof Error ? error.message : String(error));
    await demo.close();
    app.quit();
    return;
  }
  app.on('will-quit', () => void demo.close());
  await createWindow(host);
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow(host);
  });
  app.on('window-all-closed', () => {
    void host.close().then(() => app.quit());
  });
}

void main();
