import type { MessagePort } from 'node:worker_threads';
import { EVENT_NAMES, type EventName } from '../../../src-shared/contract/workstation';
import { HostRequestSchema, failure, type UnknownContractResult, type WorkerMessage } from './hostProtocol';

/** What the worker serves: the workstation core's dispatch and its event stream, nothing else. */
export type HostedWorkstation = {
  dispatch(method: string, input: unknown): Promise<UnknownContractResult> | UnknownContractResult;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  close(): void;
};

/**
 * Worker side of the host: answers calls arriving on the port and forwards every contract event.
 * Never throws across the port: an unexpected exception becomes an INTERNAL result for that call only.
 */
export function serveWorkstation(port: MessagePort, workstation: HostedWorkstation): void {
  const send = (message: WorkerMessage) => port.postMessage(message);
  const unsubscribes = EVENT_NAMES.map((event) =>
    workstation.subscribe(event, (payload) => send({ kind: 'event', event, payload })),
  );

  port.on('message', (raw: unknown) => {
    const parsed = HostRequestSchema.safeParse(raw);
    if (!parsed.success) return;
    if (parsed.data.kind === 'close') {
      for (const unsubscribe of unsubscribes) unsubscribe();
      workstation.close();
      port.close();
      return;
    }
    if (parsed.data.kind !== 'call') return;
    const { id, method, input } = parsed.data;
    Promise.resolve()
      .then(() => workstation.dispatch(method, input))
      .catch((error: unknown) => failure('INTERNAL', error instanceof Error ? error.message : String(error)))
      .then((result) => send({ kind: 'result', id, result }));
  });
}
