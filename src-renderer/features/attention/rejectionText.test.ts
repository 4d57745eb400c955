import type { i18n as I18n, TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { REJECTION_REASONS } from '../../../src-shared/sync/mutations';
import { UI_LANGUAGES } from '../../i18n/languages';
import { i18nInEveryLanguage } from '../../i18n/testing/everyLanguage';
import { rejectionDetail } from './rejectionText';

let instance: I18n;
const attention = (language: string): TFunction<['attention', 'domain']> =>
  instance.getFixedT(language, ['attention', 'domain']);

beforeAll(async () => {
  instance = await i18nInEveryLanguage();
});

describe('rejection reasons in the agent language', () => {
  it('words every reason the server sends in every UI language, with no key or placeholder left', () => {
    for (const language of UI_LANGUAGES) {
      for (const key of REJECTION_REASONS) {
        const text = rejectionDetail(attention(language), {
          key,
          params: { status: 'solved', from: 'closed', to: 'open', name: 'case.teleport@7', limit: 5 },
        });
        expect(text, `${language} ${key}`).not.toBeNull();
        expect(text, `${language} ${key}`).not.toMatch(/\{\{|^detail\./);
      }
    }
  });

  it('translates the statuses it names (the English detail "the case is solved" is gone)', () => {
    expect(rejectionDetail(attention('en'), { key: 'case_done', params: { status: 'solved' } })).toBe(
      'The case is now “Solved”.',
    );
    expect(rejectionDetail(attention('zh-CN'), { key: 'case_done', params: { status: 'solved' } })).toBe(
      '工单当前状态为“已解决”。',
    );
    expect(rejectionDetail(attention('de'), { key: 'status_transition', params: { from: 'closed', to: 'open' } })).toBe(
      'Ein Fall kann nicht von „Geschlossen“ zu „Offen“ wechseln.',
    );
    const arabic = rejectionDetail(attention('ar'), { key: 'case_done', params: { status: 'solved' } }) ?? '';
    expect(arabic).not.toMatch(/solved|[A-Za-z]/);
  });

  it('leaves a reason this app does not know, or none, to the code text', () => {
    expect(rejectionDetail(attention('en'), { key: 'some_future_reason', params: {} })).toBeNull();
    expect(rejectionDetail(attention('en'), undefined)).toBeNull();
    expect(rejectionDetail(attention('en'), null)).toBeNull();
  });
});
