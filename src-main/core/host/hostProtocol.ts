import { z } from 'zod';
import { ContractErrorSchema } from '../../../src-shared/contract/workstation';

/**
 * Messages between the workstation worker and its host over a MessagePort. Structured clone carries
 * them, so they stay plain data; the schemas keep both ends honest about the shape.
 */
export const HostRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), id: z.int().min(1), method: z.string(), input: z.unknown() }),
  /** Close the store cleanly (WAL checkpoint) and let the worker exit. */
  z.object({ kind: z.literal('close') }),
  /** The answer to the worker's request for the embedded demo central API. */
  z.object({
    kind: z.literal('embedded'),
    id: z.int().min(1),
    result: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        serverUrl: z.url({ protocol: /^https?$/ }),
        signIn: z.object({ username: z.string().min(1), password: z.string().min(1) }),
      }),
      z.object({ ok: z.literal(false), message: z.string() }),
    ]),
  }),
]);
export type HostRequest = z.infer<typeof HostRequestSchema>;

export const ContractResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractErrorSchema }),
]);
export type UnknownContractResult = z.infer<typeof ContractResultSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
  z.object({ kind: z.literal('result'), id: z.int().min(1), result: ContractResultSchema }),
  z.object({ kind: z.literal('event'), event: z.string(), payload: z.unknown() }),
  /** The workstation needs the embedded demo central API (started on demand by the host, once). */
  z.object({ kind: z.literal('embedded'), id: z.int().min(1) }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

export function failure(code: string, message: string): UnknownContractResult {
  return { ok: false, error: { code, message } };
}
