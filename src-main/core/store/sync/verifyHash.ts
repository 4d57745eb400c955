import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { VERIFY_ENTITIES, verifyLine, type VerifyResponse } from '../../../../src-shared/sync/protocol';

const VERIFY_SQL: Record<(typeof VERIFY_ENTITIES)[number], string> = {
  case: 'SELECT id, server_version AS v FROM cases ORDER BY id',
  case_event: 'SELECT id, server_version AS v FROM case_events ORDER BY id',
  message: 'SELECT id, server_version AS v FROM messages WHERE pending = 0 ORDER BY id',
  note: 'SELECT id, server_version AS v FROM notes WHERE pending = 0 ORDER BY id',
};

/** {count, hash} over canonical cases, case events, messages and notes, as protocol.ts defines it. */
export function verifyHash(db: Database.Database): VerifyResponse {
  const hash = createHash('sha256');
  let count = 0;
  for (const entity of [...VERIFY_ENTITIES].sort()) {
    for (const row of db.prepare<[], { id: string; v: number }>(VERIFY_SQL[entity]).iterate()) {
      hash.update(verifyLine(entity, row.id, row.v));
      count++;
    }
  }
  return { count, hash: hash.digest('hex') };
}
