import type { Queryable } from '../db/db';
import { verifyAuditChain } from './auditLog';

const PROBLEMS = {
  entry_changed: 'its entry no longer matches its hash (the row was edited)',
  link_broken: 'it does not point at the entry before it (a row was replaced or re-chained)',
  seq_gap: 'the entry before it is missing (a row was deleted)',
  unreadable: 'its entry is not an audit entry',
} as const;

/**
 * `npm run audit -- verify`: walks the hash chain and names the first broken link. Answers the exit code
 * (0 intact, 1 broken, 2 usage) and writes what it found to `out`.
 */
export async function runAuditCommand(
  db: Queryable,
  args: readonly string[],
  out: (line: string) => void,
): Promise<number> {
  if (args[0] !== 'verify') {
    out('usage: npm run audit -- verify');
    return 2;
  }
  const { entries, broken } = await verifyAuditChain(db);
  if (broken === null) {
    out(`audit log intact: ${entries} entries, every link verified`);
    return 0;
  }
  out(`audit log BROKEN at seq ${broken.seq}: ${PROBLEMS[broken.problem]}; ${entries} entries before it verified`);
  return 1;
}
