import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src-shared/demo/index';
import { buildReplyContext } from '../../../src-shared/replies/buildReplyContext';
import { replyBrand } from './replyBrand';

const demo = generateDemoData({ seed: 7, cases: 120, now: '2026-11-25T08:00:00.000Z' });

describe('replyBrand', () => {
  it('signs each case with the brand of the team that owns it', () => {
    const brands = new Set<string>();
    for (const record of demo.cases) {
      const team = demo.teams.find((candidate) => candidate.id === record.teamId);
      const brand = replyBrand(record, demo.teams);
      expect(brand).toBe(team?.brand);
      brands.add(brand ?? '');
      expect(buildReplyContext(record, { agentName: 'Li Na', brand: brand ?? '' }).brand).toBe(brand);
    }
    expect(brands.size).toBeGreaterThan(1);
  });

  it('falls back to the team name for a team without a brand, and to nothing for an unknown team', () => {
    const [first] = demo.teams;
    const record = demo.cases[0];
    if (!first || !record) throw new Error('demo too small');
    const { brand: _dropped, ...withoutBrand } = first;
    expect(replyBrand({ teamId: first.id }, [withoutBrand])).toBe(first.name);
    expect(replyBrand({ teamId: '99999999-9999-4999-8999-999999999999' }, demo.teams)).toBeNull();
  });
});
