export { DraftsProvider, useDrafts } from './DraftsProvider';
export { draftStore, draftKey, type DraftStore, type DraftInput } from './draftStore';
export { openDraftsDb, type Draft, type DraftKind } from './draftsDb';
