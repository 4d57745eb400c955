import type Database from 'better-sqlite3-multiple-ciphers';
import type { MutationEnvelope } from '../../../../src-shared/sync/mutations';
import type { OutboxRecord } from '../caseState';
import { readJson } from '../json';

/** The outbox as the sync engine sees it: envelopes to push, how many wait, and renumbering for a new client id. */
export function createOutbox(db: Database.Database) {
  const outboxPage = db.prepare<[number, number], OutboxRecord>(
    'SELECT * FROM outbox WHERE id > ? ORDER BY id LIMIT ?',
  );
  const pendingCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox');
  const renumber = db.transaction((newClientId: string) => {
    const rows = db.prepare<[], { id: number }>('SELECT id FROM outbox ORDER BY id').all();
    db.prepare('UPDATE outbox SET id = -id').run();
    const move = db.prepare<[number, number]>('UPDATE outbox SET id = ? WHERE id = ?');
    rows.forEach((row, i) => move.run(i + 1, -row.id));
    db.prepare<[string, number]>(
      'UPDATE sync_state SET client_id = ?, last_mutation_id = 0, next_mutation_id = ? WHERE singleton = 1',
    ).run(newClientId, rows.length + 1);
  });

  return {
    /** Unacknowledged mutations in id order (after afterId: the next batch of a drain), as envelopes ready to push. */
    pending(limit: number, afterId = 0): MutationEnvelope[] {
      return outboxPage.all(afterId, limit).map((row) => ({
        id: row.id,
        uuid: row.uuid,
        name: row.name,
        v: row.v,
        args: readJson<unknown>(row.args),
        base: readJson<MutationEnvelope['base']>(row.base),
        clientTime: row.client_time,
      }));
    },
    count: (): number => pendingCount.get()?.n ?? 0,
    /**
     * CLIENT_STATE_CONFLICT (SYNC.md identities): a new client id, and the pending mutations renumbered
     * from 1 in their order so they can be sent again under the new id.
     */
    renumberForClient(newClientId: string): void {
      renumber.immediate(newClientId);
    },
  };
}
