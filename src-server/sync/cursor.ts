import { z } from 'zod';
import { HttpError } from '../http/httpError';

/** Cursors and page tokens are opaque to clients: base64url JSON that only this module reads. */
const CursorSchema = z.object({ v: z.literal(1), epoch: z.string().min(1), seq: z.int().min(0) });
export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(epoch: string, seq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, epoch, seq } satisfies Cursor)).toString('base64url');
}

export function decodeOpaque<T>(schema: z.ZodType<T>, value: string, what: string): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', `malformed ${what}`);
  }
}

export function decodeCursor(value: string): Cursor {
  return decodeOpaque(CursorSchema, value, 'cursor');
}

export const BOOTSTRAP_STAGES = ['team', 'user', 'case', 'message', 'note', 'case_event'] as const;
const PageTokenSchema = z.object({
  v: z.literal(1),
  epoch: z.string().min(1),
  seq: z.int().min(0),
  stage: z.enum(BOOTSTRAP_STAGES),
  after: z.string(),
});
export type PageToken = z.infer<typeof PageTokenSchema>;

export function encodePageToken(token: Omit<PageToken, 'v'>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...token } satisfies PageToken)).toString('base64url');
}

export function decodePageToken(value: string): PageToken {
  return decodeOpaque(PageTokenSchema, value, 'page token');
}
