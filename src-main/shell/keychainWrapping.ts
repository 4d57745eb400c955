import { safeStorage } from 'electron';
import { fileKeyWrapping, type KeyWrapping } from '../core/store/storeKey';

/**
 * The store key sealed by the OS keychain through safeStorage (DPAPI on Windows, the Keychain on macOS,
 * libsecret or KWallet on Linux). Where no keychain is available (a Linux session without a secret
 * service, where safeStorage would fall back to a fixed password) the key stays in its 0600 file, as in
 * dev:web. Call after app ready.
 */
export function keychainWrapping(): KeyWrapping {
  const weakLinux = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weakLinux) return fileKeyWrapping;
  return {
    kind: 'os-keychain',
    wrap: (key) => safeStorage.encryptString(key.toString('hex')),
    unwrap: (stored) => Buffer.from(safeStorage.decryptString(stored), 'hex'),
  };
}
