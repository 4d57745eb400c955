import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('scrypt passwords', () => {
  const cheap = { n: 2 ** 10, r: 8, p: 1 };

  it('verifies the right password and refuses others and malformed hashes', async () => {
    const stored = await hashPassword('Grüße, 世界', cheap);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('Grüße, 世界', stored)).toBe(true);
    expect(await verifyPassword('Grüsse, 世界', stored)).toBe(false);
    expect(await verifyPassword('Grüße, 世界', 'plain')).toBe(false);
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
  });
});
