import { afterEach, describe, expect, it } from 'vitest';
import { startWorkstationHost, type WorkstationHost } from './workstationHost';

const fixture = new URL('./fixtures/fixtureWorker.ts', import.meta.url);
const hosts: WorkstationHost[] = [];

async function start(dataDir = '/data/agent') {
  const host = await startWorkstationHost({ dataDir, workerEntry: fixture });
  hosts.push(host);
  return host;
}

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

describe('startWorkstationHost', () => {
  it('answers each call with its own result, even when many are in flight', async () => {
    const host = await start();
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => host.dispatch('echo', { index })));
    results.forEach((result, index) =>
      expect(result).toEqual({ ok: true, data: { dataDir: '/data/agent', input: { index } } }),
    );
  });

  it('forwards core events to subscribers until they unsubscribe', async () => {
    const host = await start();
    const seen: unknown[] = [];
    const unsubscribe = host.subscribe('attention:changed', (payload) => seen.push(payload));
    await host.dispatch('emit', {});
    unsubscribe();
    await host.dispatch('emit', {});
    expect(seen).toEqual([{ count: 7 }]);
  });

  it('keeps the calling thread free while the core works synchronously', async () => {
    const host = await start();
    const order: string[] = [];
    const call = host.dispatch('busy', {}).then(() => order.push('core answered'));
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        order.push('main thread ran');
        resolve();
      }),
    );
    await call;
    expect(order).toEqual(['main thread ran', 'core answered']);
  });

  it('turns an exception in the core into an INTERNAL result for that call only', async () => {
    const host = await start();
    expect(await host.dispatch('throw', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'exploded inside the core' },
    });
    expect(await host.dispatch('echo', 1)).toMatchObject({ ok: true });
  });

  it('refuses input nested too deeply for the port with BAD_INPUT instead of leaving the call unanswered', async () => {
    const host = await start();
    const deep = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}0${']'.repeat(depth)}`);
    for (const depth of [33, 5_000])
      expect(await host.dispatch('echo', deep(depth))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    // A function cannot be cloned at all: the same typed refusal, and the host keeps answering.
    expect(await host.dispatch('echo', { run: () => undefined })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await host.dispatch('echo', deep(32))).toMatchObject({ ok: true });
  });

  it('ends pending and later calls with HOST_STOPPED when the worker dies', async () => {
    const host = await start();
    expect(await host.dispatch('exit', {})).toMatchObject({ ok: false, error: { code: 'HOST_STOPPED' } });
    expect(await host.dispatch('echo', {})).toMatchObject({ ok: false, error: { code: 'HOST_STOPPED' } });
  });

  it('fails to start with the reason when the workstation cannot open', async () => {
    await expect(startWorkstationHost({ dataDir: 'fail-to-open', workerEntry: fixture })).rejects.toThrow(
      'workstation failed to open: database is from a newer app version',
    );
  });

  it('closes cleanly and refuses calls afterwards', async () => {
    const host = await start();
    await host.close();
    expect(await host.dispatch('echo', {})).toMatchObject({ ok: false, error: { code: 'HOST_STOPPED' } });
    await host.close();
  });
});
