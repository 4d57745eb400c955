import { describe, expect, it } from 'vitest';
import type { EventName, MethodName } from '../../../src-shared/contract/workstation';
import { createTypedClient, type RawTransport } from '../../contract/typedClient';
import { FIRST_SORT, FIRST_VIEW, PAGE_SIZE, peekPrefetched, prefetchFirstPage, takePrefetched } from './firstPage';

const counts = { mine: 1, team_unassigned: 2, pending_customer: 0, breaching_soon: 0, all: 3 };
const status = {
  connection: 'online',
  pendingCount: 0,
  lastSyncedAt: null,
  serverOffsetMs: 1_500,
  bootstrap: null,
  lastError: null,
};

/** A host that records the calls it gets and lets the test push events (the transport is the boundary). */
function host() {
  const calls: { method: MethodName; input: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const answers: Partial<Record<MethodName, unknown>> = {
    'cases:list': { ok: true, data: { rows: [], nextCursor: null } },
    'cases:counts': { ok: true, data: counts },
    'sync:status': { ok: true, data: status },
  };
  const transport: RawTransport = {
    call: async (method, input) => {
      calls.push({ method, input });
      return answers[method];
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    api: createTypedClient(transport),
    calls,
    push: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}

describe('prefetchFirstPage', () => {
  it('sends the first page, counts and sync status at once, before anything renders', () => {
    const { api, calls } = host();
    prefetchFirstPage(api);
    prefetchFirstPage(api);
    expect(calls.map((call) => call.method)).toEqual(['cases:list', 'cases:counts', 'sync:status']);
    expect(calls[0]?.input).toEqual({ view: FIRST_VIEW, sort: FIRST_SORT, limit: PAGE_SIZE });
  });

  it('gives each answer once, readable synchronously after it arrived', async () => {
    const { api } = host();
    prefetchFirstPage(api);
    const counted = takePrefetched(api, 'counts');
    expect(await counted?.promise).toEqual({ ok: true, data: counts });
    expect(takePrefetched(api, 'counts')).toBeNull();
    await takePrefetched(api, 'serverOffsetMs')?.promise;
    expect(peekPrefetched(api, 'page')?.value).toEqual({ ok: true, data: { rows: [], nextCursor: null } });
    expect(takePrefetched(api, 'page')).not.toBeNull();
    expect(peekPrefetched(api, 'page')).toBeNull();
  });

  it('drops answers not yet taken when cases change, so the screen asks again', async () => {
    const { api, push } = host();
    prefetchFirstPage(api);
    expect(await takePrefetched(api, 'serverOffsetMs')?.promise).toBe(1_500);
    push('cases:changed', { caseIds: [], all: true });
    expect(takePrefetched(api, 'page')).toBeNull();
    expect(takePrefetched(api, 'counts')).toBeNull();
  });

  it('has nothing for an api it was not started on', () => {
    expect(takePrefetched(host().api, 'page')).toBeNull();
  });
});
