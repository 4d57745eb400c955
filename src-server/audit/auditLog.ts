import type { Queryable } from '../db/db';
import { chainHash, firstBreak, GENESIS_HASH, type AuditEntry, type ChainBreak } from './auditChain';

/** An entry before the chain numbers it. */
export type NewAuditEntry = Omit<AuditEntry, 'seq'> & { teamId: string | null };

type StoredRow = { seq: string | number; entry: unknown; prev_hash: string; hash: string };

/**
 * Appends entries to the chain inside the caller's transaction. The caller holds the change-log lock
 * (UnitOfWork.lockChangeLog), so no other transaction appends between reading the last hash and writing:
 * the chain stays one line across API processes.
 */
export async function appendAudit(tx: Queryable, entries: readonly NewAuditEntry[], atMs: number): Promise<void> {
  if (entries.length === 0) return;
  const [last] = await tx.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  let seq = Number(last?.seq ?? 0);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map(({ teamId, ...rest }) => {
    seq += 1;
    const entry: AuditEntry = { seq, ...rest };
    const hash = chainHash(prevHash, entry);
    const row = {
      seq,
      at_ms: atMs,
      actor_id: entry.actor.id,
      action: entry.action,
      case_id: entry.entity.id,
      team_id: teamId,
      entry,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await tx.query(
    `INSERT INTO audit_log (seq, at_ms, actor_id, action, case_id, team_id, entry, prev_hash, hash)
     SELECT seq, at_ms, actor_id, action, case_id, team_id, entry, prev_hash, hash
     FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, at_ms bigint, actor_id text, action text, case_id text,
       team_id text, entry jsonb, prev_hash text, hash text)`,
    [JSON.stringify(rows)],
  );
}

const VERIFY_PAGE = 1000;

/** Checks the whole chain a page at a time; the first broken link, or null and how many entries held. */
export async function verifyAuditChain(db: Queryable): Promise<{ entries: number; broken: ChainBreak | null }> {
  let previous = { seq: 0, hash: GENESIS_HASH };
  let entries = 0;
  for (;;) {
    const page = await db.query<StoredRow>(
      'SELECT seq, entry, prev_hash, hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2',
      [previous.seq, VERIFY_PAGE],
    );
    const rows = page.map((row) => ({
      seq: Number(row.seq),
      entry: row.entry,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
    const broken = firstBreak(rows, previous);
    if (broken) return { entries, broken };
    entries += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < VERIFY_PAGE) return { entries, broken: null };
    previous = { seq: last.seq, hash: last.hash };
  }
}
