import { EVENT_NAMES, METHOD_NAMES, type EventName } from '../../src-shared/contract/workstation';
import { eventChannel } from './securityPolicy';

/** The slice of ipcRenderer the preload uses; the event object it passes never reaches the page. */
export type RendererIpc = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
};

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

/**
 * window.crossdesk: one function per contract method, named after it, plus subscribe(event, listener)
 * returning its unsubscribe. No generic invoke/send/on(channel): the page can reach only the contract.
 */
export function buildPreloadApi(ipc: RendererIpc): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = (input: unknown) => ipc.invoke(method, input ?? {});
  }
  api.subscribe = (event: unknown, listener: unknown) => {
    if (!isEventName(event)) throw new Error(`unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('subscribe needs a listener function');
    const channel = eventChannel(event);
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(channel, forward);
    return () => ipc.removeListener(channel, forward);
  };
  return Object.freeze(api);
}
