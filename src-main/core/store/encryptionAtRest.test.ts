import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canSee, scopeOf } from '../../../src-shared/caseRules';
import { generateDemoData } from '../../../src-shared/demo';
import { openLocalStore } from './localStore';
import { fileKeyWrapping, loadOrCreateStoreKey, STORE_KEY_FILE, type KeyWrapping } from './storeKey';
import { manualClock, refusal, sequentialIds, TEST_NOW, TEST_STORE_KEY, withTestConnection } from './testStore';

const data = generateDemoData({ seed: 5, cases: 60, now: TEST_NOW });
// A customer's own words: the text a thief must not find in the file.
const secret = data.messages.find((message) => message.body.length > 24)?.body.slice(0, 24) ?? '';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crossdesk-encrypted-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(path: string, key: Buffer | null) {
  return openLocalStore({ path, clock: manualClock(), ids: sequentialIds(), key });
}

function filesHold(path: string, text: string): boolean {
  return [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text)));
}

describe('local store encrypted at rest', () => {
  it('keeps no plain text in the database or its WAL, and reads back with its key', () => {
    expect(secret.length).toBe(24);
    const path = join(dir, 'workstation.db');
    const store = open(path, TEST_STORE_KEY);
    store.importCanonical(data);
    // Before a checkpoint the rows are in the WAL: both files are checked while the store is open.
    expect(filesHold(path, secret)).toBe(false);
    expect(withTestConnection(path, (db) => db.pragma('journal_mode', { simple: true }), TEST_STORE_KEY)).toBe('wal');
    store.close();
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(filesHold(path, secret)).toBe(false);

    const again = open(path, TEST_STORE_KEY);
    expect(again.caseCount()).toBe(data.cases.length);
    // FTS5 with the trigram tokenizer works on the encrypted file.
    expect(again.search(secret.slice(0, 12), 5).length).toBeGreaterThan(0);
    again.close();
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong key, and no key, with a typed error', () => {
    const path = join(dir, 'workstation.db');
    open(path, TEST_STORE_KEY).close();
    expect(refusal(() => open(path, Buffer.alloc(32, 8))).code).toBe('STORE_KEY_MISMATCH');
    expect(refusal(() => open(path, null)).code).toBe('STORE_KEY_MISMATCH');
    // The refusals changed nothing: the right key still opens it.
    const store = open(path, TEST_STORE_KEY);
    expect(store.getSyncState().clientId).toMatch(/^f{8}-/);
    store.close();
  });

  it('encrypts a plain store from before on its first start, keeping every row, the outbox and the client id', () => {
    const path = join(dir, 'workstation.db');
    const plain = open(path, null);
    plain.importCanonical(data);
    const agent = data.users.find((user) => user.username === 'jonas.weber');
    plain.setSyncState({ userId: agent?.id ?? null });
    // A case in the agent's scope: the shared case rules refuse a change outside it.
    const caseId = data.cases.find((c) => agent !== undefined && canSee(agent, scopeOf(c)))?.id ?? '';
    plain.write('case.addTag@1', { caseId, tag: 'migrated' });
    const before = { count: plain.caseCount(), state: plain.getSyncState(), pending: plain.pendingCount() };
    plain.close();
    expect(filesHold(path, secret)).toBe(true);

    const store = open(path, TEST_STORE_KEY);
    expect({ count: store.caseCount(), state: store.getSyncState(), pending: store.pendingCount() }).toEqual(before);
    expect(store.caseDetail(caseId)?.case.tags).toContain('migrated');
    expect(store.search(secret.slice(0, 12), 5).length).toBeGreaterThan(0);
    expect(withTestConnection(path, (db) => db.pragma('journal_mode', { simple: true }), TEST_STORE_KEY)).toBe('wal');
    store.close();
    expect(filesHold(path, secret)).toBe(false);
    expect(refusal(() => open(path, null)).code).toBe('STORE_KEY_MISMATCH');
  });
});

describe('the install key', () => {
  it('is minted once at random, kept in a 0600 file in a 0700 folder, and read back the same', () => {
    const dataDir = join(dir, 'data', 'workstation');
    const key = loadOrCreateStoreKey(dataDir);
    expect(key.length).toBe(32);
    expect(loadOrCreateStoreKey(dataDir).equals(key)).toBe(true);
    expect(loadOrCreateStoreKey(join(dir, 'other')).equals(key)).toBe(false);
    if (process.platform !== 'win32') {
      expect(statSync(join(dataDir, STORE_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    }
  });

  // Stands in for Electron's safeStorage, which only the desktop app's main process has.
  const keychain: KeyWrapping = {
    kind: 'os-keychain',
    wrap: (key) => Buffer.from(key.map((byte) => byte ^ 0x5a)),
    unwrap: (stored) => Buffer.from(stored.map((byte) => byte ^ 0x5a)),
  };

  it('moves a file-kept key into the OS keychain, which then alone can unseal it', () => {
    const key = loadOrCreateStoreKey(dir, fileKeyWrapping);
    expect(loadOrCreateStoreKey(dir, keychain).equals(key)).toBe(true);
    const sealed = readFileSync(join(dir, STORE_KEY_FILE), 'utf8');
    expect(sealed).not.toContain(key.toString('base64'));
    expect(loadOrCreateStoreKey(dir, keychain).equals(key)).toBe(true);
    expect(refusal(() => loadOrCreateStoreKey(dir, fileKeyWrapping)).code).toBe('STORE_KEY_UNREADABLE');
  });

  it('refuses a damaged key file rather than minting a new key over it', () => {
    writeFileSync(join(dir, STORE_KEY_FILE), '{"version":1,"wrapping":"file","key":"c2hvcnQ="}');
    expect(refusal(() => loadOrCreateStoreKey(dir)).code).toBe('STORE_KEY_UNREADABLE');
    writeFileSync(join(dir, STORE_KEY_FILE), 'not json');
    expect(refusal(() => loadOrCreateStoreKey(dir)).code).toBe('STORE_KEY_UNREADABLE');
    expect(readFileSync(join(dir, STORE_KEY_FILE), 'utf8')).toBe('not json');
  });
});
