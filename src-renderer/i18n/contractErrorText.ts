import type { TFunction } from 'i18next';
import type { ContractError } from '../../src-shared/contract/workstation';

/** Each refusal or failure code the workstation answers with, and the sentence (app:contractError.*) that words it. */
const SENTENCE_OF_CODE = {
  NOT_FOUND: 'NOT_FOUND',
  NOTHING_TO_SEND: 'NOTHING_TO_SEND',
  CASE_CLOSED: 'CASE_CLOSED',
  DUPLICATE_ID: 'DUPLICATE_ID',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_ARGS: 'INVALID_ARGS',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  OFFLINE: 'OFFLINE',
  BAD_INPUT: 'BAD_INPUT',
  SIGNED_OUT: 'SIGNED_OUT',
  UNAUTHORIZED: 'UNAUTHORIZED',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
  UNSENT_CHANGES: 'UNSENT_CHANGES',
  STORE_KEY_MISMATCH: 'STORE_KEY_MISMATCH',
  // The renderer lost its host (bridge closed, worker gone): for the agent it is one situation.
  TRANSPORT: 'HOST_UNAVAILABLE',
  DISCONNECTED: 'HOST_UNAVAILABLE',
  HOST_STOPPED: 'HOST_UNAVAILABLE',
  NO_HOST: 'HOST_UNAVAILABLE',
} as const;
type KnownCode = keyof typeof SENTENCE_OF_CODE;

/** Codes whose meaning depends on what was asked: a sign-in refused as FORBIDDEN is another user's unsent work. */
export type ErrorSituation = 'action' | 'signIn';

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(SENTENCE_OF_CODE, code);
}

/**
 * A contract error as a sentence in the agent's language, built from its code (the core's message is English
 * and only for logs); a code this app has no words for says so with the code itself.
 */
export function contractErrorText(
  t: TFunction<'app'>,
  error: Pick<ContractError, 'code'>,
  situation: ErrorSituation = 'action',
): string {
  if (situation === 'signIn' && error.code === 'FORBIDDEN') return t('contractError.OTHER_USERS_WORK');
  return isKnownCode(error.code)
    ? t(`contractError.${SENTENCE_OF_CODE[error.code]}`)
    : t('contractError.other', { code: error.code });
}
