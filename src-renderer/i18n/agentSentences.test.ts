import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROBLEM_CODES } from '../../src-shared/contract/syncProblem';
import { contractErrorText } from './contractErrorText';
import { UI_LANGUAGES } from './languages';

// Sync problems and workstation refusals reach the agent as codes; each is worded in every UI language
// (an Arabic UI showed English sync errors before), and no key or placeholder is left in the text.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', { eager: true, import: 'default' });
const instance = i18next.createInstance();

beforeAll(async () => {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, catalog] of Object.entries(files)) {
    const [, language = '', namespace = ''] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    resources[language] = { ...resources[language], [namespace]: catalog };
  }
  await instance.init({
    resources,
    lng: 'en',
    fallbackLng: false,
    ns: ['app', 'sync'],
    defaultNS: 'app',
    interpolation: { escapeValue: false },
  });
});

// Every code the core, the sign-in path and the contract client answer with (createWorkstation, engineConnection,
// typedClient): an agent reads each of them as a sentence of the UI language.
const WORKSTATION_CODES = [
  'NOT_FOUND',
  'NOTHING_TO_SEND',
  'CASE_CLOSED',
  'DUPLICATE_ID',
  'FORBIDDEN',
  'INVALID_ARGS',
  'INVALID_TRANSITION',
  'OFFLINE',
  'BAD_INPUT',
  'SIGNED_OUT',
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'INTERNAL',
  'UNSENT_CHANGES',
  'STORE_KEY_MISMATCH',
  'TRANSPORT',
  'DISCONNECTED',
  'HOST_STOPPED',
  'NO_HOST',
];

const looksUnworded = (text: string) => /problem\.|contractError\.|\{\{/.test(text);

describe('sentences built from codes', () => {
  it.each([...UI_LANGUAGES])('words every sync problem in %s', (language) => {
    const t = instance.getFixedT(language, 'sync');
    const english = instance.getFixedT('en', 'sync');
    for (const code of SYNC_PROBLEM_CODES) {
      const text = t(`problem.${code}`, { serverCode: 'RESET_REQUIRED' });
      expect(looksUnworded(text), `${language} ${code}: ${text}`).toBe(false);
      if (language !== 'en') expect(text, `${language} ${code}`).not.toBe(english(`problem.${code}`));
    }
  });

  it.each([...UI_LANGUAGES])('words workstation refusals in %s', (language) => {
    const t = instance.getFixedT(language, 'app') as TFunction<'app'>;
    const english = instance.getFixedT('en', 'app') as TFunction<'app'>;
    for (const code of WORKSTATION_CODES) {
      const text = contractErrorText(t, { code });
      expect(looksUnworded(text), `${language} ${code}: ${text}`).toBe(false);
      expect(text, `${code} is worded, not left to the generic sentence`).not.toBe(
        contractErrorText(t, { code: 'SOMETHING_NEW' }).replace('SOMETHING_NEW', code),
      );
      if (language !== 'en') expect(text, `${language} ${code}`).not.toBe(contractErrorText(english, { code }));
    }
    expect(contractErrorText(t, { code: 'SOMETHING_NEW' })).toContain('SOMETHING_NEW');
    expect(contractErrorText(t, { code: 'FORBIDDEN' }, 'signIn')).not.toBe(contractErrorText(t, { code: 'FORBIDDEN' }));
  });
});
