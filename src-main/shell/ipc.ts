import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_NAMES } from '../../src-shared/contract/workstation';
import type { WorkstationHost } from '../core/host/workstationHost';
import { contractBindings } from './ipcBindings';
import { eventChannel, type SenderInfo } from './securityPolicy';

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
}

/** Binds every contract method to ipcMain.handle and forwards core events to the window. */
export function bindIpc(host: WorkstationHost, window: BrowserWindow, appUrl: string): () => void {
  const bindings = contractBindings(host, appUrl);
  for (const binding of bindings) {
    ipcMain.handle(binding.channel, (event, input: unknown) => binding.handle(senderOf(event), input));
  }
  const unsubscribes = EVENT_NAMES.map((name) =>
    host.subscribe(name, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
    }),
  );
  return () => {
    for (const binding of bindings) ipcMain.removeHandler(binding.channel);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
