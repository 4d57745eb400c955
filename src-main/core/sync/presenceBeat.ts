import type { AgentStatus } from '../../../src-shared/supervision/presence';
import { HeartbeatResponseSchema } from '../../../src-shared/supervision/views';
import type { Disposable } from './scheduler';
import type { SyncHttp } from './syncHttp';
import type { Timers } from './timers';

export interface PresenceBeatOptions {
  http: SyncHttp;
  timers: Timers;
  intervalMs: number;
  token(): string | null;
  clientId(): string;
  status(): AgentStatus;
}

/**
 * The desk's heartbeat while it runs signed in (SUPERVISION.md): POST /sync/v1/presence every interval and
 * at once when the agent changes their status. The server derives presence and leases from it; a beat that
 * fails is not retried (the next one follows on time, and a push counts as contact too).
 */
export function startPresenceBeat(options: PresenceBeatOptions): Disposable & { beatNow(): void } {
  let cancel: (() => void) | null = null;
  let isOn = true;

  function schedule(): void {
    cancel?.();
    cancel = isOn ? options.timers.after(options.intervalMs, beat) : null;
  }

  function beat(): void {
    const token = options.token();
    if (!isOn) return;
    schedule();
    if (token === null) return;
    options.http
      .json('POST', '/sync/v1/presence', HeartbeatResponseSchema, {
        token,
        body: { protocol: 1, clientId: options.clientId(), status: options.status() },
      })
      .catch(() => undefined);
  }

  beat();
  return {
    beatNow: beat,
    dispose() {
      isOn = false;
      cancel?.();
      cancel = null;
    },
  };
}
