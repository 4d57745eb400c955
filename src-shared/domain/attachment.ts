import { z } from 'zod';
import { IdSchema, InstantSchema } from './ids';

/**
 * Limits the central API holds files to (README "Attachments"): a file, all files of one message, and how
 * many files one message carries. A file over a limit is refused on its own; the message still arrives.
 */
export const ATTACHMENT_LIMITS = {
  fileBytes: 10 * 1024 * 1024,
  messageBytes: 25 * 1024 * 1024,
  filesPerMessage: 10,
  fileNameLength: 200,
} as const;

/**
 * Types the API accepts, as sniffed from the bytes (never the name or a header). Images, PDFs and plain
 * text are shown inside the app; a ZIP archive (also Office documents) is only ever offered as a download.
 */
export const ATTACHMENT_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'application/zip',
] as const;
export const AttachmentMediaTypeSchema = z.enum(ATTACHMENT_MEDIA_TYPES);
export type AttachmentMediaType = z.infer<typeof AttachmentMediaTypeSchema>;

/** How the case view shows a file: image viewer, PDF viewer, text, or a download only. */
export const ATTACHMENT_KINDS = ['image', 'pdf', 'text', 'file'] as const;
export const AttachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

export function attachmentKindOf(mediaType: AttachmentMediaType): AttachmentKind {
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType === 'text/plain') return 'text';
  return 'file';
}

/** A name to show and offer on download; never used to decide the type. */
export const AttachmentFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(ATTACHMENT_LIMITS.fileNameLength)
  // Path separators and control characters would let a name pose as a path or hide its real ending.
  .regex(/^[^/\\\p{Cc}\p{Cf}]+$/u, 'a file name without slashes or control characters');

/** One stored file as messages and notes carry it (the bytes stay in the API's file store). */
export const AttachmentSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  fileName: AttachmentFileNameSchema,
  mediaType: AttachmentMediaTypeSchema,
  kind: AttachmentKindSchema,
  size: z.int().min(1).max(ATTACHMENT_LIMITS.fileBytes),
  /** Hex SHA-256 of the original bytes: the evidence's fingerprint and its address in the store. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Images only: a re-encoded copy (orientation applied, metadata such as EXIF location removed) and a thumbnail. */
  hasPreview: z.boolean(),
  createdAt: InstantSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Which copy of a file to download: images are only ever served re-encoded (`display`, `thumbnail`). */
export const ATTACHMENT_VARIANTS = ['original', 'display', 'thumbnail'] as const;
export const AttachmentVariantSchema = z.enum(ATTACHMENT_VARIANTS);
export type AttachmentVariant = z.infer<typeof AttachmentVariantSchema>;

/** Why a file was not stored; a program reads the code, a person the message. */
export const ATTACHMENT_REFUSALS = [
  'EMPTY_FILE',
  'FILE_TOO_LARGE',
  'MESSAGE_TOO_LARGE',
  'TOO_MANY_FILES',
  'UNSUPPORTED_TYPE',
  'UNREADABLE_IMAGE',
  'BAD_FILE_NAME',
  'BAD_ENCODING',
  'UNKNOWN_UPLOAD',
] as const;
export const AttachmentRefusalCodeSchema = z.enum(ATTACHMENT_REFUSALS);
export type AttachmentRefusalCode = z.infer<typeof AttachmentRefusalCodeSchema>;
