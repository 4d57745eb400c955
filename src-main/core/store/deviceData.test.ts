import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceData } from './deviceData';
import { sequentialIds, tempStore, type TempStore } from './testStore';

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
    t.store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(filesHold(t.path, secret)).toBe(true);
    const clientId = t.store.getSyncState().clientId;

    const device = createDeviceData(t.store.db, sequentialIds('w'));
    device.wipe();

    expect(filesHold(t.path, secret)).toBe(false);
    expect(t.store.caseCount()).toBe(0);
    expect(t.store.users()).toEqual([]);
    expect(t.store.pendingCount()).toBe(0);
    expect(t.store.getSyncState()).toMatchObject({ userId: null, cursor: null });
    expect(t.store.getSyncState().clientId).not.toBe(clientId);
    expect(t.store.settings()).toEqual({
      uiLocale: 'en',
      agentLanguages: ['en'],
      serverUrl: 'https://crossdesk.example',
    });
    expect(device.isLocked()).toBe(true);
  });

  it('keeps the lock across reopening until it is lifted', () => {
    t = tempStore(5);
    createDeviceData(t.store.db, sequentialIds('w')).lock();
    const reopened = createDeviceData(t.reopen().db, sequentialIds('w'));
    expect(reopened.isLocked()).toBe(true);
    reopened.unlock();
    expect(createDeviceData(t.reopen().db, sequentialIds('w')).isLocked()).toBe(false);
  });
});
