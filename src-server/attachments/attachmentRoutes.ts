import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canSee } from '../../src-shared/caseRules';
import { ATTACHMENT_LIMITS, AttachmentVariantSchema } from '../../src-shared/domain/attachment';
import type { UploadedFile } from '../../src-shared/sync/protocol';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/db';
import { HttpError } from '../http/httpError';
import { attachmentRow, insertAttachment, uploadedFileOf, type AttachmentRow } from './attachmentIndex';
import { sha256Hex, type BlobStore } from './blobStore';
import { refusalError } from './refusalError';
import { takeInFile } from './fileIntake';
import { PREVIEW_MEDIA_TYPE } from './imagePreview';

export interface AttachmentRouteOptions {
  db: Db;
  blobs: BlobStore;
  now: () => number;
  principalOf(request: FastifyRequest): Promise<Principal>;
}

const ParamsSchema = z.object({ attachmentId: z.uuid() });
const UploadQuerySchema = z.object({ caseId: z.uuid().optional(), name: z.string().min(1).max(1000) });
const DownloadQuerySchema = z.object({ variant: AttachmentVariantSchema.default('original') });

const notFound = (): HttpError =>
  new HttpError(404, 'NOT_FOUND', 'no such attachment, or it belongs to a case you cannot see');

/**
 * `PUT /api/v1/attachments/:attachmentId?caseId=&name=` stores one file (the raw bytes as
 * application/octet-stream); the caller chooses the id, so a desk that lost the answer sends the same
 * request again and gets the same file back (exactly once). `GET .../content?variant=` serves it to whoever
 * may see its case. Registered in their own plugin, the only place that reads octet-stream bodies.
 */
export function attachmentRoutes(options: AttachmentRouteOptions): FastifyPluginAsync {
  const { db, blobs, now, principalOf } = options;
  return async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: ATTACHMENT_LIMITS.fileBytes },
      (_request, body, done) => done(null, body),
    );

    scope.put(
      '/api/v1/attachments/:attachmentId',
      { bodyLimit: ATTACHMENT_LIMITS.fileBytes },
      async (request, reply) => {
        const principal = await principalOf(request);
        const { attachmentId } = ParamsSchema.parse(request.params);
        const query = UploadQuerySchema.parse(request.query);
        const caseId = await uploadTarget(db, principal, query.caseId);
        if (!Buffer.isBuffer(request.body))
          throw new HttpError(
            400,
            'BAD_REQUEST',
            'send the file as the body, with Content-Type application/octet-stream',
          );
        const bytes = request.body;
        const existing = await attachmentRow(db, attachmentId);
        if (existing) return sameUpload(existing, principal, caseId, sha256Hex(bytes));
        const intake = await takeInFile(blobs, bytes, query.name);
        if (!intake.ok) throw refusalError(intake);
        const row = await insertAttachment(
          db,
          { id: attachmentId, caseId, uploadedBy: principal.id, nowMs: now() },
          intake.file,
        );
        // Two uploads under one id at once: the one that lost the insert is answered like a repeat.
        if (row.sha256 !== intake.file.sha256 || row.uploaded_by !== principal.id)
          return sameUpload(row, principal, caseId, intake.file.sha256);
        return reply.code(201).send(uploadedFileOf(row));
      },
    );

    scope.get('/api/v1/attachments/:attachmentId/content', async (request, reply) => {
      const principal = await principalOf(request);
      const { attachmentId } = ParamsSchema.parse(request.params);
      const { variant } = DownloadQuerySchema.parse(request.query);
      const row = await attachmentRow(db, attachmentId);
      if (!row || !(await mayDownload(db, principal, row))) throw notFound();
      const isImage = row.display_sha256 !== null;
      if (isImage && variant === 'original')
        throw new HttpError(
          403,
          'FORBIDDEN',
          "an image's original is kept as evidence and never served (it may hold the sender's location); ask for variant=display",
        );
      const sha256 =
        variant === 'display' ? row.display_sha256 : variant === 'thumbnail' ? row.thumbnail_sha256 : row.sha256;
      if (sha256 === null)
        throw new HttpError(404, 'NOT_FOUND', `${row.file_name} has no ${variant} copy; ask for variant=original`);
      const blob = await blobs.open(sha256);
      if (!blob)
        throw new HttpError(
          503,
          'UNAVAILABLE',
          'the file store does not answer for this file right now; retry later',
          undefined,
          {
            'retry-after': '30',
          },
        );
      const mediaType = isImage
        ? PREVIEW_MEDIA_TYPE
        : row.media_type === 'text/plain'
          ? 'text/plain; charset=utf-8'
          : row.media_type;
      return reply
        .headers({
          'content-type': mediaType,
          'content-length': String(blob.size),
          // Nothing a browser or the OS might run: never sniffed, no scripts, offered as a download unless a preview.
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
          'content-disposition': `${variant === 'original' ? 'attachment' : 'inline'}; ${dispositionName(row.file_name)}`,
          etag: `"${sha256}"`,
        })
        .send(blob.stream);
    });
  };
}

/** The case an upload belongs to: an integration's uploads wait for their inbound message, everyone else names a case they see. */
async function uploadTarget(db: Db, principal: Principal, caseId: string | undefined): Promise<string | null> {
  if (principal.role === 'trainer') throw new HttpError(403, 'FORBIDDEN', 'a trainer account may not upload files');
  if (principal.role === 'integration') {
    if (caseId !== undefined)
      throw new HttpError(
        400,
        'BAD_REQUEST',
        'an integration uploads without a case and names the upload in an inbound message',
      );
    return null;
  }
  if (caseId === undefined) throw new HttpError(400, 'BAD_REQUEST', 'name the case the file belongs to (caseId)');
  const [found] = await db.query<{ team_id: string; assignee_id: string | null }>(
    'SELECT team_id, assignee_id FROM cases WHERE id = $1',
    [caseId],
  );
  if (!found || !canSee(principal, { teamId: found.team_id, assigneeId: found.assignee_id }))
    throw new HttpError(404, 'NOT_FOUND', `case ${caseId} does not exist or you cannot see it`);
  return caseId;
}

/** A repeated upload (same caller, case and bytes) gets the stored file; anything else under that id is a conflict. */
function sameUpload(
  existing: AttachmentRow,
  principal: Principal,
  caseId: string | null,
  sha256: string,
): UploadedFile {
  if (existing.uploaded_by !== principal.id || existing.case_id !== caseId || existing.sha256 !== sha256)
    throw new HttpError(409, 'CONFLICT', 'this attachment id is already used for another file; choose a new id');
  return uploadedFileOf(existing);
}

/**
 * Scope follows the case: a file of a case is for whoever sees the case. An upload not yet bound to a case
 * is its uploader's alone; the channel integration also fetches the files of replies it delivers.
 */
async function mayDownload(db: Db, principal: Principal, row: AttachmentRow): Promise<boolean> {
  if (row.case_id === null) return row.uploaded_by === principal.id;
  if (principal.role === 'integration') {
    const [outbound] = await db.query(
      `SELECT 1 FROM messages WHERE case_id = $1 AND data->>'direction' = 'outbound'
         AND data->'attachments' @> jsonb_build_array(jsonb_build_object('id', $2::text)) LIMIT 1`,
      [row.case_id, row.id],
    );
    return outbound !== undefined;
  }
  const [found] = await db.query<{ team_id: string; assignee_id: string | null }>(
    'SELECT team_id, assignee_id FROM cases WHERE id = $1',
    [row.case_id],
  );
  return found !== undefined && canSee(principal, { teamId: found.team_id, assigneeId: found.assignee_id });
}

/** RFC 6266: an ASCII fallback and the exact UTF-8 name, so no name can break out of the header. */
function dispositionName(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
