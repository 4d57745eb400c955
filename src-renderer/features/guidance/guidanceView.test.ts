import { describe, expect, it } from 'vitest';
import { CULTURE_TOPICS } from '../../../src-shared/markets/index';
import { guidanceFor } from './guidanceView';
import { pickLocalized } from './localizedText';

describe('pickLocalized', () => {
  const text = { en: 'Use the polite form.', 'zh-CN': '使用敬称。' };
  it('uses the UI language when the pack has it', () => {
    expect(pickLocalized(text, 'zh-CN')).toEqual({ text: '使用敬称。', locale: 'zh-CN', isFallback: false });
  });
  it('falls back to English and says so', () => {
    expect(pickLocalized(text, 'ar')).toEqual({ text: 'Use the polite form.', locale: 'en', isFallback: true });
    expect(pickLocalized({ ...text, de: 'Sie verwenden.' }, 'de')).toMatchObject({ locale: 'de', isFallback: false });
  });
});

describe('guidanceFor', () => {
  it('gives every culture topic of the Chinese pack in Chinese for a Chinese UI', () => {
    const guidance = guidanceFor('CN', 'zh-CN');
    if (!guidance.hasPack) throw new Error('CN pack missing');
    expect(guidance.register).toBe('formal');
    expect(guidance.topics.map((topic) => topic.topic)).toEqual([...CULTURE_TOPICS]);
    expect(guidance.topics.find((topic) => topic.topic === 'formality')?.text).toContain('您');
    expect(guidance.topics.every((topic) => !topic.isFallback)).toBe(true);
  });
});
