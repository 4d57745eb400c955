import { z } from 'zod';
import { ContractErrorSchema } from './workstation';

/**
 * Frames of the loopback WebSocket bridge (src-main/web-host <-> src-renderer/contract): the same
 * contract as Electron IPC, one request/result pair per call plus pushed events.
 */
export const BRIDGE_PATH = '/bridge';

export const BridgeRequestSchema = z.object({
  id: z.int().min(1),
  method: z.string().min(1).max(64),
  input: z.unknown(),
});
export type BridgeRequest = z.infer<typeof BridgeRequestSchema>;

export const BridgeServerFrameSchema = z.union([
  z.object({
    id: z.int().min(1),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), data: z.unknown() }),
      z.object({ ok: z.literal(false), error: ContractErrorSchema }),
    ]),
  }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);
export type BridgeServerFrame = z.infer<typeof BridgeServerFrameSchema>;
