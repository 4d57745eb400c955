import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { StoreError } from './ports';

/** 256 random bits, given to SQLCipher as a raw key (no passphrase, so no key derivation on every open). */
export const STORE_KEY_BYTES = 32;
export const STORE_KEY_FILE = 'store.key';

/**
 * How the store's key is kept at rest. In the Electron app the OS keychain wraps it (safeStorage: DPAPI,
 * Keychain, libsecret/kwallet); in `dev:web` and plain Node there is no keychain, so the key sits in a
 * file only the user can read (mode 0600): weaker, as anyone who can read the user's files can read the
 * key beside the database.
 */
export interface KeyWrapping {
  readonly kind: 'os-keychain' | 'file';
  wrap(key: Buffer): Buffer;
  unwrap(stored: Buffer): Buffer;
}

export const fileKeyWrapping: KeyWrapping = {
  kind: 'file',
  wrap: (key) => Buffer.from(key),
  unwrap: (stored) => Buffer.from(stored),
};

const KeyFileSchema = z.object({
  version: z.literal(1),
  wrapping: z.enum(['os-keychain', 'file']),
  /** The wrapped key, base64. */
  key: z.base64(),
});

/** Creates a folder (and its parents) that only the user can enter: 0700, also when it already existed. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

function writeKeyFile(path: string, wrapping: KeyWrapping, key: Buffer): void {
  const body = JSON.stringify({ version: 1, wrapping: wrapping.kind, key: wrapping.wrap(key).toString('base64') });
  // Written beside and renamed, so a crash never leaves half a key file (and with it an unreadable store).
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, body, { mode: 0o600 });
  renameSync(temp, path);
}

function unreadable(path: string, why: string): StoreError {
  return new StoreError('STORE_KEY_UNREADABLE', `The local store's key in ${path} cannot be used: ${why}`, { path });
}

/**
 * The key of the store in dataDir: read from dataDir/store.key, or minted at random (once per install)
 * when there is none yet. A file-kept key found where the OS keychain is available is moved into it.
 */
export function loadOrCreateStoreKey(
  dataDir: string,
  wrapping: KeyWrapping = fileKeyWrapping,
  random: (bytes: number) => Buffer = randomBytes,
): Buffer {
  const path = join(dataDir, STORE_KEY_FILE);
  ensurePrivateDir(dirname(path));
  if (!existsSync(path)) {
    const key = random(STORE_KEY_BYTES);
    writeKeyFile(path, wrapping, key);
    return key;
  }
  let parsed: z.infer<typeof KeyFileSchema>;
  try {
    parsed = KeyFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    throw unreadable(path, 'the file is damaged');
  }
  if (parsed.wrapping === 'os-keychain' && wrapping.kind !== 'os-keychain') {
    throw unreadable(path, 'it is sealed by the operating system keychain, which only the desktop app can open');
  }
  let key: Buffer;
  try {
    const stored = Buffer.from(parsed.key, 'base64');
    key = parsed.wrapping === 'file' ? fileKeyWrapping.unwrap(stored) : wrapping.unwrap(stored);
  } catch {
    throw unreadable(path, 'the operating system keychain refused to unseal it');
  }
  if (key.length !== STORE_KEY_BYTES) throw unreadable(path, 'it has the wrong length');
  if (parsed.wrapping !== wrapping.kind) writeKeyFile(path, wrapping, key);
  return key;
}
