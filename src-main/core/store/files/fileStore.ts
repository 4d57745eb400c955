import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { sniffMediaType } from '../../../../src-shared/attachments/sniffMediaType';
import {
  ATTACHMENT_LIMITS,
  AttachmentFileNameSchema,
  attachmentKindOf,
  AttachmentSchema,
  type Attachment,
  type AttachmentMediaType,
  type AttachmentVariant,
} from '../../../../src-shared/domain/attachment';
import { readJson } from '../json';
import { StoreError, type Clock, type IdGenerator } from '../ports';

/** A file the agent attached on this desk, with its bytes while the central API does not have them yet. */
export interface PendingUpload {
  attachment: Attachment;
  bytes: Buffer;
}

export interface CachedFile {
  mediaType: string;
  bytes: Buffer;
}

/** Files on the desk: the agent's own until uploaded, and a size-bounded cache of downloaded copies. */
export interface FileStore {
  /**
   * Keeps a file the agent attached to a case until it is uploaded, checked as the API will check it (size,
   * name, type sniffed from the bytes): StoreError FILE_REFUSED with the reason's code in details otherwise.
   */
  attachFile(input: { caseId: string; fileName: string; bytes: Buffer }): Attachment;
  /** A file this desk attached, uploaded or not: what a reply or note with files names. */
  heldAttachment(id: string): Attachment | undefined;
  /** Files still to upload, oldest first. */
  filesToUpload(limit: number): PendingUpload[];
  /** The API has the file: its bytes move into the cache (its original), where they may be evicted. */
  markFileUploaded(id: string): void;
  /** The API refused the file for good (type, size): it is never sent again; a reply naming it is refused there. */
  markFileRefused(id: string, code: string): void;
  /** A cached copy, counted as used now; a file still waiting to upload answers as its original. */
  cachedFile(id: string, variant: AttachmentVariant): CachedFile | undefined;
  /** Which copies are held, without counting as a use (for "available offline" marks). */
  heldVariants(ids: readonly string[]): Map<string, AttachmentVariant[]>;
  /** Keeps a downloaded copy, then evicts the least recently used until the cache fits its limit. */
  cacheFile(id: string, variant: AttachmentVariant, file: CachedFile): void;
  fileCacheUsage(): { bytes: number; files: number; limitBytes: number };
}

/** 256 MiB of downloaded files by default; pending uploads never count and are never evicted. */
export const DEFAULT_FILE_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * A statement prepared on first use: the store opens on databases migrated only part-way (migration tests),
 * where the tables of migration 009 do not exist yet.
 */
function prepared<T>(prepare: () => T): () => T {
  let statement: T | undefined;
  return () => (statement ??= prepare());
}

export interface FileStoreOptions {
  clock: Clock;
  ids: IdGenerator;
  limitBytes?: number;
}

export function createFileStore(db: Database.Database, options: FileStoreOptions): FileStore {
  const limitBytes = options.limitBytes ?? DEFAULT_FILE_CACHE_BYTES;
  const nextSeq = prepared(() =>
    db.prepare<[], { seq: number }>(
      'SELECT MAX(COALESCE((SELECT MAX(used_seq) FROM file_cache), 0), COALESCE((SELECT MAX(added_seq) FROM pending_files), 0)) + 1 AS seq',
    ),
  );
  const insertPending = prepared(() =>
    db.prepare<[string, string, string, Buffer, number]>(
      "INSERT INTO pending_files (id, case_id, data, bytes, state, added_seq) VALUES (?, ?, ?, ?, 'pending', ?)",
    ),
  );
  const pendingData = prepared(() =>
    db.prepare<[string], { data: string }>('SELECT data FROM pending_files WHERE id = ?'),
  );
  const toUpload = prepared(() =>
    db.prepare<[number], { data: string; bytes: Buffer }>(
      "SELECT data, bytes FROM pending_files WHERE state = 'pending' ORDER BY added_seq LIMIT ?",
    ),
  );
  const pendingBytes = prepared(() =>
    db.prepare<[string], { data: string; bytes: Buffer | null }>('SELECT data, bytes FROM pending_files WHERE id = ?'),
  );
  const setUploaded = prepared(() =>
    db.prepare<[string]>("UPDATE pending_files SET state = 'uploaded', bytes = NULL WHERE id = ?"),
  );
  const setRefused = prepared(() =>
    db.prepare<[string, string]>(
      "UPDATE pending_files SET state = 'refused', refusal = ?, bytes = NULL WHERE id = ? AND state = 'pending'",
    ),
  );
  const cached = prepared(() =>
    db.prepare<[string, string], { media_type: string; bytes: Buffer }>(
      'SELECT media_type, bytes FROM file_cache WHERE attachment_id = ? AND variant = ?',
    ),
  );
  const touch = prepared(() =>
    db.prepare<[number, string, string]>('UPDATE file_cache SET used_seq = ? WHERE attachment_id = ? AND variant = ?'),
  );
  const upsertCached = prepared(() =>
    db.prepare<[string, string, string, Buffer, number, number]>(
      `INSERT INTO file_cache (attachment_id, variant, media_type, bytes, size, used_seq) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (attachment_id, variant) DO UPDATE SET media_type = excluded.media_type, bytes = excluded.bytes,
       size = excluded.size, used_seq = excluded.used_seq`,
    ),
  );
  const usage = prepared(() =>
    db.prepare<[], { bytes: number; files: number }>(
      'SELECT COALESCE(SUM(size), 0) AS bytes, COUNT(*) AS files FROM file_cache',
    ),
  );
  const oldest = prepared(() =>
    db.prepare<[], { attachment_id: string; variant: string; size: number }>(
      'SELECT attachment_id, variant, size FROM file_cache ORDER BY used_seq LIMIT 1',
    ),
  );
  const evict = prepared(() =>
    db.prepare<[string, string]>('DELETE FROM file_cache WHERE attachment_id = ? AND variant = ?'),
  );
  const variantsOf = prepared(() =>
    db.prepare<[string], { attachment_id: string; variant: string }>(
      'SELECT attachment_id, variant FROM file_cache WHERE attachment_id IN (SELECT value FROM json_each(?))',
    ),
  );
  const pendingOf = prepared(() =>
    db.prepare<[string], { id: string }>(
      "SELECT id FROM pending_files WHERE state = 'pending' AND id IN (SELECT value FROM json_each(?))",
    ),
  );
  const seq = (): number => nextSeq().get()?.seq ?? 1;
  const attachmentOf = (data: string): Attachment => AttachmentSchema.parse(readJson<unknown>(data));

  const store: FileStore = {
    attachFile({ caseId, fileName, bytes }) {
      const refuse = (reason: string, message: string) => new StoreError('FILE_REFUSED', message, { reason });
      if (bytes.length === 0) throw refuse('EMPTY_FILE', 'the file is empty');
      if (bytes.length > ATTACHMENT_LIMITS.fileBytes)
        throw refuse('FILE_TOO_LARGE', `a file may be at most ${ATTACHMENT_LIMITS.fileBytes} bytes`);
      const name = AttachmentFileNameSchema.safeParse(fileName);
      if (!name.success) throw refuse('BAD_FILE_NAME', 'the file name has slashes or control characters');
      const mediaType = sniffMediaType(bytes);
      if (mediaType === null) throw refuse('UNSUPPORTED_TYPE', 'the content is not of an accepted type');
      const attachment: Attachment = {
        id: options.ids.uuid(),
        caseId,
        fileName: name.data,
        mediaType,
        kind: attachmentKindOf(mediaType),
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        // The API re-encodes every image it accepts.
        hasPreview: mediaType.startsWith('image/'),
        createdAt: new Date(options.clock.now()).toISOString(),
      };
      insertPending().run(attachment.id, caseId, JSON.stringify(attachment), bytes, seq());
      return attachment;
    },
    heldAttachment(id) {
      const row = pendingData().get(id);
      return row ? attachmentOf(row.data) : undefined;
    },
    filesToUpload(limit) {
      return toUpload()
        .all(limit)
        .map((row) => ({ attachment: attachmentOf(row.data), bytes: row.bytes }));
    },
    markFileUploaded: db.transaction((id: string) => {
      const row = pendingBytes().get(id);
      if (!row?.bytes) return;
      const attachment = attachmentOf(row.data);
      setUploaded().run(id);
      // An image's original is the agent's own file, shown to them only; others get the API's re-encoded copy.
      store.cacheFile(id, 'original', { mediaType: attachment.mediaType, bytes: row.bytes });
    }),
    markFileRefused(id, code) {
      setRefused().run(code, id);
    },
    cachedFile(id, variant) {
      const row = cached().get(id, variant);
      if (row) {
        touch().run(seq(), id, variant);
        return { mediaType: row.media_type, bytes: row.bytes };
      }
      const pending = pendingBytes().get(id);
      if (!pending?.bytes || variant !== 'original') return undefined;
      const mediaType: AttachmentMediaType = attachmentOf(pending.data).mediaType;
      return { mediaType, bytes: pending.bytes };
    },
    heldVariants(ids) {
      const held = new Map<string, AttachmentVariant[]>();
      const json = JSON.stringify(ids);
      const add = (id: string, variant: AttachmentVariant) => held.set(id, [...(held.get(id) ?? []), variant]);
      for (const row of variantsOf().all(json))
        if (row.variant === 'original' || row.variant === 'display' || row.variant === 'thumbnail')
          add(row.attachment_id, row.variant);
      for (const row of pendingOf().all(json)) if (!held.get(row.id)?.includes('original')) add(row.id, 'original');
      return held;
    },
    cacheFile: db.transaction((id: string, variant: AttachmentVariant, file: CachedFile) => {
      // A file larger than the whole cache is shown but not kept.
      if (file.bytes.length > limitBytes) return;
      upsertCached().run(id, variant, file.mediaType, file.bytes, file.bytes.length, seq());
      for (let total = usage().get()?.bytes ?? 0; total > limitBytes;) {
        const victim = oldest().get();
        if (!victim) break;
        evict().run(victim.attachment_id, victim.variant);
        total -= victim.size;
      }
    }),
    fileCacheUsage() {
      const row = usage().get();
      return { bytes: row?.bytes ?? 0, files: row?.files ?? 0, limitBytes };
    },
  };
  return store;
}
