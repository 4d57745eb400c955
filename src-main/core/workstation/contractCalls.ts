import { z } from 'zod';
import {
  isMethodAllowed,
  workstationContract,
  type ContractError,
  type ContractResult,
  type MethodName,
  type MethodOutput,
} from '../../../src-shared/contract/workstation';
import type { Role } from '../../../src-shared/domain/user';
import { findUnsafeText } from '../../../src-shared/text/unsafeText';
import { StoreError } from '../store';

/** One function per contract method, given its input already parsed with the method's schema. */
export type ContractHandlers = {
  [M in MethodName]: (
    input: z.infer<(typeof workstationContract)[M]['input']>,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What a signed-out (locked) workstation still answers: nothing that holds a case or a customer's words. */
const OPEN_WHEN_SIGNED_OUT: ReadonlySet<MethodName> = new Set<MethodName>([
  'session:get',
  'auth:signIn',
  'auth:signOut',
  'auth:signOutAndRemoveData',
  'settings:get',
  'settings:update',
  'server:get',
  'sync:status',
]);

function toError(error: unknown): ContractError {
  if (error instanceof StoreError)
    return {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  if (error instanceof z.ZodError) return { code: 'BAD_INPUT', message: z.prettifyError(error) };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** A method for some roles (supervisors, practising agents) asked by another: refused before the input is read. */
function forbidden(method: MethodName): ContractResult<never> {
  return {
    ok: false,
    error: { code: 'FORBIDDEN', message: `${method} is not for the signed-in user's role.` },
  };
}

/**
 * The contract's boundary: input arrives as unknown and is refused with a typed error when its text is
 * unsafe, the device is locked, the signed-in user's role may not use the method (supervisor methods) or
 * the schema says no; a handler's throw becomes an error result. Nothing throws across it.
 */
export function contractCalls(handlers: ContractHandlers, isLocked: () => boolean, role: () => Role | null) {
  async function call<M extends MethodName>(method: M, input: unknown): Promise<ContractResult<MethodOutput<M>>> {
    try {
      // Text the store or the server cannot keep faithfully is refused here, so it never waits in the outbox.
      const field = findUnsafeText(input);
      if (field !== null)
        return {
          ok: false,
          error: {
            code: 'BAD_INPUT',
            message: `${field} contains a NUL character or a broken (lone surrogate) character`,
            details: { field },
          },
        };
      if (!OPEN_WHEN_SIGNED_OUT.has(method) && isLocked())
        return {
          ok: false,
          error: { code: 'SIGNED_OUT', message: 'Signed out: sign in to see and work on cases on this device.' },
        };
      if (!isMethodAllowed(method, role())) return forbidden(method);
      const parsed = workstationContract[method].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: z.prettifyError(parsed.error) } };
      const handler = handlers[method] as (input: unknown) => MethodOutput<M> | Promise<MethodOutput<M>>;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toError(error) };
    }
  }

  /** For hosts that route by name (IPC, WebSocket, worker port): unknown names are an error result. */
  function dispatch(method: string, input: unknown): Promise<ContractResult<unknown>> {
    if (!Object.hasOwn(workstationContract, method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `No contract method "${method}".` },
      });
    }
    return call(method as MethodName, input);
  }

  return { call, dispatch };
}
