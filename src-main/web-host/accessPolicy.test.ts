import { describe, expect, it } from 'vitest';
import { createAccessToken, decideUpgrade, isTokenValid } from './accessPolicy';

const port = 41_234;
const token = 'secret-token-value';
const good = { url: `/bridge?token=${token}`, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` };

describe('access policy', () => {
  it('mints distinct unguessable tokens', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => createAccessToken()));
    expect(tokens.size).toBe(50);
    for (const minted of tokens) expect(minted).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('checks tokens exactly', () => {
    expect(isTokenValid(token, token)).toBe(true);
    expect(isTokenValid(null, token)).toBe(false);
    expect(isTokenValid('', token)).toBe(false);
    expect(isTokenValid(`${token}x`, token)).toBe(false);
    expect(isTokenValid(token.toUpperCase(), token)).toBe(false);
  });

  it('lets the page with the token upgrade', () => {
    expect(decideUpgrade(good, port, token, '/bridge')).toEqual({ allowed: true });
  });

  it('refuses a missing or wrong token, a foreign origin or host, and other paths', () => {
    const cases: [Partial<typeof good>, number][] = [
      [{ url: '/bridge' }, 401],
      [{ url: '/bridge?token=nope' }, 401],
      [{ origin: undefined }, 403],
      [{ origin: 'https://evil.example' }, 403],
      [{ origin: `http://localhost:${port}` }, 403],
      [{ host: `evil.example:${port}` }, 403],
      [{ host: `127.0.0.1:${port + 1}` }, 403],
      [{ url: `/other?token=${token}` }, 404],
      [{ url: '//[' }, 400],
    ];
    for (const [change, status] of cases) {
      expect(decideUpgrade({ ...good, ...change }, port, token, '/bridge')).toMatchObject({ allowed: false, status });
    }
  });
});
