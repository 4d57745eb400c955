import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../src-main/core/store/testStore';

let t: TempStore;
beforeEach(() => {
  t = tempStore(40);
});
afterEach(() => t.dispose());

describe('attention items keep the server reason', () => {
  it('stores the reason key and params with the item, for Needs attention to word in the agent language', () => {
    const c = t.data.cases.find((x) => x.status === 'open' && t.isMine(x));
    if (c === undefined) throw new Error('no open case');
    const reply = t.store.write('case.reply@1', {
      caseId: c.id,
      messageId: '20000000-0000-4000-8000-000000000041',
      body: 'Danke für Ihre Geduld',
      locale: 'de-DE',
    });
    const tag = t.store.write('case.addTag@1', { caseId: c.id, tag: 'vip' });
    t.store.markResults([
      {
        mutationId: 1,
        uuid: reply.mutationUuid,
        status: 'rejected',
        code: 'CASE_CLOSED',
        message: 'the case is solved',
        reason: { key: 'case_done', params: { status: 'solved' } },
      },
      {
        mutationId: 2,
        uuid: tag.mutationUuid,
        status: 'rejected',
        code: 'FORBIDDEN',
        message: 'you may not change this case',
      },
    ]);
    const items = t.store.attention();
    expect(items.find((item) => item.code === 'CASE_CLOSED')).toMatchObject({
      message: 'the case is solved',
      reason: { key: 'case_done', params: { status: 'solved' } },
    });
    // An older server sends no reason: the item has none, and the code's own text is shown.
    expect(items.find((item) => item.code === 'FORBIDDEN')?.reason).toBeNull();
  });
});
