import type Database from 'better-sqlite3-multiple-ciphers';
import type { CaseState } from '../caseState';
import type { CanonicalBatch } from '../interface';
import type { RowWriter } from './rowWriter';

/**
 * Bulk load of canonical rows in one transaction (demo data, benchmarks): the same row writer as sync, so
 * indexes and search stay consistent. Versions: a case's own version, 1 for the rest.
 */
export function createCanonicalImport(db: Database.Database, writer: RowWriter, state: CaseState) {
  return (batch: CanonicalBatch): void => {
    db.transaction(() => {
      for (const t of batch.teams ?? []) writer.writeTeam(t, 1);
      for (const u of batch.users ?? []) writer.writeUser(u, 1);
      for (const c of batch.cases ?? []) state.writeServerCase(c, c.version);
      for (const m of batch.messages ?? []) writer.writeMessage(m, 1, false, null);
      for (const n of batch.notes ?? []) writer.writeNote(n, 1, false, null);
      for (const e of batch.events ?? []) writer.writeEvent(e, 1);
    }).immediate();
  };
}
