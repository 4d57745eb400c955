import type { MessagePort } from 'node:worker_threads';
import { HostRequestSchema, type WorkerMessage } from './hostProtocol';

export interface EmbeddedServerAccess {
  serverUrl: string;
  signIn: { username: string; password: string };
}

/**
 * The worker's side of "start the embedded demo central API": the host owns child processes, so the
 * worker asks over its port and waits for the URL and the demo agent's sign-in (or the reason it failed).
 */
export function embeddedRequester(port: MessagePort): () => Promise<EmbeddedServerAccess> {
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (access: EmbeddedServerAccess) => void; reject: (error: Error) => void }
  >();
  port.on('message', (raw: unknown) => {
    const parsed = HostRequestSchema.safeParse(raw);
    if (!parsed.success || parsed.data.kind !== 'embedded') return;
    const request = waiting.get(parsed.data.id);
    waiting.delete(parsed.data.id);
    const { result } = parsed.data;
    if (result.ok) request?.resolve({ serverUrl: result.serverUrl, signIn: result.signIn });
    else request?.reject(new Error(result.message));
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      port.postMessage({ kind: 'embedded', id } satisfies WorkerMessage);
    });
}
