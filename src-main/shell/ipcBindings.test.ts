import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src-shared/contract/workstation';
import { contractBindings, type ContractDispatcher } from './ipcBindings';

const appUrl = 'file:///opt/crossdesk/out/renderer/index.html';

function recordingCore() {
  const calls: { method: string; input: unknown }[] = [];
  const core: ContractDispatcher = {
    dispatch: async (method, input) => {
      calls.push({ method, input });
      return { ok: true, data: null };
    },
  };
  return { core, calls };
}

describe('contractBindings', () => {
  it('binds every contract method once, on a channel named after it', () => {
    const channels = contractBindings(recordingCore().core, appUrl).map((binding) => binding.channel);
    expect(channels).toEqual(METHOD_NAMES);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('passes the unknown input of the app frame to the core unchanged', async () => {
    const { core, calls } = recordingCore();
    const binding = contractBindings(core, appUrl).find((entry) => entry.channel === 'cases:get');
    const input = { caseId: 'not-even-a-uuid' };
    await binding?.handle({ frameUrl: appUrl, isMainFrame: true }, input);
    expect(calls).toEqual([{ method: 'cases:get', input }]);
  });

  it('refuses other senders without reaching the core', async () => {
    const { core, calls } = recordingCore();
    const bindings = contractBindings(core, appUrl);
    for (const sender of [
      { frameUrl: 'https://example.com/', isMainFrame: true },
      { frameUrl: appUrl, isMainFrame: false },
      { frameUrl: null, isMainFrame: true },
    ]) {
      for (const binding of bindings) {
        const result = await binding.handle(sender, {});
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      }
    }
    expect(calls).toEqual([]);
  });
});
