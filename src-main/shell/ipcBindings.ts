import { METHOD_NAMES, type MethodName } from '../../src-shared/contract/workstation';
import type { UnknownContractResult } from '../core/host/hostProtocol';
import { isTrustedSender, type SenderInfo } from './securityPolicy';

export type ContractDispatcher = {
  dispatch(method: string, input: unknown): Promise<UnknownContractResult>;
};

export type IpcBinding = {
  channel: MethodName;
  handle(sender: SenderInfo, input: unknown): Promise<UnknownContractResult>;
};

/**
 * One ipcMain.handle per contract method, named after it. The sender is checked first; the input stays
 * unknown here and is parsed by the workstation core against the contract schema.
 */
export function contractBindings(core: ContractDispatcher, appUrl: string): IpcBinding[] {
  return METHOD_NAMES.map((channel) => ({
    channel,
    async handle(sender, input) {
      if (!isTrustedSender(sender, appUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'IPC call from a frame that is not the app' } };
      }
      return core.dispatch(channel, input);
    },
  }));
}
