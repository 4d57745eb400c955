import type { Case } from '../domain/case';
import type { MutationArgs, MutationKey } from '../sync/mutations';
import { addNoteRule, addNoteWithFilesRule } from './addNote';
import { assignRule, takeRule } from './assignment';
import { mergeRule } from './merge';
import { reassignRule } from './reassign';
import { recordStepRule } from './recordStep';
import { replyRule, replyWithFilesRule } from './reply';
import { setFieldRule } from './setField';
import { setStatusRule } from './setStatus';
import { addTagRule, removeTagRule } from './tags';
import { refused, type CaseRule, type RuleContext, type RuleOutcome } from './ruleTypes';

export * from './ruleTypes';
export { canSee, scopeOf, type Scope } from './caseAccess';

/**
 * Every case mutation's rule, by name@v: the one place that says what a mutation does and who may ask
 * for it. The server's push (src-server/sync/mutators.ts) and the desk's optimistic writes
 * (src-main/core/store/localWrites.ts, caseState.ts) both decide through runCaseRule. A new mutation is
 * its args schema in src-shared/sync/mutations.ts plus a rule file here, listed below.
 */
export const CASE_RULES: { readonly [K in MutationKey]: CaseRule<K> } = {
  'case.reply@1': replyRule,
  'case.reply@2': replyWithFilesRule,
  'case.addNote@1': addNoteRule,
  'case.addNote@2': addNoteWithFilesRule,
  'case.setStatus@1': setStatusRule,
  'case.addTag@1': addTagRule,
  'case.removeTag@1': removeTagRule,
  'case.take@1': takeRule,
  'case.assign@1': assignRule,
  'case.assign@2': reassignRule,
  'case.merge@1': mergeRule,
  'case.setField@1': setFieldRule,
  'case.recordStep@1': recordStepRule,
};

/** Permission first, then the decision: a refused asker learns nothing about the case, not even a duplicate. */
export function runCaseRule<K extends MutationKey>(
  key: K,
  subject: Case,
  args: MutationArgs<K>,
  ctx: RuleContext,
): RuleOutcome {
  const rule: CaseRule<K> = CASE_RULES[key];
  const denied = rule.permit(subject, args, ctx);
  return denied ? refused(denied) : rule.decide(subject, args, ctx);
}

export function readsTeamMembers(key: MutationKey): boolean {
  return CASE_RULES[key].readsTeamMembers === true;
}

/** The files a mutation attaches (none for most), for the server to load before the rule runs. */
export function attachmentIdsOf<K extends MutationKey>(key: K, args: MutationArgs<K>): readonly string[] {
  const rule: CaseRule<K> = CASE_RULES[key];
  return rule.attachmentIdsOf?.(args) ?? [];
}

/** The id of the message or note a mutation creates, for deduplication before the rule runs. */
export function createdChildOf<K extends MutationKey>(
  key: K,
  args: MutationArgs<K>,
): { entity: 'message' | 'note'; id: string } | null {
  const rule: CaseRule<K> = CASE_RULES[key];
  return rule.createsChild ? { entity: rule.createsChild.entity, id: rule.createsChild.idOf(args) } : null;
}
