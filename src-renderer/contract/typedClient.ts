import { z } from 'zod';
import {
  ContractErrorSchema,
  workstationContract,
  workstationEvents,
  type ContractResult,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type WorkstationApi,
} from '../../src-shared/contract/workstation';

/** What a host offers before typing: the Electron preload and the WebSocket bridge both fit this. */
export type RawTransport = {
  call(method: MethodName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
};

const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractErrorSchema }),
]);

// Overloads tie each method and event name to its own schema's type without a cast.
function parseOutput<M extends MethodName>(method: M, value: unknown): z.ZodSafeParseResult<MethodOutput<M>>;
function parseOutput(method: MethodName, value: unknown): z.ZodSafeParseResult<unknown> {
  return workstationContract[method].output.safeParse(value);
}

function parseEvent<E extends EventName>(event: E, value: unknown): z.ZodSafeParseResult<EventPayload<E>>;
function parseEvent(event: EventName, value: unknown): z.ZodSafeParseResult<unknown> {
  return workstationEvents[event].safeParse(value);
}

/**
 * The renderer's one WorkstationApi over either host. Results are checked against the contract's output
 * schemas, so a mismatched core shows up as a clear BAD_RESPONSE instead of a crash deep in a component.
 */
export function createTypedClient(transport: RawTransport): WorkstationApi {
  async function call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<ContractResult<MethodOutput<M>>> {
    let raw: unknown;
    try {
      raw = await transport.call(method, input);
    } catch (error) {
      return {
        ok: false,
        error: { code: 'TRANSPORT', message: error instanceof Error ? error.message : String(error) },
      };
    }
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success)
      return { ok: false, error: { code: 'BAD_RESPONSE', message: `${method}: not a contract result` } };
    if (!envelope.data.ok) return envelope.data;
    const output = parseOutput(method, envelope.data.data);
    if (!output.success)
      return { ok: false, error: { code: 'BAD_RESPONSE', message: `${method}: ${z.prettifyError(output.error)}` } };
    return { ok: true, data: output.data };
  }

  return {
    'session:get': (input) => call('session:get', input),
    'auth:signIn': (input) => call('auth:signIn', input),
    'auth:signOut': (input) => call('auth:signOut', input),
    'auth:signOutAndRemoveData': (input) => call('auth:signOutAndRemoveData', input),
    'settings:get': (input) => call('settings:get', input),
    'settings:update': (input) => call('settings:update', input),
    'server:get': (input) => call('server:get', input),
    'cases:list': (input) => call('cases:list', input),
    'cases:counts': (input) => call('cases:counts', input),
    'cases:search': (input) => call('cases:search', input),
    'cases:tags': (input) => call('cases:tags', input),
    'cases:get': (input) => call('cases:get', input),
    'cases:reply': (input) => call('cases:reply', input),
    'cases:addNote': (input) => call('cases:addNote', input),
    'cases:setStatus': (input) => call('cases:setStatus', input),
    'cases:addTag': (input) => call('cases:addTag', input),
    'cases:removeTag': (input) => call('cases:removeTag', input),
    'cases:take': (input) => call('cases:take', input),
    'cases:recordStep': (input) => call('cases:recordStep', input),
    'files:attach': (input) => call('files:attach', input),
    'files:content': (input) => call('files:content', input),
    'files:held': (input) => call('files:held', input),
    'cases:bulk': (input) => call('cases:bulk', input),
    'cases:reassign': (input) => call('cases:reassign', input),
    'sync:status': (input) => call('sync:status', input),
    'attention:list': (input) => call('attention:list', input),
    'attention:resolve': (input) => call('attention:resolve', input),
    'practice:overview': (input) => call('practice:overview', input),
    'practice:scenario': (input) => call('practice:scenario', input),
    'practice:start': (input) => call('practice:start', input),
    'practice:answer': (input) => call('practice:answer', input),
    'practice:run': (input) => call('practice:run', input),
    subscribe(event, listener) {
      return transport.subscribe(event, (payload) => {
        const parsed = parseEvent(event, payload);
        if (parsed.success) listener(parsed.data);
      });
    },
    'training:progress': (input) => call('training:progress', input),
    'training:assign': (input) => call('training:assign', input),
    'training:runs': (input) => call('training:runs', input),
    'training:review': (input) => call('training:review', input),
    'training:override': (input) => call('training:override', input),
    'training:release': (input) => call('training:release', input),
    'training:results': (input) => call('training:results', input),
    'training:rubrics': (input) => call('training:rubrics', input),
  };
}
