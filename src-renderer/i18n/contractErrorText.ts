import type { TFunction } from 'i18next';
import type { ContractError } from '../../src-shared/contract/workstation';

/** Refusals of the workstation that an agent meets while writing or settling work, worded in the UI language. */
const KNOWN_CODES = [
  'NOT_FOUND',
  'NOTHING_TO_SEND',
  'CASE_CLOSED',
  'DUPLICATE_ID',
  'FORBIDDEN',
  'INVALID_ARGS',
  'INVALID_TRANSITION',
  'OFFLINE',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/**
 * A contract error as a sentence in the agent's language, built from its code (the core's message is English
 * and only for logs); a code this app has no words for says so with the code itself.
 */
export function contractErrorText(t: TFunction<'app'>, error: Pick<ContractError, 'code'>): string {
  return isKnownCode(error.code) ? t(`contractError.${error.code}`) : t('contractError.other', { code: error.code });
}
