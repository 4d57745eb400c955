import { describe, expect, it } from 'vitest';
import type { EventName, MethodName } from '../../src-shared/contract/workstation';
import { createTypedClient, type RawTransport } from './typedClient';

const row = {
  id: '0190e4a6-0000-7000-8000-000000000001',
  ref: 'CD-10001',
  subject: '退货',
  type: 'return_refund',
  status: 'open',
  priority: 'high',
  market: 'CN',
  locale: 'zh-CN',
  customerName: '王芳',
  assigneeId: null,
  tags: [],
  slaDueAt: '2026-11-25T12:00:00.000Z',
  createdAt: '2026-11-24T12:00:00.000Z',
  updatedAt: '2026-11-24T12:00:00.000Z',
  hasPendingChanges: false,
};

/** A host that answers each method with a canned raw value, and lets the test push events. */
function host(answers: Partial<Record<MethodName, unknown>>) {
  const listeners = new Map<EventName, (payload: unknown) => void>();
  const transport: RawTransport = {
    call: async (method) => {
      if (!(method in answers)) throw new Error('socket closed');
      return answers[method];
    },
    subscribe: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { transport, push: (event: EventName, payload: unknown) => listeners.get(event)?.(payload) };
}

describe('createTypedClient', () => {
  it('passes through results that fit the contract', async () => {
    const api = createTypedClient(
      host({ 'cases:list': { ok: true, data: { rows: [row], nextCursor: null } } }).transport,
    );
    const result = await api['cases:list']({ view: 'all' });
    expect(result).toEqual({ ok: true, data: { rows: [row], nextCursor: null } });
  });

  it('keeps contract errors as they are', async () => {
    const error = { code: 'INVALID_INPUT', message: 'view: invalid option' };
    const api = createTypedClient(host({ 'cases:list': { ok: false, error } }).transport);
    expect(await api['cases:list']({ view: 'all' })).toEqual({ ok: false, error });
  });

  it('turns a result that breaks the contract into BAD_RESPONSE', async () => {
    const api = createTypedClient(
      host({
        'cases:list': { ok: true, data: { rows: [{ ...row, market: 'XX' }], nextCursor: null } },
        'cases:counts': 'nonsense',
      }).transport,
    );
    expect(await api['cases:list']({ view: 'all' })).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    expect(await api['cases:counts']({})).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
  });

  it('turns a transport failure into a TRANSPORT result instead of throwing', async () => {
    const api = createTypedClient(host({}).transport);
    expect(await api['session:get']({})).toEqual({ ok: false, error: { code: 'TRANSPORT', message: 'socket closed' } });
  });

  it('delivers events that fit their schema and drops the rest', () => {
    const { transport, push } = host({});
    const api = createTypedClient(transport);
    const seen: unknown[] = [];
    const unsubscribe = api.subscribe('attention:changed', (payload) => seen.push(payload.count));
    push('attention:changed', { count: 2 });
    push('attention:changed', { count: -1 });
    push('attention:changed', 'garbage');
    unsubscribe();
    push('attention:changed', { count: 3 });
    expect(seen).toEqual([2]);
  });
});
