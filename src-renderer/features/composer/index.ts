export { Composer } from './components/Composer';
export { replyOptions, type ReplyOption } from './replyCatalog';
export { findingsFor, sendState, blocksSending } from './composerModel';
export { FindingsList } from './components/FindingsList';
