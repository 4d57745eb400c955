import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startWorkstationHost, type WorkstationHost } from '../core/host/workstationHost';
import { chooseServer } from '../core/workstation/serverChoice';
import { loadOrCreateStoreKey } from '../core/store/storeKey';
import { demoUserChoice, embeddedDemo } from '../embedded/embeddedDemoSync';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { bindIpc } from './ipc';
import { keychainWrapping } from './keychainWrapping';
import { hardenSession, lockAllWebContents } from './security';
import { APP_URL, rendererUrl } from './securityPolicy';
import { utilityLauncher } from './utilityLauncher';

// The packaged app loads the built renderer from the app scheme, whatever the environment says.
const appUrl = rendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
const devServerUrl = appUrl === APP_URL ? undefined : appUrl;
// Every renderer sandboxed, whatever a window's own preferences say (before ready, as Electron requires).
app.enableSandbox();
lockAllWebContents(appUrl);
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
  const { values } = parseArgs({
    args: process.argv.slice(1),
    options: { 'server-url': { type: 'string' }, user: { type: 'string' } },
    strict: false,
  });
  const flagValue = values['server-url'];
  const flag = typeof flagValue === 'string' ? flagValue : undefined;
  // --user=wang.lei signs the embedded demo in as its supervisor (a demo account only).
  const user = demoUserChoice(typeof values.user === 'string' ? values.user : undefined);
  if (!user.ok) {
    dialog.showErrorBox('Crossdesk', user.message);
    app.quit();
    return;
  }
  const demo = embeddedDemo({
    dataDir,
    entry: join(import.meta.dirname, 'embeddedServer.js'),
    launch: utilityLauncher,
    username: user.username,
  });
  const env = process.env.CROSSDESK_SERVER_URL;
  let host: WorkstationHost;
  try {
    // A malformed address, or unsent work for another server, stops the start with the reason shown.
    chooseServer({ flag, env, saved: null });
    // The store's key, sealed by the OS keychain, is unsealed here: safeStorage lives in the main process only.
    const storeKey = loadOrCreateStoreKey(dataDir, keychainWrapping());
    host = await startWorkstationHost({
      dataDir,
      storeKey,
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
