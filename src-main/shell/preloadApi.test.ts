import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../src-shared/contract/workstation';
import { buildPreloadApi, type RendererIpc } from './preloadApi';

/** ipcRenderer's shape over a real EventEmitter; invoke records what would cross to main. */
function rendererIpc() {
  const emitter = new EventEmitter();
  const invoked: { channel: string; input: unknown }[] = [];
  const ipc: RendererIpc = {
    invoke: async (channel, input) => {
      invoked.push({ channel, input });
      return { ok: true, data: channel };
    },
    on: (channel, listener) => {
      emitter.on(channel, listener);
    },
    removeListener: (channel, listener) => {
      emitter.removeListener(channel, listener);
    },
  };
  return { ipc, emitter, invoked };
}

describe('buildPreloadApi', () => {
  it('exposes exactly one function per contract method plus subscribe, and no generic door', () => {
    const api = buildPreloadApi(rendererIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'subscribe'].sort());
    for (const name of ['invoke', 'send', 'on', 'sendSync', 'ipcRenderer']) expect(api).not.toHaveProperty(name);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own channel with the input untouched', async () => {
    const { ipc, invoked } = rendererIpc();
    const api = buildPreloadApi(ipc);
    const list = api['cases:list'];
    if (typeof list !== 'function') throw new Error('cases:list missing');
    await expect(list({ view: 'mine' })).resolves.toEqual({ ok: true, data: 'cases:list' });
    expect(invoked).toEqual([{ channel: 'cases:list', input: { view: 'mine' } }]);
  });

  it('passes only the payload to listeners and unsubscribes', () => {
    const { ipc, emitter } = rendererIpc();
    const api = buildPreloadApi(ipc);
    const subscribe = api.subscribe;
    if (typeof subscribe !== 'function') throw new Error('subscribe missing');
    const seen: unknown[][] = [];
    const unsubscribe = subscribe('cases:changed', (...args: unknown[]) => seen.push(args));
    emitter.emit('event:cases:changed', { sender: 'IpcRendererEvent' }, { caseIds: [], all: true });
    unsubscribe();
    emitter.emit('event:cases:changed', { sender: 'IpcRendererEvent' }, { caseIds: [], all: false });
    expect(seen).toEqual([[{ caseIds: [], all: true }]]);
    expect(emitter.listenerCount('event:cases:changed')).toBe(0);
  });

  it('refuses unknown events and non-function listeners', () => {
    const api = buildPreloadApi(rendererIpc().ipc);
    const subscribe = api.subscribe;
    if (typeof subscribe !== 'function') throw new Error('subscribe missing');
    expect(() => subscribe('cases:list', () => undefined)).toThrow(/unknown event/);
    expect(() => subscribe(EVENT_NAMES[0], 'not a function')).toThrow(/listener/);
  });
});
