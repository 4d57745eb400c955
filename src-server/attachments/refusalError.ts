import { HttpError } from '../http/httpError';
import type { FileRefusal } from './fileIntake';

/** A refused upload as an HTTP error: too large 413, a refused type 415, anything else 400; the reason code in details. */
export function refusalError(refusal: FileRefusal): HttpError {
  const details = { refusal: refusal.code };
  if (refusal.code === 'FILE_TOO_LARGE') return new HttpError(413, 'PAYLOAD_TOO_LARGE', refusal.message, details);
  if (refusal.code === 'UNSUPPORTED_TYPE') return new HttpError(415, 'UNSUPPORTED_TYPE', refusal.message, details);
  return new HttpError(400, 'BAD_REQUEST', refusal.message, details);
}
