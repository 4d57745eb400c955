import { DraftSchema, type Draft, type DraftKind, type DraftsDb } from './draftsDb';

export type DraftInput = Omit<Draft, 'key' | 'updatedAt'>;

export function draftKey(caseId: string, kind: DraftKind): string {
  return `${caseId}:${kind}`;
}

/** Drafts kept in IndexedDB so a reload or a crash of the renderer loses nothing the agent typed. */
export function draftStore(db: DraftsDb, clock: () => Date = () => new Date()) {
  return {
    async save(input: DraftInput): Promise<Draft> {
      const draft = DraftSchema.parse({
        ...input,
        key: draftKey(input.caseId, input.kind),
        updatedAt: clock().toISOString(),
      });
      await db.drafts.put(draft);
      return draft;
    },
    async load(caseId: string, kind: DraftKind): Promise<Draft | null> {
      const found = await db.drafts.get(draftKey(caseId, kind));
      if (found === undefined) return null;
      // A row another build wrote in a shape this one does not know is dropped rather than half-used.
      const parsed = DraftSchema.safeParse(found);
      return parsed.success ? parsed.data : null;
    },
    async remove(caseId: string, kind: DraftKind): Promise<void> {
      await db.drafts.delete(draftKey(caseId, kind));
    },
    /** "Sign out and remove this device's data", or a revoked device: no draft stays behind. */
    async clearAll(): Promise<void> {
      await db.drafts.clear();
    },
    async casesWithDrafts(): Promise<string[]> {
      const keys = await db.drafts.orderBy('caseId').uniqueKeys();
      return keys.filter((key): key is string => typeof key === 'string');
    },
  };
}
export type DraftStore = ReturnType<typeof draftStore>;
