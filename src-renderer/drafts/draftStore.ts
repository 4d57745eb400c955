import { DraftSchema, type Draft, type DraftKind, type DraftsDb } from './draftsDb';

export type DraftInput = Omit<Draft, 'key' | 'updatedAt' | 'userId'>;

export function draftKey(userId: string, caseId: string, kind: DraftKind): string {
  return `${userId}:${caseId}:${kind}`;
}

/**
 * Drafts kept in IndexedDB so a reload or a crash of the renderer loses nothing the agent typed. Each user's
 * drafts are their own: `forUser` sees and writes only the signed-in user's.
 */
export function draftStore(db: DraftsDb, clock: () => Date = () => new Date()) {
  return {
    forUser(userId: string) {
      return {
        async save(input: DraftInput): Promise<Draft> {
          const draft = DraftSchema.parse({
            ...input,
            userId,
            key: draftKey(userId, input.caseId, input.kind),
            updatedAt: clock().toISOString(),
          });
          await db.drafts.put(draft);
          return draft;
        },
        async load(caseId: string, kind: DraftKind): Promise<Draft | null> {
          const found = await db.drafts.get(draftKey(userId, caseId, kind));
          if (found === undefined) return null;
          // A row another build wrote in a shape this one does not know is dropped rather than half-used.
          const parsed = DraftSchema.safeParse(found);
          return parsed.success && parsed.data.userId === userId ? parsed.data : null;
        },
        async remove(caseId: string, kind: DraftKind): Promise<void> {
          await db.drafts.delete(draftKey(userId, caseId, kind));
        },
        async casesWithDrafts(): Promise<string[]> {
          const drafts = await db.drafts.where('userId').equals(userId).toArray();
          return [...new Set(drafts.map((draft) => draft.caseId))].sort();
        },
      };
    },
    /** "Sign out and remove this device's data", or a revoked device: no draft of anyone stays behind. */
    async clearAll(): Promise<void> {
      await db.drafts.clear();
    },
  };
}
export type DraftStore = ReturnType<typeof draftStore>;
export type UserDrafts = ReturnType<DraftStore['forUser']>;
