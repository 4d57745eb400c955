import { createHash } from 'node:crypto';
import { z } from 'zod';
import { RoleSchema } from '../../src-shared/domain/user';

/** One audit entry as SUPERVISION.md lists it; seq and the hashes are the chain's, not part of what is hashed twice. */
export const AuditEntrySchema = z.object({
  seq: z.int().min(1),
  atServer: z.string(),
  /** The desk's clock when the action was made: shown, never trusted for order. */
  atClient: z.string().nullable(),
  actor: z.object({ id: z.string(), role: RoleSchema }),
  device: z.object({ clientId: z.string(), appVersion: z.string() }).nullable(),
  /** The mutation as name@v (case.assign@2), or another server action. */
  action: z.string(),
  entity: z.object({ type: z.literal('case'), id: z.string() }),
  /** The case before and after (null: it did not change, or did not exist). */
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  mutation: z
    .object({
      id: z.int(),
      uuid: z.string(),
      result: z.enum(['applied', 'rejected']),
      /** The refusal's code, for a rejected one. */
      code: z.string().nullable(),
      /** It waited in the desk's outbox long enough to have been made offline. */
      offline: z.boolean(),
      queuedForMs: z.int().min(0),
    })
    .nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same entry always hashes the same, whoever stored it. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(Reflect.get(value, key))}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** hash = SHA-256(prevHash, the entry): an entry changed, dropped or slipped in breaks every hash after it. */
export function chainHash(prevHash: string, entry: unknown): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

export interface ChainedRow {
  seq: number;
  entry: unknown;
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; problem: 'entry_changed' | 'link_broken' | 'seq_gap' | 'unreadable' };

/**
 * Walks stored rows in seq order from `previous` (the last good row before them, or the genesis) and names
 * the first row that does not follow: its entry no longer hashes to its hash, it does not point at the row
 * before, or a seq is missing.
 */
export function firstBreak(
  rows: readonly ChainedRow[],
  previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let last = previous;
  for (const row of rows) {
    if (row.seq !== last.seq + 1) return { seq: row.seq, problem: 'seq_gap' };
    if (row.prevHash !== last.hash) return { seq: row.seq, problem: 'link_broken' };
    // The stored entry itself is hashed, not a parsed copy: a key slipped in would otherwise go unseen.
    if (chainHash(row.prevHash, row.entry) !== row.hash) return { seq: row.seq, problem: 'entry_changed' };
    const parsed = AuditEntrySchema.safeParse(row.entry);
    if (!parsed.success || parsed.data.seq !== row.seq) return { seq: row.seq, problem: 'unreadable' };
    last = { seq: row.seq, hash: row.hash };
  }
  return null;
}
