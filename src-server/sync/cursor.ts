import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from '../http/httpError';

/**
 * Cursors and page tokens are opaque to clients: `payload.signature`, the payload base64url JSON and the
 * signature an HMAC-SHA256 over it with the database's signing key (issue 19.5). A client can read its
 * cursor but not rewind it, forge one or use another user's: each is bound to the user it was issued to.
 */
export interface CursorSigner {
  key: string;
  userId: string;
}

const CursorSchema = z.object({ v: z.literal(2), u: z.string(), epoch: z.string().min(1), seq: z.int().min(0) });
export type Cursor = z.infer<typeof CursorSchema>;

export const BOOTSTRAP_STAGES = ['team', 'user', 'case', 'message', 'note', 'case_event'] as const;
const PageTokenSchema = z.object({
  v: z.literal(2),
  u: z.string(),
  epoch: z.string().min(1),
  seq: z.int().min(0),
  stage: z.enum(BOOTSTRAP_STAGES),
  after: z.string(),
});
export type PageToken = z.infer<typeof PageTokenSchema>;
export type PageTokenClaims = Omit<PageToken, 'v' | 'u'>;

/** Before signing, cursors were bare base64url JSON with v 1: such a client bootstraps again. */
const UnsignedSchema = z.object({ v: z.literal(1) });

function signature(key: string, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

function sign(signer: CursorSigner, claims: object): string {
  const payload = Buffer.from(JSON.stringify({ v: 2, u: signer.userId, ...claims })).toString('base64url');
  return `${payload}.${signature(signer.key, payload).toString('base64url')}`;
}

function readPayload(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function verify<T extends { u: string }>(schema: z.ZodType<T>, signer: CursorSigner, value: string, what: string): T {
  const [payload = '', given, ...extra] = value.split('.');
  if (given === undefined && UnsignedSchema.safeParse(readPayload(payload)).success)
    throw new HttpError(409, 'RESET_REQUIRED', `this ${what} is from an older server version: bootstrap again`, {
      reason: 'format',
    });
  const expected = signature(signer.key, payload);
  const actual = Buffer.from(given ?? '', 'base64url');
  const isSigned = extra.length === 0 && actual.length === expected.length && timingSafeEqual(actual, expected);
  const claims = isSigned ? schema.safeParse(readPayload(payload)) : undefined;
  if (!claims?.success || claims.data.u !== signer.userId)
    throw new HttpError(400, 'BAD_REQUEST', `the ${what} was not issued to this user by this server`);
  return claims.data;
}

export function signCursor(signer: CursorSigner, epoch: string, seq: number): string {
  return sign(signer, { epoch, seq });
}

export function verifyCursor(signer: CursorSigner, value: string): Cursor {
  return verify(CursorSchema, signer, value, 'cursor');
}

export function signPageToken(signer: CursorSigner, claims: PageTokenClaims): string {
  return sign(signer, claims);
}

export function verifyPageToken(signer: CursorSigner, value: string): PageToken {
  return verify(PageTokenSchema, signer, value, 'page token');
}

/** The claims of a cursor without checking its signature: for tests and logs, never for serving. */
export function readCursorClaims(value: string): { epoch: string; seq: number } {
  return z.object({ epoch: z.string(), seq: z.int() }).parse(readPayload(value.split('.')[0] ?? ''));
}
