import { useTranslation } from 'react-i18next';
import { COUNTER_FROM_SHARE } from '../../src-shared/domain/limits';

export type TextLimit = {
  isOver: boolean;
  /** A count near the limit, or the refusal naming the field and the limit once over it; else undefined. */
  helperText: string | undefined;
};

/** A field's length against its limit, said before the agent hits it and in a sentence once past it. */
export function useTextLimit(field: string, length: number, limit: number): TextLimit {
  const { t } = useTranslation('app');
  if (length > limit) return { isOver: true, helperText: t('limit.over', { field, length, limit }) };
  if (length >= limit * COUNTER_FROM_SHARE) return { isOver: false, helperText: t('limit.counter', { length, limit }) };
  return { isOver: false, helperText: undefined };
}
