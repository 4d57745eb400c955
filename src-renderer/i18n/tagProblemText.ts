import type { TFunction } from 'i18next';
import { TEXT_LIMITS } from '../../src-shared/domain/limits';
import type { TagProblem } from '../../src-shared/domain/tag';

/** Why a tag was refused, as a sentence that names the rule (and the limit, when it is the length). */
export function tagProblemText(t: TFunction<'app'>, problem: TagProblem, tag: string): string {
  switch (problem) {
    case 'empty':
      return t('tagProblem.empty');
    case 'too_long':
      return t('tagProblem.tooLong', { length: tag.length, limit: TEXT_LIMITS.tag });
    case 'spaces':
      return t('tagProblem.spaces');
  }
}
