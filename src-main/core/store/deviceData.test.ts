import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from './testStore';

let t: TempStore;
afterEach(() => t.dispose());

function filesHold(path: string, text: string): boolean {
  return [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text)));
}

describe('device data', () => {
  it('wipes every row and leaves none of their bytes in the file or the WAL, keeping only the server address', () => {
    // A plain file, so the check on the bytes means something (an encrypted one never shows plain text).
    t = tempStore(40, { key: null });
    const secret = t.data.messages.find((message) => message.body.length > 24)?.body.slice(0, 24) ?? '';
    expect(secret.length).toBe(24);
    t.store.updateSettings({ serverUrl: 'https://crossdesk.example', uiLocale: 'de' });
    const clientId = t.store.getSyncState().clientId;
    t.reopen();
    expect(filesHold(t.path, secret)).toBe(true);

    t.store.wipeDevice();
    expect(filesHold(t.path, secret)).toBe(false);
    const store = t.reopen();
    expect(filesHold(t.path, secret)).toBe(false);
    expect(store.caseCount()).toBe(0);
    expect(store.users()).toEqual([]);
    expect(store.pendingCount()).toBe(0);
    expect(store.getSyncState()).toMatchObject({ userId: null, cursor: null });
    expect(store.getSyncState().clientId).not.toBe(clientId);
    expect(store.settings()).toEqual({
      uiLocale: 'en',
      agentLanguages: ['en'],
      serverUrl: 'https://crossdesk.example',
    });
    expect(store.isDeviceLocked()).toBe(true);
  });

  it('keeps the lock across reopening until it is lifted', () => {
    t = tempStore(5);
    t.store.lockDevice();
    expect(t.reopen().isDeviceLocked()).toBe(true);
    t.store.unlockDevice();
    expect(t.reopen().isDeviceLocked()).toBe(false);
  });
});
