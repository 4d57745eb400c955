import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, languageName, regionName } from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('formatDuration', () => {
  it('shows the two largest units in the locale words', () => {
    expect(formatDuration('en', 2 * HOUR + 5 * MINUTE)).toBe('2 hr 5 min');
    expect(formatDuration('en', 26 * HOUR + 59 * MINUTE)).toBe('1 day 2 hr');
    expect(formatDuration('en', 42 * MINUTE + 59_000)).toBe('42 min');
    expect(formatDuration('en', 0)).toBe('0 min');
  });

  it('leaves out a second unit that is zero', () => {
    expect(formatDuration('en', 24 * HOUR)).toBe('1 day');
    expect(formatDuration('en', 3 * HOUR)).toBe('3 hr');
    expect(formatDuration('de', 24 * HOUR + 30 * MINUTE)).toBe('1 Tg.');
  });

  it('uses the locale unit words', () => {
    expect(formatDuration('zh-CN', 2 * HOUR + 5 * MINUTE)).toMatch(/2.*小时.*5.*分钟/);
    expect(formatDuration('ar', 3 * HOUR + 4 * MINUTE)).toMatch(/س.*د/);
    expect(formatDuration('ja', 3 * HOUR + 4 * MINUTE)).toMatch(/3.*時間.*4.*分/);
  });

  it('never shows negative time', () => {
    expect(formatDuration('en', -5 * MINUTE)).toBe('0 min');
  });
});

describe('Intl names', () => {
  it('names languages and regions in the UI language', () => {
    expect(languageName('en', 'en-GB')).toBe('English (United Kingdom)');
    expect(languageName('zh-CN', 'ja')).toBe('日语');
    expect(regionName('en', 'JP')).toBe('Japan');
    expect(regionName('ar', 'SA')).toBe('المملكة العربية السعودية');
  });

  it('groups digits the locale way', () => {
    expect(formatNumber('en', 12345)).toBe('12,345');
    expect(formatNumber('de', 12345)).toBe('12.345');
  });
});
