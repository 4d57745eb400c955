import type Database from 'better-sqlite3-multiple-ciphers';
import { CASE_RULES, runCaseRule, type Actor, type RuleContext, type RuleOutcome } from '../../../src-shared/caseRules';
import type { Attachment } from '../../../src-shared/domain/attachment';
import type { Case } from '../../../src-shared/domain/case';
import type { User } from '../../../src-shared/domain/user';
import type { MutationArgs, MutationBase, MutationKey } from '../../../src-shared/sync/mutations';
import { readJson } from './json';

/** When a mutation is decided on the desk: now for a new write; the agent's own time when it is re-applied. */
export interface DeskMoment {
  now: string;
  base: MutationBase;
}

/**
 * The desk's side of the shared case rules (src-shared/caseRules): the same decision the server makes,
 * from what this store holds. The actor is the signed-in user as last synced; team membership comes from
 * the users this store knows; other cases from `caseById`. The offline-reply grace window is a server
 * record the desk does not have: what the desk shows is its own view, the server's answer settles it.
 */
export function createDeskRules(db: Database.Database, caseById: (id: string) => Case | null) {
  const signedIn = db.prepare<[], { user_id: string | null; data: string | null }>(
    'SELECT s.user_id, u.data FROM sync_state s LEFT JOIN users u ON u.id = s.user_id WHERE s.singleton = 1',
  );
  // Prepared on first use: migration tests open the store before migration 009 made the table.
  let heldFile: Database.Statement<[string], { data: string }> | undefined;
  const membersOf = db.prepare<[string], { id: string }>(
    "SELECT id FROM users WHERE EXISTS (SELECT 1 FROM json_each(data, '$.teamIds') WHERE value = ?)",
  );

  /** The signed-in user as last synced; null when nobody is signed in or their row has not arrived yet. */
  function actor(): Actor | null {
    const row = signedIn.get();
    if (!row?.data) return null;
    const user = readJson<User>(row.data);
    return { id: user.id, role: user.role, teamIds: user.teamIds };
  }

  function context(by: Actor, moment: DeskMoment): RuleContext {
    return {
      actor: by,
      now: moment.now,
      clientTime: moment.now,
      base: moment.base,
      teamMembers: (teamId) => membersOf.all(teamId).map((row) => row.id),
      caseById: (id) => caseById(id) ?? undefined,
      holdsEveryCase: false,
      lastReassignment: () => null,
      replyGraceMs: 0,
      // The desk knows the files it attached itself (files/fileStore.ts); the server checks against its index.
      attachmentById: (id) => {
        heldFile ??= db.prepare<[string], { data: string }>('SELECT data FROM pending_files WHERE id = ?');
        const row = heldFile.get(id);
        return row ? readJson<Attachment>(row.data) : undefined;
      },
      // The store answers a re-sent reply or note before deciding (localWrites.alreadyWritten).
      isDuplicate: false,
    };
  }

  /** A new local write: permission first, then the decision, exactly as the server will judge it. */
  function decide<K extends MutationKey>(
    key: K,
    subject: Case,
    args: MutationArgs<K>,
    by: Actor,
    moment: DeskMoment,
  ): RuleOutcome {
    return runCaseRule(key, subject, args, context(by, moment));
  }

  /**
   * A pending mutation re-applied on a newer server copy. Its permission was judged when it was written
   * and the server judges it again; here only its effect is rebuilt, by the signed-in user even when their
   * own row is not held (a bootstrap snapshot replaced the directory).
   */
  function reapply<K extends MutationKey>(
    key: K,
    subject: Case,
    args: MutationArgs<K>,
    moment: DeskMoment,
  ): RuleOutcome | null {
    const row = signedIn.get();
    if (!row?.user_id) return null;
    const by = actor() ?? { id: row.user_id, role: 'agent', teamIds: [] };
    return CASE_RULES[key].decide(subject, args, context(by, moment));
  }

  return { actor, decide, reapply };
}
export type DeskRules = ReturnType<typeof createDeskRules>;
