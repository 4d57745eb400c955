import { randomUUID } from 'node:crypto';
import {
  ATTACHMENT_LIMITS,
  AttachmentMediaTypeSchema,
  attachmentKindOf,
  type Attachment,
} from '../../src-shared/domain/attachment';
import type { InboundFileResult, InboundRequest } from '../../src-shared/sync/protocol';
import type { Queryable } from '../db/db';
import { attachmentRow, bindUpload, insertAttachment, type StoredFile } from './attachmentIndex';
import type { BlobStore } from './blobStore';
import { takeInFile, type Intake } from './fileIntake';

type InboundFile = NonNullable<InboundRequest['attachments']>[number];

/** Strict base64 (Buffer.from would skip anything it does not know), checked without a backtracking pattern. */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) return false;
  const padding = text.indexOf('=');
  return padding < 0 || (padding >= text.length - 2 && /^=+$/.test(text.slice(padding)));
}

/**
 * The inline files of an inbound message into the store, before its transaction (decoding images is slow
 * and needs no lock). Entries by reference are taken in later, inside it.
 */
export async function takeInInlineFiles(
  blobs: BlobStore,
  files: readonly InboundFile[],
): Promise<(Intake | undefined)[]> {
  const intakes: (Intake | undefined)[] = [];
  for (const file of files) {
    if (!('contentBase64' in file)) intakes.push(undefined);
    else if (!isBase64(file.contentBase64))
      intakes.push({ ok: false, code: 'BAD_ENCODING', message: `${file.fileName} is not valid base64` });
    else intakes.push(await takeInFile(blobs, Buffer.from(file.contentBase64, 'base64'), file.fileName));
  }
  return intakes;
}

/** What the message will carry, and the rows to write once its case exists. */
export interface InboundFilePlan {
  results: InboundFileResult[];
  attachments: Attachment[];
  write(tx: Queryable): Promise<void>;
}

/**
 * Each file of an inbound message checked on its own, in order: refused files (too large, refused type, too
 * many, past the message's total, an unknown upload) are listed with the reason and the rest still arrive.
 */
export async function planInboundFiles(
  tx: Queryable,
  files: readonly InboundFile[],
  intakes: readonly (Intake | undefined)[],
  target: { caseId: string; integrationId: string; nowMs: number },
): Promise<InboundFilePlan> {
  const results: InboundFileResult[] = [];
  const attachments: Attachment[] = [];
  const writes: ((tx: Queryable) => Promise<unknown>)[] = [];
  let total = 0;
  for (const [index, file] of files.entries()) {
    const refuse = (code: Extract<InboundFileResult, { ok: false }>['code'], message: string) =>
      results.push({ index, ok: false, code, message });
    const intake = intakes[index];
    let stored: StoredFile;
    let id: string;
    let createdMs = target.nowMs;
    if ('uploadId' in file) {
      const [row] = await tx.query<{ id: string }>(
        'SELECT id FROM attachments WHERE id = $1 AND uploaded_by = $2 AND case_id IS NULL FOR UPDATE',
        [file.uploadId, target.integrationId],
      );
      const upload = row && (await attachmentRow(tx, row.id));
      if (!upload) {
        refuse('UNKNOWN_UPLOAD', `no upload ${file.uploadId} of yours waits to be sent`);
        continue;
      }
      id = upload.id;
      createdMs = Number(upload.created_ms);
      stored = {
        fileName: upload.file_name,
        mediaType: AttachmentMediaTypeSchema.parse(upload.media_type),
        size: Number(upload.size),
        sha256: upload.sha256,
      };
      if (upload.display_sha256 !== null && upload.thumbnail_sha256 !== null)
        stored.preview = { displaySha256: upload.display_sha256, thumbnailSha256: upload.thumbnail_sha256 };
    } else {
      if (!intake) throw new Error(`inline file ${index} was not taken in`);
      if (!intake.ok) {
        refuse(intake.code, intake.message);
        continue;
      }
      id = randomUUID();
      stored = intake.file;
    }
    if (attachments.length >= ATTACHMENT_LIMITS.filesPerMessage) {
      refuse('TOO_MANY_FILES', `a message carries at most ${ATTACHMENT_LIMITS.filesPerMessage} files`);
      continue;
    }
    if (total + stored.size > ATTACHMENT_LIMITS.messageBytes) {
      refuse(
        'MESSAGE_TOO_LARGE',
        `with this file the message would carry ${total + stored.size} bytes; at most ${ATTACHMENT_LIMITS.messageBytes} (25 MiB)`,
      );
      continue;
    }
    total += stored.size;
    const attachment: Attachment = {
      id,
      caseId: target.caseId,
      fileName: stored.fileName,
      mediaType: stored.mediaType,
      kind: attachmentKindOf(stored.mediaType),
      size: stored.size,
      sha256: stored.sha256,
      hasPreview: stored.preview !== undefined,
      createdAt: new Date(createdMs).toISOString(),
    };
    attachments.push(attachment);
    results.push({ index, ok: true, attachment });
    writes.push(
      'uploadId' in file
        ? (q) => bindUpload(q, id, target.integrationId, target.caseId)
        : (q) =>
            insertAttachment(
              q,
              { id, caseId: target.caseId, uploadedBy: target.integrationId, nowMs: target.nowMs },
              stored,
            ),
    );
  }
  return {
    results,
    attachments,
    async write(q) {
      for (const write of writes) await write(q);
    },
  };
}
