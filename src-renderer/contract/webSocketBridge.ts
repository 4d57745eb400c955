import { BRIDGE_PATH, BridgeServerFrameSchema, type BridgeRequest } from '../../src-shared/contract/bridge';
import type { EventName } from '../../src-shared/contract/workstation';
import type { RawTransport } from './typedClient';

type Pending = (result: unknown) => void;

const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

function disconnected(message: string) {
  return { ok: false, error: { code: 'DISCONNECTED', message } };
}

/**
 * The web host's side of the contract: one WebSocket carrying calls and pushed events. Calls made
 * while connecting wait for the socket; a dropped socket ends pending calls with DISCONNECTED (never
 * a silent retry: a write might have happened) and reconnects in the background.
 */
export function connectBridge(origin: string, token: string): RawTransport {
  const url = `${origin.replace(/^http/, 'ws')}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const waiting: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let attempt = 0;
  let socket = open();

  function open(): WebSocket {
    const ws = new WebSocket(url);
    ws.addEventListener('open', () => {
      attempt = 0;
      for (const frame of waiting.splice(0)) ws.send(frame);
    });
    ws.addEventListener('message', (message) => {
      if (typeof message.data !== 'string') return;
      let raw: unknown;
      try {
        raw = JSON.parse(message.data);
      } catch {
        return;
      }
      const frame = BridgeServerFrameSchema.safeParse(raw);
      if (!frame.success) return;
      if ('id' in frame.data) {
        const resolve = pending.get(frame.data.id);
        pending.delete(frame.data.id);
        resolve?.(frame.data.result);
      } else {
        for (const listener of listeners.get(frame.data.event) ?? []) listener(frame.data.payload);
      }
    });
    ws.addEventListener('close', () => {
      // Calls still waiting to be sent are answered too and dropped, so none runs after its caller gave up.
      waiting.length = 0;
      for (const resolve of pending.values()) resolve(disconnected('the connection to the workstation was lost'));
      pending.clear();
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
      attempt++;
      setTimeout(() => {
        socket = open();
      }, delay);
    });
    return ws;
  }

  return {
    call(method, input) {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, input: input ?? {} } satisfies BridgeRequest);
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket.readyState === WebSocket.OPEN) socket.send(frame);
        else waiting.push(frame);
      });
    },
    subscribe(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
