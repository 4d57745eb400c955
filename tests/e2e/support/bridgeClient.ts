import WebSocket from 'ws';
import { z } from 'zod';
import {
  ContractErrorSchema,
  workstationContract,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../src-shared/contract/workstation';
import type { RunningWebHost } from './webHostProcess';

/**
 * Calls the web host's contract directly, as the page does, so tests compare the screen with what the
 * store really returns instead of with hard-coded demo values.
 */
export async function callContract(host: RunningWebHost, method: string, input: unknown): Promise<unknown> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, {
    headers: { Origin: host.origin },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  try {
    const answer = new Promise<unknown>((resolve) => {
      ws.on('message', (data) => {
        const frame: unknown = JSON.parse(data.toString());
        if (typeof frame === 'object' && frame !== null && 'id' in frame && frame.id === 1 && 'result' in frame)
          resolve(frame.result);
      });
    });
    ws.send(JSON.stringify({ id: 1, method, input }));
    return await answer;
  } finally {
    ws.close();
  }
}

const AnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractErrorSchema }),
]);

/**
 * A contract call that must succeed: its data, parsed with the method's own output schema from
 * src-shared/contract/workstation.ts; a refusal fails the test with the core's code and message.
 */
export async function contractData<M extends MethodName>(
  host: RunningWebHost,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>>;
// The overload ties each method to its own schema's type without a cast.
export async function contractData(host: RunningWebHost, method: MethodName, input: unknown): Promise<unknown> {
  const answer = AnswerSchema.parse(await callContract(host, method, input));
  if (!answer.ok) throw new Error(`${method} refused: ${answer.error.code} ${answer.error.message}`);
  return workstationContract[method].output.parse(answer.data);
}
