import { METHOD_NAMES, type MethodName, type WorkstationApi } from '../../src-shared/contract/workstation';
import { createTypedClient, type RawTransport } from './typedClient';
import { connectBridge } from './webSocketBridge';

/** window.crossdesk as the Electron preload exposes it (src-main/shell/preloadApi.ts). */
export type PreloadApi = Record<MethodName, (input: unknown) => Promise<unknown>> & {
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
};

export type HostWindow = {
  crossdesk?: PreloadApi;
  location: Pick<Location, 'origin' | 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
};

const TOKEN_KEY = 'crossdesk.bridgeToken';

/**
 * The web host hands its token in the URL fragment (never sent over HTTP). Keep it for this tab so a
 * reload still connects, and take it out of the address bar so it is not copied around.
 */
export function takeBridgeToken(win: HostWindow): string | null {
  const fromHash = new URLSearchParams(win.location.hash.replace(/^#/, '')).get('token');
  if (fromHash !== null && fromHash !== '') {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}`);
    return fromHash;
  }
  return win.sessionStorage.getItem(TOKEN_KEY);
}

function preloadTransport(crossdesk: PreloadApi): RawTransport {
  return {
    call: (method, input) => crossdesk[method](input),
    subscribe: (event, listener) => crossdesk.subscribe(event, listener),
  };
}

function unavailableTransport(message: string): RawTransport {
  return {
    call: async () => ({ ok: false, error: { code: 'NO_HOST', message } }),
    subscribe: () => () => undefined,
  };
}

/** Electron's preload when present, else the loopback bridge: one WorkstationApi either way. */
export function createWorkstationClient(win: HostWindow): WorkstationApi {
  if (win.crossdesk !== undefined && METHOD_NAMES.every((name) => typeof win.crossdesk?.[name] === 'function')) {
    return createTypedClient(preloadTransport(win.crossdesk));
  }
  const token = takeBridgeToken(win);
  if (token === null)
    return createTypedClient(
      unavailableTransport('open the address the web host printed (it carries the access token)'),
    );
  return createTypedClient(connectBridge(win.location.origin, token));
}
