export { DraftsProvider, useDrafts } from './DraftsProvider';
export { draftStore, draftKey, type DraftStore, type DraftInput, type UserDrafts } from './draftStore';
export { DRAFT_BODY_MAX_LENGTH, openDraftsDb, type Draft, type DraftKind } from './draftsDb';
