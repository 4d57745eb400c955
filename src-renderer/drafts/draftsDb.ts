import Dexie, { type EntityTable } from 'dexie';
import { z } from 'zod';
import { IdSchema, InstantSchema, LocaleSchema } from '../../src-shared/domain/ids';

export const DRAFT_KINDS = ['reply', 'note'] as const;
export const DraftKindSchema = z.enum(DRAFT_KINDS);
export type DraftKind = z.infer<typeof DraftKindSchema>;

/**
 * Far above what can be sent (TEXT_LIMITS.messageBody): a draft keeps a pasted text whole, so the agent can
 * shorten it after a reload instead of finding it gone.
 */
export const DRAFT_BODY_MAX_LENGTH = 1_000_000;

/** What the agent has typed but not sent; one per case and kind, so a reply and a note can be drafted together. */
export const DraftSchema = z.object({
  key: z.string().min(1),
  /**
   * Whose draft it is: one user's drafts are never shown to another on the same device (issue 19). Drafts
   * from version 1 have no owner; they are never shown to anyone and go with the next clear.
   */
  userId: IdSchema,
  caseId: IdSchema,
  kind: DraftKindSchema,
  body: z.string().max(DRAFT_BODY_MAX_LENGTH),
  /** The customer language the reply is written in (replies only). */
  locale: LocaleSchema.nullable(),
  /** Minted when the draft starts and kept until it is sent, so a retried send cannot create two messages. */
  entityId: IdSchema,
  /** The canned reply it started from, if any. */
  replyId: z.string().nullable(),
  updatedAt: InstantSchema,
});
export type Draft = z.infer<typeof DraftSchema>;

export type DraftsDb = Dexie & { drafts: EntityTable<Draft, 'key'> };

/**
 * Every schema version of the renderer's IndexedDB lives here and only here (STYLE.md): versions are
 * appended, never edited, and only what is queried is indexed.
 */
export function openDraftsDb(
  name = 'crossdesk-drafts',
  idb?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): DraftsDb {
  const db = new Dexie(name, idb ?? {}) as DraftsDb;
  db.version(1).stores({ drafts: 'key, caseId, updatedAt' });
  db.version(2).stores({ drafts: 'key, caseId, updatedAt, userId' });
  return db;
}
