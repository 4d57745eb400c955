import { sniffMediaType } from '../../src-shared/attachments/sniffMediaType';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_MEDIA_TYPES,
  AttachmentFileNameSchema,
  type AttachmentRefusalCode,
} from '../../src-shared/domain/attachment';
import type { StoredFile } from './attachmentIndex';
import type { BlobStore } from './blobStore';
import { imagePreview } from './imagePreview';

export interface FileRefusal {
  code: AttachmentRefusalCode;
  message: string;
}

export type Intake = { ok: true; file: StoredFile } | ({ ok: false } & FileRefusal);

const refused = (code: AttachmentRefusalCode, message: string): Intake => ({ ok: false, code, message });

/**
 * One file into the store: its size and name checked, its type sniffed from the bytes, images decoded and
 * re-encoded for display. Only an accepted file's bytes are written; a refusal says why in a sentence.
 */
export async function takeInFile(blobs: BlobStore, bytes: Uint8Array, fileName: string): Promise<Intake> {
  if (bytes.length === 0) return refused('EMPTY_FILE', `${fileName || 'the file'} is empty`);
  if (bytes.length > ATTACHMENT_LIMITS.fileBytes)
    return refused(
      'FILE_TOO_LARGE',
      `the file is ${bytes.length} bytes; a file may be at most ${ATTACHMENT_LIMITS.fileBytes} bytes (10 MiB)`,
    );
  const name = AttachmentFileNameSchema.safeParse(fileName);
  if (!name.success)
    return refused(
      'BAD_FILE_NAME',
      `a file name has 1 to ${ATTACHMENT_LIMITS.fileNameLength} characters and no slashes or control characters`,
    );
  const mediaType = sniffMediaType(bytes);
  if (mediaType === null)
    return refused(
      'UNSUPPORTED_TYPE',
      `the content of ${name.data} is not one of the accepted types (${ATTACHMENT_MEDIA_TYPES.join(', ')}), whatever its name says`,
    );
  let preview: StoredFile['preview'];
  if (mediaType.startsWith('image/')) {
    const copies = await imagePreview(bytes);
    if (!copies) return refused('UNREADABLE_IMAGE', `${name.data} looks like an image but cannot be decoded`);
    const [displaySha256, thumbnailSha256] = await Promise.all([
      blobs.put(copies.display),
      blobs.put(copies.thumbnail),
    ]);
    preview = { displaySha256, thumbnailSha256 };
  }
  const sha256 = await blobs.put(bytes);
  return {
    ok: true,
    file: { fileName: name.data, mediaType, size: bytes.length, sha256, ...(preview ? { preview } : {}) },
  };
}
