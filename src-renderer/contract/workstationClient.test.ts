import { describe, expect, it } from 'vitest';
import { takeBridgeToken, type HostWindow } from './workstationClient';

function fakeWindow(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [['crossdesk.bridgeToken', stored]]);
  const replaced: string[] = [];
  const win: HostWindow = {
    location: { origin: 'http://127.0.0.1:4000', hash, pathname: '/', search: '?lng=ar' },
    history: {
      replaceState: (_data, _unused, url) => {
        replaced.push(String(url));
      },
    },
    sessionStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => {
        storage.set(key, value);
      },
    },
  };
  return { win, storage, replaced };
}

describe('takeBridgeToken', () => {
  it('takes the token from the fragment, keeps it for the tab and clears the address bar', () => {
    const { win, storage, replaced } = fakeWindow('#token=abc123');
    expect(takeBridgeToken(win)).toBe('abc123');
    expect(storage.get('crossdesk.bridgeToken')).toBe('abc123');
    expect(replaced).toEqual(['/?lng=ar']);
  });

  it('falls back to the kept token after a reload', () => {
    expect(takeBridgeToken(fakeWindow('', 'kept').win)).toBe('kept');
  });

  it('has no token when none was ever given', () => {
    expect(takeBridgeToken(fakeWindow('').win)).toBeNull();
    expect(takeBridgeToken(fakeWindow('#token=').win)).toBeNull();
  });
});
