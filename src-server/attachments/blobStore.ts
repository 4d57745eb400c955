import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where file bytes live, addressed by the hex SHA-256 of their content: the same file stored twice is kept
 * once, and a write interrupted half-way never leaves a wrong file under a hash. The database holds the
 * index (attachments table). The disk store is the default; an S3-compatible bucket would implement the
 * same three methods (none is built yet: nothing here can reach one to test it).
 */
export interface BlobStore {
  /** Stores the bytes under their hash (computed here, never trusted from the caller); returns the hash. */
  put(bytes: Uint8Array): Promise<string>;
  /** The stored bytes as a stream with their size, or undefined when no such blob is stored. */
  open(sha256: string): Promise<{ size: number; stream: Readable } | undefined>;
  has(sha256: string): Promise<boolean>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Blobs as files `<root>/ab/cd/<hash>`: two levels of 256 folders keep any one folder small. */
export function diskBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const sizeOf = async (path: string): Promise<number | undefined> => {
    try {
      return (await stat(path)).size;
    } catch {
      return undefined;
    }
  };
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const path = pathOf(sha256);
      if ((await sizeOf(path)) === bytes.length) return sha256;
      await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
      // Written whole and flushed under a temporary name, then renamed: readers see the full file or none.
      const temporary = `${path}.${randomUUID()}.part`;
      const file = await open(temporary, 'w', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return sha256;
    },
    async open(sha256) {
      if (!SHA256_HEX.test(sha256)) return undefined;
      const path = pathOf(sha256);
      const size = await sizeOf(path);
      return size === undefined ? undefined : { size, stream: createReadStream(path) };
    },
    async has(sha256) {
      return SHA256_HEX.test(sha256) && (await sizeOf(pathOf(sha256))) !== undefined;
    },
  };
}
