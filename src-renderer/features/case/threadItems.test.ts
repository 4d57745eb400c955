import { describe, expect, it } from 'vitest';
import { threadItems } from './threadItems';

const caseId = '0190e4a6-0000-7000-8000-000000000001';
const id = (n: number) => `0190e4a6-0000-7000-8000-${String(n).padStart(12, '0')}`;

function message(n: number, createdAt: string, writtenAt: string, isPending = false) {
  return {
    id: id(n),
    caseId,
    direction: 'outbound' as const,
    authorKind: 'agent' as const,
    authorId: null,
    locale: 'en',
    channel: 'email' as const,
    body: `m${n}`,
    createdAt,
    writtenAt,
    deliveryState: 'sent' as const,
    isPending,
  };
}
function note(n: number, createdAt: string, writtenAt: string, isPending = false) {
  return { id: id(n), caseId, authorId: id(99), body: `n${n}`, createdAt, writtenAt, isPending };
}

describe('threadItems', () => {
  it('orders by server time, not by when the agent wrote it (an offline reply written earlier arrives later)', () => {
    const items = threadItems({
      messages: [
        message(1, '2026-11-25T10:00:00Z', '2026-11-25T10:00:00Z'),
        message(2, '2026-11-25T12:00:00Z', '2026-11-25T09:00:00Z'),
      ],
      notes: [note(3, '2026-11-25T11:00:00Z', '2026-11-25T11:00:00Z')],
    });
    expect(items.map((item) => item.id)).toEqual([id(1), id(3), id(2)]);
  });

  it('puts items the server has not accepted after the accepted ones, in writing order', () => {
    const items = threadItems({
      messages: [
        message(1, '2026-11-25T13:00:00Z', '2026-11-25T13:00:00Z', true),
        message(2, '2026-11-25T10:00:00Z', '2026-11-25T10:00:00Z'),
      ],
      notes: [note(3, '2026-11-25T12:00:00Z', '2026-11-25T12:00:00Z', true)],
    });
    expect(items.map((item) => [item.id, item.isPending])).toEqual([
      [id(2), false],
      [id(3), true],
      [id(1), true],
    ]);
  });
});
