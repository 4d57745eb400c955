import type { ApiErrorCode } from '../../../src-shared/sync/protocol';
import type { BackoffOptions } from './backoff';
import { backoffDelay } from './backoff';
import { readLines } from './lineReader';
import { DisposableStore, wakeableDelay, watchdog, type Disposable } from './scheduler';
import { parseServerEvents } from './serverEvents';
import { syncFailureOf } from './syncFailure';
import type { SyncHttp } from './syncHttp';
import type { Timers } from './timers';

/** Server-sent event lines are a word and a short JSON object; anything near this is not a poke. */
const MAX_EVENT_LINE_BYTES = 64 * 1024;

export interface EventStreamOptions {
  http: SyncHttp;
  timers: Timers;
  random: () => number;
  backoff: BackoffOptions;
  /** A stream silent this long counts as a dead connection (the server sends keep-alive comments). */
  stallTimeoutMs: number;
  /** The session's token, or null once signed out (the stream then ends). */
  token(): string | null;
  /** A poke or a reset arrived: pull now (a reset also asks for a fresh bootstrap). */
  onEvent(kind: 'poke' | 'reset'): void;
  /** A supervisor's stream: an agent of their teams changed presence (the console reads again). */
  onFloor?(): void;
  /** The server ended the session (401), with its code where it sent one (DEVICE_REVOKED). */
  onUnauthorized(serverCode: ApiErrorCode | null): void;
}

/**
 * Listens to GET /sync/v1/events for pokes (SYNC.md: hints only, the poll covers a missed one), reconnecting
 * with backoff until disposed; a poke proves the server is reachable, so the reconnect count starts over.
 */
export function startEventStream(options: EventStreamOptions): Disposable {
  const { http, timers } = options;
  const running = new DisposableStore();
  let isOn = true;
  running.add({
    dispose: () => {
      isOn = false;
    },
  });

  /** One connection, read until it ends; true while it is worth reconnecting. */
  async function listenOnce(token: string, onEvent: () => void): Promise<boolean> {
    const controller = new AbortController();
    const connection = running.add({ dispose: () => controller.abort() });
    const stall = watchdog(timers, options.stallTimeoutMs, () => controller.abort());
    try {
      const response = await http.request('GET', '/sync/v1/events', {
        token,
        signal: controller.signal,
        timeout: false,
      });
      if (!response.body) return true;
      const lines = readLines(response.body, { signal: controller.signal, maxLineBytes: MAX_EVENT_LINE_BYTES });
      for await (const event of parseServerEvents(lines)) {
        onEvent();
        stall.reset();
        if (event.event === 'poke' || event.event === 'reset') options.onEvent(event.event);
        else if (event.event === 'floor') options.onFloor?.();
      }
      return true;
    } catch (error) {
      const failure = syncFailureOf(error);
      if (failure.code !== 'UNAUTHORIZED') return true;
      options.onUnauthorized(failure.serverCode);
      return false;
    } finally {
      stall.dispose();
      running.delete(connection);
    }
  }

  void (async () => {
    let attempt = 0;
    for (let token = options.token(); isOn && token !== null; token = options.token()) {
      if (!(await listenOnce(token, () => (attempt = 0)))) return;
      if (!isOn) return;
      const wait = running.add(wakeableDelay(timers, backoffDelay(attempt++, options.random, options.backoff)));
      await wait.done;
      running.delete(wait);
    }
  })();
  return running;
}
