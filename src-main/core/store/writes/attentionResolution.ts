import type Database from 'better-sqlite3-multiple-ciphers';
import type { CaseState } from '../caseState';
import type { LocalWrites, WriteOutcome } from '../localWrites';
import { StoreError, type IdGenerator } from '../ports';

/**
 * Settling a Needs attention item: discard drops it knowingly; reopen_and_send reopens a solved case and
 * sends the kept reply or note again under a new id, all in one transaction with the item's removal.
 */
export function createAttentionResolution(
  db: Database.Database,
  state: CaseState,
  writes: LocalWrites,
  ids: IdGenerator,
) {
  const attentionById = db.prepare<
    [string],
    { id: string; case_id: string; mutation_name: string; body: string | null; locale: string | null }
  >('SELECT * FROM attention WHERE id = ?');
  const deleteAttention = db.prepare<[string]>('DELETE FROM attention WHERE id = ?');

  return (id: string, action: 'reopen_and_send' | 'discard'): WriteOutcome | null =>
    db
      .transaction((): WriteOutcome | null => {
        const item = attentionById.get(id);
        if (!item) throw new StoreError('NOT_FOUND', 'This item was already resolved.');
        deleteAttention.run(id);
        if (action === 'discard') return null;
        if (item.body === null)
          throw new StoreError('NOTHING_TO_SEND', 'Only a rejected reply or note can be sent again; discard this one.');
        const c = state.visible(item.case_id);
        if (!c)
          throw new StoreError(
            'NOT_FOUND',
            'The case is no longer in this workstation; copy the text before discarding.',
          );
        if (c.status === 'closed')
          throw new StoreError(
            'CASE_CLOSED',
            `Case ${c.ref} is closed and cannot be reopened; copy the text into a follow-up case.`,
          );
        if (c.status === 'solved') writes.write('case.setStatus@1', { caseId: c.id, to: 'open' });
        if (item.mutation_name === 'case.addNote')
          return writes.write('case.addNote@1', { caseId: c.id, noteId: ids.uuid(), body: item.body });
        return writes.write('case.reply@1', {
          caseId: c.id,
          messageId: ids.uuid(),
          body: item.body,
          locale: item.locale ?? c.locale,
        });
      })
      .immediate();
}
