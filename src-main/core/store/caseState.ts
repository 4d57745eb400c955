import type Database from 'better-sqlite3-multiple-ciphers';
import type { Case } from '../../../src-shared/domain/case';
import {
  isKnownMutation,
  MutationBaseSchema,
  mutationKey,
  parseMutationArgs,
  type MutationKey,
} from '../../../src-shared/sync/mutations';
import { createDeskRules } from './deskRules';
import { readJson } from './json';
import type { RowWriter } from './writes/rowWriter';

export interface OutboxRecord {
  id: number;
  uuid: string;
  name: string;
  v: number;
  case_id: string;
  entity_id: string | null;
  args: string;
  base: string;
  client_time: string;
}

export interface Canonical {
  case: Case;
  serverVersion: number;
}

/**
 * Canonical versus visible case rows. When a local write first touches a case, its canonical row moves
 * to case_shadow; server changes for that case update the shadow; rebase() rebuilds the visible row as
 * shadow + pending outbox mutations in id order, and restores the canonical row once none remain.
 */
export function createCaseState(db: Database.Database, writer: RowWriter) {
  const visibleStmt = db.prepare<[string], { data: string; server_version: number; has_pending: number }>(
    'SELECT data, server_version, has_pending FROM cases WHERE id = ?',
  );
  const shadowStmt = db.prepare<[string], { data: string; server_version: number }>(
    'SELECT data, server_version FROM case_shadow WHERE case_id = ?',
  );
  const putShadow = db.prepare<
    [string, number, string]
  >(`INSERT INTO case_shadow (case_id, server_version, data) VALUES (?, ?, ?)
    ON CONFLICT (case_id) DO UPDATE SET server_version = excluded.server_version, data = excluded.data`);
  const dropShadow = db.prepare<[string]>('DELETE FROM case_shadow WHERE case_id = ?');
  const pendingForCase = db.prepare<[string], OutboxRecord>('SELECT * FROM outbox WHERE case_id = ? ORDER BY id');

  function visible(id: string): Case | null {
    const row = visibleStmt.get(id);
    return row ? readJson<Case>(row.data) : null;
  }

  function canonical(id: string): Canonical | null {
    const shadow = shadowStmt.get(id);
    if (shadow) return { case: readJson<Case>(shadow.data), serverVersion: shadow.server_version };
    const row = visibleStmt.get(id);
    return row ? { case: readJson<Case>(row.data), serverVersion: row.server_version } : null;
  }

  const rules = createDeskRules(db, visible);

  /** One pending mutation re-applied at the time the agent made it; null when it no longer applies. */
  function reapply(c: Case, m: OutboxRecord): Case | null {
    const key = mutationKey(m.name, m.v);
    return isKnownMutation(key) ? reapplyKnown(c, key, m) : null;
  }

  function reapplyKnown<K extends MutationKey>(c: Case, key: K, m: OutboxRecord): Case | null {
    const args = parseMutationArgs(key, readJson<unknown>(m.args));
    const base = MutationBaseSchema.safeParse(readJson<unknown>(m.base));
    if (!args.success || !base.success) return null;
    const outcome = rules.reapply(key, c, args.data, { now: m.client_time, base: base.data });
    if (outcome === null || outcome.status === 'refused') return null;
    return outcome.cases.find((changed) => changed.id === c.id) ?? c;
  }

  return {
    visible,
    canonical,
    rules,
    pendingFor: (caseId: string) => pendingForCase.all(caseId),
    /** A server copy of a case: lands in the shadow when local changes sit on top of it. */
    writeServerCase(c: Case, version: number): void {
      if (shadowStmt.get(c.id)) putShadow.run(c.id, version, JSON.stringify(c));
      else writer.writeCase(c, version, false);
    },
    /** Keeps the canonical copy aside before the first optimistic change to a case. */
    ensureShadow(id: string): Canonical | null {
      const current = canonical(id);
      if (current && !shadowStmt.get(id)) putShadow.run(id, current.serverVersion, JSON.stringify(current.case));
      return current;
    },
    /**
     * Rebuilds the visible row from the canonical one plus pending mutations. A mutation that no longer
     * applies (the server moved on) is skipped here and left for the server to answer.
     */
    rebase(caseId: string): void {
      const pendingNow = pendingForCase.all(caseId);
      // Nothing local on this case: the visible row already is the canonical one.
      if (pendingNow.length === 0 && !shadowStmt.get(caseId)) return;
      const base = canonical(caseId);
      if (!base) {
        dropShadow.run(caseId);
        return;
      }
      const pending = pendingNow;
      if (pending.length === 0) {
        writer.writeCase(base.case, base.serverVersion, false);
        dropShadow.run(caseId);
        return;
      }
      if (!shadowStmt.get(caseId)) putShadow.run(caseId, base.serverVersion, JSON.stringify(base.case));
      let next = base.case;
      for (const m of pending) {
        // Each mutation re-applies at the time the agent made it, so rebasing does not move updatedAt. One
        // that no longer applies is skipped: the server will reject it, and markResults makes an attention item.
        next = reapply(next, m) ?? next;
      }
      writer.writeCase(next, base.serverVersion, true);
    },
  };
}
export type CaseState = ReturnType<typeof createCaseState>;
