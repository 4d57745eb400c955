import { describe, expect, it } from 'vitest';
import { TagSchema } from '../sync/mutations';
import { normalizeTag, tagProblem } from './tag';

describe('tags', () => {
  it('spells one tag one way: case, leading "#" and surrounding spaces do not make a new tag', () => {
    expect(normalizeTag('  #VIP ')).toBe('vip');
    expect(normalizeTag('##Late-Delivery')).toBe('late-delivery');
    expect(normalizeTag('退货')).toBe('退货');
  });

  it('names the rule a tag breaks, in agreement with the wire schema', () => {
    for (const [raw, problem] of [
      ['', 'empty'],
      ['#', 'empty'],
      ['a'.repeat(300), 'too_long'],
      ['two words', 'spaces'],
      ['a,b', 'spaces'],
      ['ok-tag', null],
    ] as const) {
      const tag = normalizeTag(raw);
      expect(tagProblem(tag)).toBe(problem);
      expect(TagSchema.safeParse(tag).success).toBe(problem === null);
    }
  });
});
