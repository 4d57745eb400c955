import {
  attachmentKindOf,
  AttachmentMediaTypeSchema,
  type Attachment,
  type AttachmentMediaType,
} from '../../src-shared/domain/attachment';
import { UploadedFileSchema, type UploadedFile } from '../../src-shared/sync/protocol';
import type { Queryable } from '../db/db';
import { textArray } from '../db/sqlArray';

/** A file's bytes as stored: the original's hash, and for images the hashes of its two re-encoded copies. */
export interface StoredFile {
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
  preview?: { displaySha256: string; thumbnailSha256: string };
}

export type AttachmentRow = {
  id: string;
  case_id: string | null;
  uploaded_by: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  display_sha256: string | null;
  thumbnail_sha256: string | null;
  created_ms: number;
};

const COLUMNS =
  'id, case_id, uploaded_by, file_name, media_type, size, sha256, display_sha256, thumbnail_sha256, created_ms';

/** The row as an upload's answer gives it (caseId null until an integration's upload is sent). */
export function uploadedFileOf(row: AttachmentRow): UploadedFile {
  const mediaType = AttachmentMediaTypeSchema.parse(row.media_type);
  return UploadedFileSchema.parse({
    id: row.id,
    caseId: row.case_id,
    fileName: row.file_name,
    mediaType,
    kind: attachmentKindOf(mediaType),
    size: Number(row.size),
    sha256: row.sha256,
    hasPreview: row.display_sha256 !== null,
    createdAt: new Date(Number(row.created_ms)).toISOString(),
  });
}

/** The row as messages carry it; undefined for a file not yet bound to a case. */
export function attachmentOf(row: AttachmentRow): Attachment | undefined {
  const file = uploadedFileOf(row);
  return file.caseId === null ? undefined : { ...file, caseId: file.caseId };
}

export async function insertAttachment(
  q: Queryable,
  row: { id: string; caseId: string | null; uploadedBy: string; nowMs: number },
  file: StoredFile,
): Promise<AttachmentRow> {
  const [inserted] = await q.query<AttachmentRow>(
    `INSERT INTO attachments (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
    [
      row.id,
      row.caseId,
      row.uploadedBy,
      file.fileName,
      file.mediaType,
      file.size,
      file.sha256,
      file.preview?.displaySha256 ?? null,
      file.preview?.thumbnailSha256 ?? null,
      row.nowMs,
    ],
  );
  if (inserted) return inserted;
  const existing = await attachmentRow(q, row.id);
  if (!existing) throw new Error(`attachment ${row.id} neither inserted nor found`);
  return existing;
}

export async function attachmentRow(q: Queryable, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await q.query<AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE id = $1`, [id]);
  return row;
}

/** Files bound to a case, by id: what a reply or note with attachments may name. */
export async function loadAttachments(q: Queryable, ids: readonly string[]): Promise<Map<string, Attachment>> {
  const found = new Map<string, Attachment>();
  if (ids.length === 0) return found;
  const rows = await q.query<AttachmentRow>(
    `SELECT ${COLUMNS} FROM attachments WHERE id = ANY($1::text[]) AND case_id IS NOT NULL`,
    [textArray(ids)],
  );
  for (const row of rows) {
    const attachment = attachmentOf(row);
    if (attachment) found.set(attachment.id, attachment);
  }
  return found;
}

/**
 * Binds a file the integration uploaded to the case its inbound message landed on; undefined when the id
 * is unknown, someone else's, or already bound (each upload belongs to one message).
 */
export async function bindUpload(
  q: Queryable,
  id: string,
  uploadedBy: string,
  caseId: string,
): Promise<Attachment | undefined> {
  const [row] = await q.query<AttachmentRow>(
    `UPDATE attachments SET case_id = $3 WHERE id = $1 AND uploaded_by = $2 AND case_id IS NULL RETURNING ${COLUMNS}`,
    [id, uploadedBy, caseId],
  );
  return row && attachmentOf(row);
}
